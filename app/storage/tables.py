"""Every table of records, named once: tables.people(db).get(1) and so on."""
from __future__ import annotations

from app.domain.models import (
    BudgetLine,
    Contact,
    Enrollment,
    Expense,
    HoursRecord,
    Period,
    Person,
    Plan,
    PlanItem,
    PlanSection,
    Quota,
    TrainingClass,
    Unit,
)
from app.domain.quality_records import (
    DisciplineCheck,
    Evaluation,
    EvaluationAnswer,
    EvaluationItem,
    EvaluationResponse,
    NeedsSurvey,
    PeriodStaff,
    Questionnaire,
    QuestionnaireItem,
    SurveyAnswer,
    SurveyReturn,
    SurveyTopic,
)
from app.domain.teaching_records import Course, Lecturer, Session, TeachingBase
from app.storage.connection import Database
from app.storage.records import Table


def units(db: Database) -> Table[Unit]:
    return Table(db, "units", Unit, "单位")


def people(db: Database) -> Table[Person]:
    return Table(db, "people", Person, "人员")


def plans(db: Database) -> Table[Plan]:
    return Table(db, "plans", Plan, "计划")


def plan_sections(db: Database) -> Table[PlanSection]:
    return Table(db, "plan_sections", PlanSection, "计划标题")


def plan_items(db: Database) -> Table[PlanItem]:
    return Table(db, "plan_items", PlanItem, "计划条目")


def classes(db: Database) -> Table[TrainingClass]:
    return Table(db, "training_classes", TrainingClass, "班次")


def periods(db: Database) -> Table[Period]:
    return Table(db, "periods", Period, "期次")


def enrollments(db: Database) -> Table[Enrollment]:
    return Table(db, "enrollments", Enrollment, "学员记录")


def quotas(db: Database) -> Table[Quota]:
    return Table(db, "quotas", Quota, "名额")


def contacts(db: Database) -> Table[Contact]:
    return Table(db, "contacts", Contact, "联系人")


def hours_records(db: Database) -> Table[HoursRecord]:
    return Table(db, "hours_records", HoursRecord, "学时记录")


def lecturers(db: Database) -> Table[Lecturer]:
    return Table(db, "lecturers", Lecturer, "授课人")


def teaching_bases(db: Database) -> Table[TeachingBase]:
    return Table(db, "teaching_bases", TeachingBase, "教学基地")


def courses(db: Database) -> Table[Course]:
    return Table(db, "courses", Course, "课程")


def sessions(db: Database) -> Table[Session]:
    return Table(db, "sessions", Session, "课程安排")


def budget_lines(db: Database) -> Table[BudgetLine]:
    return Table(db, "budget_lines", BudgetLine, "预算项目")


def expenses(db: Database) -> Table[Expense]:
    return Table(db, "expenses", Expense, "支出记录")


def questionnaires(db: Database) -> Table[Questionnaire]:
    return Table(db, "questionnaires", Questionnaire, "评估问卷模板")


def questionnaire_items(db: Database) -> Table[QuestionnaireItem]:
    return Table(db, "questionnaire_items", QuestionnaireItem, "问卷题目")


def evaluations(db: Database) -> Table[Evaluation]:
    return Table(db, "evaluations", Evaluation, "质量评估")


def evaluation_items(db: Database) -> Table[EvaluationItem]:
    return Table(db, "evaluation_items", EvaluationItem, "评估题目")


def evaluation_responses(db: Database) -> Table[EvaluationResponse]:
    return Table(db, "evaluation_responses", EvaluationResponse, "评估问卷")


def evaluation_answers(db: Database) -> Table[EvaluationAnswer]:
    return Table(db, "evaluation_answers", EvaluationAnswer, "评估答案")


def needs_surveys(db: Database) -> Table[NeedsSurvey]:
    return Table(db, "surveys", NeedsSurvey, "需求调研")


def survey_topics(db: Database) -> Table[SurveyTopic]:
    return Table(db, "survey_topics", SurveyTopic, "调研专题")


def survey_returns(db: Database) -> Table[SurveyReturn]:
    return Table(db, "survey_returns", SurveyReturn, "单位调研表")


def survey_answers(db: Database) -> Table[SurveyAnswer]:
    return Table(db, "survey_answers", SurveyAnswer, "调研需求")


def period_staff(db: Database) -> Table[PeriodStaff]:
    return Table(db, "period_staff", PeriodStaff, "跟班人员")


def discipline_checks(db: Database) -> Table[DisciplineCheck]:
    return Table(db, "discipline_checks", DisciplineCheck, "学风督查记录")
