"""What letters share: the period's fields for the templates, and a filled template laid out as an
official document (title, addressee, 一、 headings in 黑体, （一） in 楷体, body, issuing body and date).
"""
from __future__ import annotations

import math
import re
from xml.sax.saxutils import unescape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph

from app.domain.errors import UserError
from app.domain.models import Contact
from app.services.documents.formats import amount, cn_date, cn_range, report_time
from app.services.documents.layout import OFFICIAL
from app.services.documents.pdf import Signature
from app.services.documents.sources import PeriodInfo
from app.services.documents.templates import FIELD, LetterTemplate
from app.services.documents.typeset import Typesetter

HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")
TAG = re.compile(r"<[^>]+>")


def contacts_sentence(contacts: list[Contact]) -> str:
    """市委组织部：李明，电话023-63751234，传真023-63751235；…。"""
    parts = []
    for contact in contacts:
        text = f"{contact.org}：{contact.name}" if contact.org else contact.name
        text += f"，电话{contact.phone}" if contact.phone else ""
        text += f"，传真{contact.fax}" if contact.fax else ""
        parts.append(text)
    return "；".join(parts) + "。" if parts else ""


def fee_sentence(fee: float) -> str:
    if fee > 0:
        return f"培训费每人{amount(fee)}元，学员报到时一并交纳。"
    return "本期培训不收取培训费。"


def period_values(t: Typesetter, info: PeriodInfo) -> dict[str, str]:
    """The fields every letter about a period can use, each checked against the fonts."""
    c, p = info.training_class, info.period
    owner = f"班次“{c.name}”"
    return {
        "班次": t.check(c.name, owner, "班次名称"),
        "期次": f"第{p.number}期",
        "培训时间": cn_range(p.start_date, p.end_date),
        "开始日期": cn_date(p.start_date),
        "结束日期": cn_date(p.end_date),
        "学制": str(c.length_days or p.days),
        "学时": amount(c.total_hours) if c.total_hours else "",
        "报到时间": report_time(p.report_time),
        "报到地点": t.check(p.report_place or c.place, owner, "报到地点"),
        "培训地点": t.check(c.place or p.report_place, owner, "培训地点"),
        "主办单位": t.check(c.organizer or info.office, owner, "主办单位"),
        "承办单位": t.check(c.host or c.organizer or info.office, owner, "承办单位"),
        "调训对象": t.check(c.target_trainees, owner, "调训对象"),
        "费用": fee_sentence(c.fee),
        "联系人": t.check(contacts_sentence(info.contacts), "联系人", "姓名、电话或传真"),
        "发文机关": t.check(info.issuer, owner, "主办单位"),
    }


def require(text: str, values: dict[str, str], what: str) -> None:
    """Refuses to print a letter with a blank where the template uses a field that has no value."""
    empty = [name for name in dict.fromkeys(FIELD.findall(text)) if name in values and not values[name]]
    if empty:
        raise UserError(f"{what}缺少" + "、".join(empty) + "，请先在班次或期次中补全后再打印")


def checked_template(t: Typesetter, template: LetterTemplate, text: str) -> str:
    return t.check(text, f"{template.label}模板", "正文")


def letter_story(t: Typesetter, text: str, blocks: dict | None = None, styles=None, width: float = OFFICIAL.width) -> list:
    """A filled template as flowables: the first line is the title, then the lines as the standard sets them."""
    styles = styles or t.styles
    blocks = blocks or {}
    lines = [line.strip().lstrip("\u3000") for line in text.splitlines() if line.strip()]
    story = [t.title(lines[0], styles.title, width)]
    for index, line in enumerate(lines[1:]):
        if line in blocks:
            story += blocks[line]
        elif index == 0 and line.endswith("：") and not HEADING.match(line):
            story.append(t.para(line, styles.addressee))
        elif HEADING.match(line):
            if "。" not in line[:-1]:  # a heading on its own line never ends a page
                story.append(CondPageBreak(3 * styles.body.leading))
            story.append(_lead(t, line, "heading", styles.body))
        elif SUBHEADING.match(line):
            story.append(_lead(t, line, "kai", styles.body))
        else:
            story.append(t.para(line, styles.body))
    return story


def _lead(t: Typesetter, line: str, role: str, style):
    """A heading line: the heading itself (up to its first 。) in the role's font, the rest as body text."""
    end = line.find("。") + 1
    if 0 < end < len(line):
        return t.mixed([(line[:end], role), (line[end:], None)], style)
    return t.mixed([(line, role)], style)


def signed(t: Typesetter, story: list, issuer: str, issued_on: str, seal: bytes | None, style=None,
           width: float = OFFICIAL.width) -> list:
    """The story with the issuing body and date, kept on the page of the last paragraph (never a seal alone)."""
    signature = Signature(t, issuer, cn_date(issued_on), seal, style)
    last = story[-1]
    if not isinstance(last, Paragraph):
        return [*story[:-1], KeepTogether([last, signature])]
    # Estimated rather than laid out twice (as KeepTogether would): a little more room than needed is harmless.
    needed = _estimated_height(last, width) + signature.wrap(width, 1e6)[1]
    return [*story[:-1], CondPageBreak(needed), last, signature]


def _estimated_height(paragraph: Paragraph, width: float) -> float:
    """The paragraph's height from its text's width, with a little to spare for lines broken early."""
    style = paragraph.style
    text_width = stringWidth(unescape(TAG.sub("", paragraph.text)), style.fontName, style.fontSize)
    lines = math.ceil((text_width + style.firstLineIndent) * 1.04 / width)
    return lines * style.leading + style.spaceBefore + style.spaceAfter
