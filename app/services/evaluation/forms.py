"""A period's evaluation: issued (its questions copied from a template) when the office first prints the form or
saves the Excel form, and the lines a trainee answers: each scored or text question, and for the 逐课评分
question each scored session of the period's timetable twice (课程内容, 授课水平). Opening, closing, self-study
and exam half-days are not scored."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain import evaluation as scales
from app.domain.errors import UserError
from app.domain.quality_records import Evaluation, EvaluationItem
from app.domain.teaching_records import SessionRow
from app.services.documents.sources import PeriodInfo
from app.services.evaluation import templates
from app.services.safety import audit
from app.services.teaching import timetable
from app.storage import evaluation as store
from app.storage import tables
from app.storage.connection import Database

NOT_SCORED_FORMS = frozenset({"开班", "结业", "自学", "考试"})


@dataclass(frozen=True)
class Line:
    """One answer a trainee gives: a question, or one aspect of one session."""
    item: EvaluationItem
    session: SessionRow | None = None
    aspect: str = ""

    @property
    def key(self) -> str:
        """The hidden key of the Excel form: 12, or 12:345:内容 for a session's aspect."""
        item_id = self.item.id if self.item.id is not None else 0
        return f"{item_id}:{self.session.id}:{self.aspect}" if self.session else str(item_id)

    @property
    def scored(self) -> bool:
        return self.item.kind != "text"

    @property
    def session_label(self) -> str:
        s = self.session
        if s is None:
            return ""
        who = f"（{s.lecturer}）" if s.lecturer else ""
        return f"{s.topic}{who}"

    @property
    def label(self) -> str:
        """What the form asks: the question, or 《专题》（授课人）课程内容."""
        if self.session is None:
            return self.item.text
        return f"{self.session_label} {scales.ASPECT_LABELS[self.aspect]}"

    @property
    def section(self) -> str:
        return self.item.section or scales.KINDS[self.item.kind]


@dataclass
class PeriodForm:
    """What the form of a period asks, and of whom (anonymous: no names)."""
    info: PeriodInfo
    evaluation: Evaluation
    items: list[EvaluationItem]
    sessions: list[SessionRow]
    issued: bool  # False: a draft from the default template (the connection could not write)

    @property
    def lines(self) -> list[Line]:
        found = []
        for item in self.items:
            if item.kind == "sessions":
                found += [Line(item, s, aspect) for s in self.sessions for aspect in scales.ASPECTS]
            else:
                found.append(Line(item))
        return found

    @property
    def scale(self) -> str:
        return self.evaluation.scale

    @property
    def title(self) -> str:
        return self.evaluation.title or f"{self.info.title}培训质量评估问卷"


def scored_sessions(db: Database, period_id: int) -> list[SessionRow]:
    return [s for s in timetable.timetable(db, period_id) if s.topic.strip() and s.form not in NOT_SCORED_FORMS]


def _info(db: Database, period_id: int) -> PeriodInfo:
    """The period with its class (an anonymous form needs no issuing body, unlike the letters)."""
    period = tables.periods(db).get(period_id)
    training_class = tables.classes(db).get(period.class_id)
    plan = tables.plans(db).get(training_class.plan_id) if training_class.plan_id else None
    return PeriodInfo(period, training_class, plan)


def period_form(db: Database, period_id: int, *, issue: bool = True, questionnaire_id: int | None = None) -> PeriodForm:
    """The period's form: its evaluation when issued; else issued now from the template (issue=True and the
    connection may write), or a draft of it."""
    info = _info(db, period_id)
    found = store.evaluation_of_period(db, period_id)
    if found is not None:
        return PeriodForm(info, found, store.evaluation_items(db, found.id), scored_sessions(db, period_id), True)
    chosen = templates.template(db, questionnaire_id) if questionnaire_id else templates.default_template(db)
    q = chosen.questionnaire
    draft = Evaluation(period_id, q.id, f"{info.title}培训质量评估问卷", q.scale, q.threshold, date.today().isoformat())
    items = [EvaluationItem(0, i.text, i.kind, i.section, i.sort_order) for i in chosen.items]
    if not issue or not audit.can_record(db) or q.id is None:
        return PeriodForm(info, draft, items, scored_sessions(db, period_id), False)
    with db.atomic():
        saved = tables.evaluations(db).insert(draft)
        items = [tables.evaluation_items(db).insert(EvaluationItem(saved.id, i.text, i.kind, i.section, i.sort_order))
                 for i in items]
        audit.record(db, "发放评估问卷", "periods", period_id, f"{info.title}：{q.name}（{q.scale}，{len(items)}题）")
    return PeriodForm(info, saved, items, scored_sessions(db, period_id), True)


def evaluation_of(db: Database, period_id: int) -> Evaluation | None:
    """The period's issued evaluation, or None."""
    return store.evaluation_of_period(db, period_id)


def issued_form(db: Database, period_id: int) -> PeriodForm:
    """The period's issued form, or a UserError: returned files are read against the questions handed out."""
    tables.periods(db).get(period_id)
    if store.evaluation_of_period(db, period_id) is None:
        raise UserError(f"{_info(db, period_id).title}还没有发放评估问卷：请先打印问卷或生成Excel问卷，"
                        "学员填写后再导入")
    return period_form(db, period_id, issue=False)


def reissue(db: Database, period_id: int, questionnaire_id: int) -> PeriodForm:
    """Replaces a period's questions with another template's, allowed only while no answer has come back."""
    found = store.evaluation_of_period(db, period_id)
    if found is not None and store.response_count(db, found.id):
        raise UserError("本期已导入评估问卷，不能再更换问卷模板（更换会使已收回的答案对不上题目）")
    tables.questionnaires(db).get(questionnaire_id)
    with db.atomic():
        if found is not None:
            tables.evaluations(db).delete(found.id)
            audit.record(db, "撤回评估问卷", "periods", period_id, found.title)
        return period_form(db, period_id, questionnaire_id=questionnaire_id)
