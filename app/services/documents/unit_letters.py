"""学员选调函 / 调训通知: one letter per unit, with its quota, the deadline, the 5-day replacement rule, fees
and contacts (seed 004), in the 版头 the office chose (信函格式 by default); its 附件 is the 学员回执表, with
the names the unit sends so far and a blank row for each seat it still has to fill; the 版记 closes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from app.domain.errors import UserError
from app.domain.idcard import mask_id
from app.domain.models import Unit
from app.services import settings
from app.services.documents import heads
from app.services.documents.attachments import Attachment, attachment_note, attachment_pages
from app.services.documents.formats import cn_date
from app.services.documents.layout import OFFICIAL
from app.services.documents.letters import checked_template, letter_story, period_values, require, signed
from app.services.documents.pdf import DocumentStart, build_pdf, head_flowables, imprint_flowables
from app.services.documents.request import DocumentRequest
from app.services.documents.seal import seal_image
from app.services.documents.sources import PeriodInfo, Trainee, issue_date, period_info, trainees
from app.services.documents.templates import UNIT_LETTER, fill, template_text
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.storage import periods, quotas, tables
from app.storage.connection import Database

KIND = "unit-letters"
RECEIPT = "学员回执表"
REPLY_DAYS = 10  # default: names are due this many days before the class starts
REPLY_DAYS_SETTING = "unit_letter_reply_days"
REPLACE_DAYS = 5  # a replacement is reported at least 5 days before the class (seed 004)
_NAMED = (("序号", 12), ("姓名", 22), ("性别", 12), ("职务", 34), ("身份证号", 46), ("联系电话", 30))
_BLANK = (("序号", 12), ("姓名", 22), ("性别", 12), ("单位及职务", 40), ("联系电话", 30), ("重点难点问题", 40))


@dataclass
class UnitCall:
    """One unit called into one period: its seats and whom it has sent so far."""
    info: PeriodInfo
    unit: Unit
    seats: int
    names: list[Trainee]


def unit_calls(db: Database, request: DocumentRequest) -> list[UnitCall]:
    if request.period_id is None and request.unit_id is None:
        raise UserError("请指定期次或单位")
    calls = []
    for period_id in _periods(db, request):
        info = period_info(db, period_id)
        for unit_id, seats in quotas.unit_seats(db, period_id, request.unit_id):
            names = trainees(db, period_id, unit_id=unit_id)
            calls.append(UnitCall(info, tables.units(db).get(unit_id), max(seats, len(names)), names))
    if not calls:
        raise UserError("没有分配名额或已有学员的单位，没有可打印的选调函")
    return calls


def _periods(db: Database, request: DocumentRequest) -> list[int]:
    if request.period_id is not None:
        return [request.period_id]
    return periods.calling_unit(db, request.unit_id)


def _days_before(start: str, days: int) -> str:
    return cn_date(date.fromisoformat(start) - timedelta(days=days))


def letter_values(t: Typesetter, call: UnitCall, reply_days: int) -> dict[str, str]:
    info, start = call.info, call.info.period.start_date
    unit = t.check(call.unit.name, f"单位“{call.unit.name}”", "单位名称")
    plan = f"《{t.check(info.plan.title, '计划', '名称')}》" if info.plan else "年度干部教育培训计划"
    contact_org = info.contacts[0].org if info.contacts and info.contacts[0].org else info.issuer
    missing = call.seats - len(call.names)
    if not call.names:
        prompt = f"请你单位按照调训对象要求确定{call.seats}名参训学员，填写{RECEIPT}（见附件）后报送。"
    elif missing:
        prompt = (f"经研究，请你单位{RECEIPT}（见附件）所列{len(call.names)}名同志参加培训，"
                  f"另请按照调训对象要求补报{missing}名，填入{RECEIPT}。")
    else:
        prompt = f"经研究，请你单位{RECEIPT}（见附件）所列{len(call.names)}名同志参加培训，请核对后报送{RECEIPT}。"
    return {"单位": unit, "名额": str(call.seats), "名单说明": prompt, "计划名称": plan,
            "报送截止日期": _days_before(start, reply_days), "更换截止日期": _days_before(start, REPLACE_DAYS),
            "联系部门": t.check(contact_org, "联系人", "单位")}


def receipt(t: Typesetter, call: UnitCall) -> Attachment:
    """The 附件 学员回执表: the class and the unit (to be sealed), then the names table."""
    unit = t.check(call.unit.name, f"单位“{call.unit.name}”", "单位名称")
    what = t.check(call.info.title, f"班次“{call.info.training_class.name}”", "班次名称")
    lines = [t.para(f"班次：{what}", t.styles.subtitle), t.para(f"单位（盖章）：{unit}", t.styles.subtitle)]
    return Attachment(RECEIPT, [*lines, names_table(t, call)])


def names_table(t: Typesetter, call: UnitCall):
    """The names sent so far, then a blank row for each seat still to fill (a blank form when none are)."""
    columns = _NAMED if call.names else _BLANK
    body = [[str(i), t.check(p.name, p.owner, "姓名"), p.gender, t.check(p.post, p.owner, "职务"),
             mask_id(p.id_number), p.phone] for i, p in enumerate(call.names, start=1)]
    body += [[str(i), "", "", "", "", ""] for i in range(len(body) + 1, call.seats + 1)]
    return t.table([c[0] for c in columns], body, [c[1] * mm for c in columns], centered=(0, 1, 2),
                   row_height=9 * mm)


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    calls = unit_calls(db, request)
    t = Typesetter()
    template = checked_template(t, UNIT_LETTER, template_text(db, UNIT_LETTER))
    reply_days = int(settings.get(db, REPLY_DAYS_SETTING, REPLY_DAYS))
    issued_on, seal = issue_date(request.issued_on), seal_image(db)
    story: list = []
    imprint = heads.imprint(db, KIND, issued_on)
    for index, call in enumerate(calls):
        values = {**period_values(t, call.info), **letter_values(t, call, reply_days)}
        require(template, values, call.info.title)
        blocks = {"{学员名单}": []}  # a template saved before the names became the 附件 has this line
        body = letter_story(t, fill(template, values), blocks) + attachment_note(t, [RECEIPT])
        head = heads.masthead(db, KIND, issuer=call.info.issuer)
        story += [DocumentStart(index), *head_flowables(t, head, OFFICIAL)]
        story += signed(t, body, call.info.issuer, issued_on, seal)
        story += attachment_pages(t, [receipt(t, call)])
        story += imprint_flowables(t, imprint)
        story.append(PageBreak())
    title = calls[0].info.title + "学员选调函" if request.period_id else f"{calls[0].unit.name}学员选调函"
    return build_pdf(target, story[:-1], t, OFFICIAL, title, len(calls), progress=progress)
