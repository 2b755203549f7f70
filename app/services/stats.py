"""Aggregates for the statistics page and the print centre: per class and per period."""
from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.storage.classes import ACTIVE, LIVE_PERIODS
from app.storage.records import from_row, rows


@dataclass
class ClassSummary:
    class_id: int
    plan_title: str
    seq: int
    name: str
    kind: str
    planned_periods: int
    trainees_per_period: int
    scheduled_periods: int
    closed_periods: int
    enrolled: int  # 人次 selected, not counting the replaced and withdrawn
    completed: int
    hours: float

    @property
    def planned_trainees(self) -> int:
        return self.planned_periods * self.trainees_per_period


@dataclass
class PeriodSummary:
    period_id: int
    class_name: str
    number: int
    start_date: str
    end_date: str
    status: str
    enrolled: int
    quota_units: int
    quota_seats: int
    roster_units: int


def class_summaries(db: Database) -> list[ClassSummary]:
    sql = f"""SELECT c.id AS class_id, coalesce(pl.title, '') AS plan_title, c.seq, c.name, c.kind,
                     c.planned_periods, c.trainees_per_period,
                     (SELECT count(*) FROM {LIVE_PERIODS} pe WHERE pe.class_id = c.id) AS scheduled_periods,
                     (SELECT count(*) FROM {LIVE_PERIODS} pe WHERE pe.class_id = c.id AND pe.status = '结班') AS closed_periods,
                     (SELECT count(*) FROM enrollments e JOIN {LIVE_PERIODS} pe ON pe.id = e.period_id
                        WHERE pe.class_id = c.id AND e.{ACTIVE}) AS enrolled,
                     (SELECT count(*) FROM enrollments e JOIN {LIVE_PERIODS} pe ON pe.id = e.period_id
                        WHERE pe.class_id = c.id AND e.status = '结业') AS completed,
                     (SELECT coalesce(sum(e.hours), 0) FROM enrollments e JOIN {LIVE_PERIODS} pe ON pe.id = e.period_id
                        WHERE pe.class_id = c.id) AS hours
              FROM training_classes c LEFT JOIN plans pl ON pl.id = c.plan_id
              WHERE c.archived = 0 ORDER BY pl.year, pl.id, c.seq, c.id"""
    return [from_row(ClassSummary, row) for row in rows(db, sql)]


def period_summaries(db: Database) -> list[PeriodSummary]:
    sql = f"""SELECT pe.id AS period_id, c.name AS class_name, pe.number, pe.start_date, pe.end_date, pe.status,
                     (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND e.{ACTIVE}) AS enrolled,
                     (SELECT count(*) FROM quotas q WHERE q.period_id = pe.id) AS quota_units,
                     (SELECT coalesce(sum(q.seats), 0) FROM quotas q WHERE q.period_id = pe.id) AS quota_seats,
                     (SELECT count(DISTINCT e.unit_id) FROM enrollments e
                        WHERE e.period_id = pe.id AND e.{ACTIVE}) AS roster_units
              FROM periods pe JOIN training_classes c ON c.id = pe.class_id
              WHERE pe.archived = 0 ORDER BY pe.start_date, c.seq, pe.number"""
    return [from_row(PeriodSummary, row) for row in rows(db, sql)]
