"""Every table of records, named once: tables.people(db).get(1) and so on."""
from __future__ import annotations

from sqlite_utils import Database

from app.domain.models import (
    BudgetLine,
    Contact,
    Course,
    Enrollment,
    Expense,
    HoursRecord,
    Lecturer,
    Period,
    Person,
    Plan,
    PlanItem,
    PlanSection,
    Quota,
    Session,
    TeachingBase,
    TrainingClass,
    Unit,
)
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
