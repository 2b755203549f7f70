"""The plan notice itself (seed 004): the opening paragraph, 一、班次安排 with every class's
"计划举办N期、共培训N人，举办时间…，学制N天" filled from the data, the other matters, the contacts; as a
红头文件 with the plan's 文号 by default (文书设置 decides), with the 版记 when the office set one.

The body is one outline (notice_outline: level, number, text) that the PDF here and a Word writer share.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from reportlab.platypus import CondPageBreak

from app.domain.errors import UserError
from app.domain.models import Period, PlanSection, TrainingClass
from app.domain.text import chinese_numeral
from app.services.documents import heads
from app.services.documents.formats import month_day_range
from app.services.documents.layout import LINE, OFFICIAL
from app.services.documents.letters import signed
from app.services.documents.pdf import DocumentStart, build_pdf, head_flowables, imprint_flowables
from app.services.documents.request import DocumentRequest
from app.services.documents.seal import seal_image
from app.services.documents.sources import issue_date
from app.services.documents.typeset import Typesetter
from app.services.plans import PlanOutline, SectionOutline, plan_outline
from app.services.progress import NO_PROGRESS, Progress
from app.storage.classes import classes_of_plan
from app.storage.connection import Database
from app.storage.periods import list_periods

KIND = "plan-notice"
CLASS_SECTION = "班次安排"
KEEP = 4 * LINE  # a heading starts a new page rather than end one with less than this below it


def schedule_lines(training_class: TrainingClass, periods: list[Period]) -> list[str]:
    """计划举办2期、共培训100人… as one line, or a first line and one line per period when there are several."""
    count = max(training_class.planned_periods, len(periods))
    sizes = [p.capacity or training_class.trainees_per_period for p in periods]
    sizes += [training_class.trainees_per_period] * (count - len(periods))
    days = training_class.length_days or (periods[0].days if periods else 0)
    missing = [label for label, value in (("每期人数", min(sizes, default=0)), ("学制天数", days)) if not value]
    if missing:
        raise UserError(f"无法打印计划通知：班次“{training_class.name}”缺少" + "、".join(missing) + "，请先在班次中补全")
    if count == 1:
        return [f"计划举办1期、共培训{sizes[0]}人，{_when(periods, 0)}，学制{days}天。"]
    lines = [f"计划举办{count}期、共培训{sum(sizes)}人，学制{days}天："]
    for index in range(count):
        end = "。" if index == count - 1 else "；"
        lines.append(f"第{index + 1}期，{_when(periods, index)}，培训{sizes[index]}人{end}")
    return lines


def _when(periods: list[Period], index: int) -> str:
    if index >= len(periods):
        return "举办时间另行通知"
    return f"举办时间{month_day_range(periods[index].start_date, periods[index].end_date)}"


def _sections(outline: PlanOutline, loose_classes: bool) -> list[SectionOutline]:
    """The plan's sections; the classes not tied to a work point go under 班次安排 (added first if absent)."""
    sections = list(outline.sections)
    if loose_classes and not any(_is_class_section(s) for s in sections):
        sections.insert(0, SectionOutline(PlanSection(outline.plan.id, 0, CLASS_SECTION)))
    return sections


def _is_class_section(section: SectionOutline) -> bool:
    return CLASS_SECTION in section.section.title or ("班次" in section.section.title and not section.items)


# The heading levels of GB/T 9704 in their order: 一、 (黑体), （一） (楷体), 1. and （1） (仿宋); 0 is a paragraph.
BODY, HEADING, SUBHEADING, ITEM, SUBITEM = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class OutlineLine:
    """One paragraph of the notice's body: its level, its number as printed ("一、", "1.", "（1）" or "")
    and its text after the number. keep: a heading or a class's name, never left alone at a page's foot."""
    level: int
    number: str
    text: str
    keep: bool = False

    @property
    def printed(self) -> str:
        return self.number + self.text


Check = Callable[[object, str, str], str]


def _unchecked(text: object, owner: str, field: str) -> str:
    return "" if text is None else str(text)


def notice_outline(outline: PlanOutline, classes: list[TrainingClass], periods: dict[int, list[Period]],
                   check: Check = _unchecked) -> list[OutlineLine]:
    """The body of the plan notice, from the opening paragraph to the contacts, as numbered lines.

    The numbers follow the levels in GB/T 9704's order: 一、 for the plan's headings, 1. for its work points
    (numbered through the plan, as seeds 000 and 004 number them), and （1） for the classes carrying out a
    work point (a work point with one class names it without a number). The classes tied to no work point
    are numbered 1. under 一、班次安排, as in seed 004. check(text, owner, field) checks each field's text
    (the PDF's glyph check); the Word writer can pass its own.
    """
    owner = f"计划“{outline.plan.title}”"
    loose = [c for c in classes if c.plan_item_id is None]
    by_item: dict[int, list[TrainingClass]] = {}
    for training_class in classes:
        if training_class.plan_item_id is not None:
            by_item.setdefault(training_class.plan_item_id, []).append(training_class)
    lines: list[OutlineLine] = []
    if outline.plan.preamble:
        lines.append(OutlineLine(BODY, "", check(outline.plan.preamble, owner, "正文开头")))
    for number, section in enumerate(_sections(outline, bool(loose)), start=1):
        title = check(section.section.title, owner, "标题")
        lines.append(OutlineLine(HEADING, f"{chinese_numeral(number)}、", title, keep=True))
        for item in section.items:
            text = check(f"{item.title}{item.body}", owner, f"第{item.number}条")
            lines.append(OutlineLine(ITEM, f"{item.number}.", text))
            carried = by_item.get(item.id, [])
            for order, training_class in enumerate(carried, start=1):
                number_text = f"（{order}）" if len(carried) > 1 else ""
                lines += _class_lines(training_class, periods, SUBITEM, number_text, check)
        if _is_class_section(section):
            after = max((item.number for item in section.items), default=0)
            for order, training_class in enumerate(loose, start=after + 1):
                lines += _class_lines(training_class, periods, ITEM, f"{order}.", check)
    if outline.plan.closing:
        lines.append(OutlineLine(BODY, "", check(outline.plan.closing, owner, "结尾")))
    for contact in outline.contacts:
        text = f"{contact.org}联系人：{contact.name}"
        text += f"，联系电话：{contact.phone}" if contact.phone else ""
        text += f"，传真：{contact.fax}" if contact.fax else ""
        lines.append(OutlineLine(BODY, "", check(text, "联系人", "姓名、电话或传真")))
    return lines


def _class_lines(training_class: TrainingClass, periods: dict[int, list[Period]], level: int, number: str,
                 check: Check) -> list[OutlineLine]:
    owner = f"班次“{training_class.name}”"
    lines = [OutlineLine(level, number, check(training_class.name, owner, "班次名称"), keep=True)]
    lines += [OutlineLine(BODY, "", line)
              for line in schedule_lines(training_class, periods.get(training_class.id, []))]
    if training_class.focus:
        lines.append(OutlineLine(BODY, "", check(training_class.focus, owner, "重点内容")))
    return lines


def load_notice_outline(db: Database, plan_id: int, check: Check = _unchecked) -> tuple[PlanOutline, list[OutlineLine]]:
    """The plan with its outline read from the database, and the notice's body lines."""
    outline = plan_outline(db, plan_id)
    classes = classes_of_plan(db, plan_id)
    periods = {c.id: list_periods(db, class_id=c.id) for c in classes}
    return outline, notice_outline(outline, classes, periods, check)


def outline_story(t: Typesetter, lines: list[OutlineLine]) -> list:
    """The outline as paragraphs: 一、 in 黑体, （一） in 楷体, the rest in 仿宋, each indented two characters."""
    styles = t.styles
    style = {HEADING: styles.heading, SUBHEADING: styles.kai}
    story: list = []
    for line in lines:
        if line.keep:
            story.append(CondPageBreak(KEEP))
        story.append(t.para(line.printed, style.get(line.level, styles.body)))
    return story


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    if request.plan_id is None:
        raise UserError("请指定要打印通知的计划")
    t = Typesetter()
    outline, lines = load_notice_outline(db, request.plan_id, t.check)
    plan = outline.plan
    if not plan.issuer:
        raise UserError(f"计划“{plan.title}”没有填写发文机关，请先在计划中补全")
    owner = f"计划“{plan.title}”"
    # the date asked for wins over the plan's own 成文日期, which is used when none is asked for
    issued_on = request.issued_on or plan.issue_date or issue_date(None)
    head = heads.masthead(db, KIND, plan.doc_number, plan.issuer)
    story = [DocumentStart(0), *head_flowables(t, head, OFFICIAL),
             t.title(t.check(plan.title, owner, "标题"), t.styles.title, OFFICIAL.width)]
    if plan.addressees:
        story.append(t.para(t.check(plan.addressees, owner, "主送机关"), t.styles.addressee))
    story += outline_story(t, lines)
    issuer = t.check(plan.issuer, f"计划“{plan.title}”", "发文机关")
    story = signed(t, story, issuer, issued_on, seal_image(db))
    story += imprint_flowables(t, heads.imprint(db, KIND, issued_on))
    return build_pdf(target, story, t, OFFICIAL, plan.title, progress=progress)
