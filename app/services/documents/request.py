"""What the user asked to print: the document kind and its scope (period, unit, plan or year)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentRequest:
    kind: str  # letters, unit-letters, plan-notice, sign-in, roster, certificates, summary, hours, timetable
    period_id: int | None = None
    unit_id: int | None = None
    plan_id: int | None = None
    year: int | None = None
    person_id: int | None = None  # 学时证明 is about one person
    lecturer_id: int | None = None  # 讲课费发放表 of one lecturer's year
    order: str = "unit"  # roster order: unit or strokes
    half_days: bool = False  # sign-in sheets per half-day instead of per day
    issued_on: str | None = None  # 成文日期, ISO; today when not given
    with_timetable: bool = False  # 入学通知书: the period's 课程表 after each letter, as its 附件
