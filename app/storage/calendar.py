"""What the calendar reads: the live periods running in a date range with their class, plan, place and
trainees, and who of those periods' trainees and units are booked where."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.schedule import days_between
from app.storage import conditions
from app.storage.connection import Database
from app.storage.records import from_row, rows


@dataclass(frozen=True)
class CalendarEntry:
    period_id: int
    class_id: int
    number: int
    class_name: str
    kind: str
    host: str
    plan_id: int | None
    plan_title: str
    start_date: str
    end_date: str
    place: str  # the period's own place, else the class's
    status: str
    enrolled: int
    capacity: int
    report_time: str
    report_place: str

    @property
    def start(self) -> date:
        return date.fromisoformat(self.start_date)

    @property
    def end(self) -> date:
        return date.fromisoformat(self.end_date)

    @property
    def label(self) -> str:
        return f"{self.class_name}第{self.number}期"

    @property
    def days(self) -> int:
        return days_between(self.start_date, self.end_date) + 1


def entries(db: Database, first: date, last: date) -> list[CalendarEntry]:
    """Live periods of live classes that run on any day from first to last, earliest first."""
    sql = f"""SELECT pe.id AS period_id, c.id AS class_id, pe.number, c.name AS class_name, c.kind, c.host,
                     c.plan_id, coalesce(pl.title, '') AS plan_title, pe.start_date, pe.end_date,
                     CASE WHEN pe.place != '' THEN pe.place ELSE c.place END AS place, pe.status,
                     (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND {conditions.active()}) AS enrolled,
                     pe.capacity, pe.report_time, pe.report_place
              FROM periods pe JOIN training_classes c ON c.id = pe.class_id
                   LEFT JOIN plans pl ON pl.id = c.plan_id
              WHERE pe.archived = 0 AND c.archived = 0 AND pe.start_date <= ? AND pe.end_date >= ?
              ORDER BY pe.start_date, pe.end_date DESC, c.seq, pe.number"""
    return [from_row(CalendarEntry, row) for row in rows(db, sql, [last.isoformat(), first.isoformat()])]


def bookings(db: Database, period_ids: list[int]) -> list[tuple[int, str, int, str]]:
    """(person, name, period, unit name at selection or "") for every trainee holding a seat in these periods."""
    sql = f"""SELECT e.person_id, p.name, e.period_id, coalesce(u.name, '') FROM enrollments e
              JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = e.unit_id
              WHERE e.period_id IN ({','.join('?' * len(period_ids))}) AND {conditions.active()}"""
    return [tuple(row) for row in db.execute(sql, period_ids).fetchall()]