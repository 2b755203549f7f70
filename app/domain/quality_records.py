"""The records of training quality (issue 19): evaluation questionnaires and their answers, the needs survey,
and the people and checks of class management. The rest of the office's records are in models.py."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.models import stamp


@dataclass
class Questionnaire:
    """An evaluation template of the office (评估问卷模板): its questions are QuestionnaireItems."""
    name: str
    scale: str = "三级"  # 三级 (满意 / 基本满意 / 不满意) or 五分 (1–5)
    threshold: float = 0.9  # a period whose satisfaction rate is below this is flagged
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class QuestionnaireItem:
    questionnaire_id: int
    text: str
    kind: str  # score (one scored question), sessions (each session: 内容 and 授课), text (open comments)
    section: str = ""  # 总体评价, 课程教学, 组织管理, 后勤保障, 学风, 意见建议
    sort_order: int = 0
    id: int | None = None


@dataclass
class Evaluation:
    """A period's 质量评估: a frozen copy of a template's questions (EvaluationItems) and the responses."""
    period_id: int
    questionnaire_id: int | None = None
    title: str = ""
    scale: str = "三级"
    threshold: float = 0.9
    created_on: str = ""
    id: int | None = None


@dataclass
class EvaluationItem:
    evaluation_id: int
    text: str
    kind: str
    section: str = ""
    sort_order: int = 0
    id: int | None = None


@dataclass
class EvaluationResponse:
    """One trainee's returned questionnaire (anonymous): where it came from."""
    evaluation_id: int
    source: str = ""  # file name, and the row when one workbook holds many
    received_on: str = ""
    id: int | None = None


@dataclass
class EvaluationAnswer:
    response_id: int
    item_id: int
    session_id: int | None = None  # for a sessions item: which session of the timetable
    aspect: str = ""  # for a sessions item: 内容 or 授课
    score: float | None = None  # 三级: 满意 3, 基本满意 2, 不满意 1; 五分: 1–5
    answer: str = ""  # the words as given (满意, 4, or a comment)
    id: int | None = None


@dataclass
class NeedsSurvey:
    """需求调研 for a coming year, sent to units as an Excel form."""
    year: int
    title: str = ""
    deadline: str = ""
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class SurveyTopic:
    survey_id: int
    topic: str
    theme: str = ""  # the plan theme it came from, if any
    sort_order: int = 0
    id: int | None = None


@dataclass
class SurveyReturn:
    """A unit's returned survey; a later return replaces the earlier one (note says so)."""
    survey_id: int
    unit_id: int
    source: str = ""
    received_on: str = ""
    contact: str = ""
    comments: str = ""  # free text
    note: str = ""
    id: int | None = None


@dataclass
class SurveyAnswer:
    return_id: int
    topic_id: int | None = None  # None for a topic the unit wrote in itself
    topic: str = ""  # the topic's words as returned
    category: str = ""  # cadre category (县处级, 乡科级, 一般干部 …), "" when not split
    people: int = 0
    months: str = ""  # preferred months, "3,4,9"
    notes: str = ""
    id: int | None = None


@dataclass
class PeriodStaff:
    """The office's staff who run a period: 班主任 and 跟班人员."""
    period_id: int
    name: str
    role: str  # 班主任 or 跟班人员
    phone: str = ""
    sort_order: int = 0
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class DisciplineCheck:
    """学风督查: a dated check of a period, who checked and what was found."""
    period_id: int
    day: str
    checker: str = ""
    findings: str = ""
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")
