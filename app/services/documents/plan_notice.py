"""The plan notice itself (seed 004): the opening paragraph, 一、班次安排 with every class's
"计划举办N期、共培训N人，举办时间…，学制N天" filled from the data, the other matters, the contacts.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.platypus import CondPageBreak
from sqlite_utils import Database

from app.domain.errors import UserError
from app.domain.models import Period, PlanSection, TrainingClass
from app.domain.text import chinese_numeral
from app.services.documents.formats import month_day_range
from app.services.documents.layout import LINE, OFFICIAL
from app.services.documents.letters import signed
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.seal import seal_image
from app.services.documents.sources import issue_date
from app.services.documents.typeset import Typesetter
from app.services.plans import PlanOutline, SectionOutline, plan_outline
from app.services.progress import NO_PROGRESS, Progress
from app.storage.classes import classes_of_plan
from app.storage.periods import list_periods

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


class _Notice:
    def __init__(self, db: Database, t: Typesetter, outline: PlanOutline):
        self.t, self.outline = t, outline
        self.plan_owner = f"计划“{outline.plan.title}”"
        classes = classes_of_plan(db, outline.plan.id)
        self.periods = {c.id: list_periods(db, class_id=c.id) for c in classes}
        self.loose = [c for c in classes if c.plan_item_id is None]
        self.by_item: dict[int, list[TrainingClass]] = {}
        for training_class in classes:
            if training_class.plan_item_id is not None:
                self.by_item.setdefault(training_class.plan_item_id, []).append(training_class)

    def story(self) -> list:
        t, plan, styles = self.t, self.outline.plan, self.t.styles
        story = [DocumentStart(0), t.title(t.check(plan.title, self.plan_owner, "标题"), styles.title, OFFICIAL.width)]
        if plan.addressees:
            story.append(t.para(t.check(plan.addressees, self.plan_owner, "主送机关"), styles.addressee))
        if plan.preamble:
            story.append(t.para(t.check(plan.preamble, self.plan_owner, "正文开头"), styles.body))
        for number, section in enumerate(_sections(self.outline, bool(self.loose)), start=1):
            story += self._section(number, section)
        if plan.closing:
            story.append(t.para(t.check(plan.closing, self.plan_owner, "结尾"), styles.body))
        story += [t.para(line, styles.body) for line in self._contact_lines()]
        return story

    def _section(self, number: int, section: SectionOutline) -> list:
        t, styles = self.t, self.t.styles
        title = t.check(section.section.title, self.plan_owner, "标题")
        story = [CondPageBreak(KEEP), t.para(f"{chinese_numeral(number)}、{title}", styles.heading)]
        for item in section.items:
            text = t.check(f"{item.number}.{item.title}{item.body}", self.plan_owner, f"第{item.number}条")
            story.append(t.para(text, styles.body))
            story += self._classes(self.by_item.get(item.id, []), numbered=False)
        if _is_class_section(section):
            story += self._classes(self.loose, numbered=True)
        return story

    def _classes(self, classes: list[TrainingClass], numbered: bool) -> list:
        t, styles, story = self.t, self.t.styles, []
        for order, training_class in enumerate(classes, start=1):
            owner = f"班次“{training_class.name}”"
            name = t.check(training_class.name, owner, "班次名称")
            story += [CondPageBreak(KEEP), t.para(f"{order}.{name}" if numbered else
                                                  f"（{chinese_numeral(order)}）{name}",
                                                  styles.body if numbered else styles.kai)]
            story += [t.para(line, styles.body) for line in schedule_lines(training_class, self.periods[training_class.id])]
            if training_class.focus:
                story.append(t.para(t.check(training_class.focus, owner, "重点内容"), styles.body))
        return story

    def _contact_lines(self) -> list[str]:
        lines = []
        for contact in self.outline.contacts:
            text = f"{contact.org}联系人：{contact.name}"
            text += f"，联系电话：{contact.phone}" if contact.phone else ""
            text += f"，传真：{contact.fax}" if contact.fax else ""
            lines.append(self.t.check(text, "联系人", "姓名、电话或传真"))
        return lines


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    if request.plan_id is None:
        raise UserError("请指定要打印通知的计划")
    outline = plan_outline(db, request.plan_id)
    plan = outline.plan
    if not plan.issuer:
        raise UserError(f"计划“{plan.title}”没有填写发文机关，请先在计划中补全")
    t = Typesetter()
    story = _Notice(db, t, outline).story()
    issuer = t.check(plan.issuer, f"计划“{plan.title}”", "发文机关")
    story = signed(t, story, issuer, plan.issue_date or issue_date(request.issued_on), seal_image(db))
    return build_pdf(target, story, t, OFFICIAL, plan.title, progress=progress)
