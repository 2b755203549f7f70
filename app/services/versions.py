"""Records as they are stored now: what a form reloads after its save was refused because another clerk
saved the record since it was loaded (StaleRecord, raised by the storage layer)."""
from __future__ import annotations

from typing import TypeVar

from app.domain.models import BudgetLine, Enrollment, Expense, HoursRecord, Period, Person, Plan, TrainingClass, Unit
from app.domain.quality_records import DisciplineCheck, NeedsSurvey, PeriodStaff, Questionnaire
from app.domain.teaching_records import Course, Lecturer, Session, TeachingBase
from app.storage import tables
from app.storage.connection import Database

T = TypeVar("T")

_TABLES = ((Unit, tables.units), (Person, tables.people), (Plan, tables.plans), (TrainingClass, tables.classes),
           (Period, tables.periods), (Enrollment, tables.enrollments), (HoursRecord, tables.hours_records),
           (Lecturer, tables.lecturers), (TeachingBase, tables.teaching_bases), (Course, tables.courses), (Session, tables.sessions),
           (BudgetLine, tables.budget_lines), (Expense, tables.expenses), (Questionnaire, tables.questionnaires),
           (NeedsSurvey, tables.needs_surveys), (PeriodStaff, tables.period_staff),
           (DisciplineCheck, tables.discipline_checks))


def current(db: Database, record: T) -> T:
    """The record as it is stored now, with its version (NotFound when it was deleted meanwhile). A read
    row (a UnitRow, a PeriodRow) comes back as its table's record."""
    for cls, table in _TABLES:
        if isinstance(record, cls):
            return table(db).get(record.id)
    raise TypeError(f"{type(record).__name__} has no version")

