"""What the calendar shows: the periods of a date range with their class, conflicts, trainees away
per day, moving a period, and the .ics export."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlite_utils import Database

from app.domain import conflicts
from app.domain.conflicts import Conflict, Span
from app.domain.errors import UserError
from app.domain.ics import Event, calendar_text
from app.domain.models import Period
from app.domain.schedule import days_between, shift_iso, shift_report_time
from app.domain.status import PeriodStatus
from app.services import classes, rule_checks
from app.storage.classes import ACTIVE
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


@dataclass(frozen=True)
class CalendarFilter:
    plan_id: int | None = None
    kind: str = ""
    host: str = ""

    def keeps(self, entry: CalendarEntry) -> bool:
        return ((self.plan_id is None or entry.plan_id == self.plan_id) and (not self.kind or entry.kind == self.kind)
                and (not self.host or entry.host == self.host))


def entries(db: Database, first: date, last: date, where: CalendarFilter = CalendarFilter()) -> list[CalendarEntry]:
    """Live periods of live classes that run on any day from first to last, earliest first."""
    sql = f"""SELECT pe.id AS period_id, c.id AS class_id, pe.number, c.name AS class_name, c.kind, c.host,
                     c.plan_id, coalesce(pl.title, '') AS plan_title, pe.start_date, pe.end_date,
                     CASE WHEN pe.place != '' THEN pe.place ELSE c.place END AS place, pe.status,
                     (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND e.{ACTIVE}) AS enrolled,
                     pe.capacity, pe.report_time, pe.report_place
              FROM periods pe JOIN training_classes c ON c.id = pe.class_id
                   LEFT JOIN plans pl ON pl.id = c.plan_id
              WHERE pe.archived = 0 AND c.archived = 0 AND pe.start_date <= ? AND pe.end_date >= ?
              ORDER BY pe.start_date, pe.end_date DESC, c.seq, pe.number"""
    found = [from_row(CalendarEntry, row) for row in rows(db, sql, [last.isoformat(), first.isoformat()])]
    return [entry for entry in found if where.keeps(entry)]


def year_entries(db: Database, year: int, where: CalendarFilter = CalendarFilter()) -> list[CalendarEntry]:
    return entries(db, date(year, 1, 1), date(year, 12, 31), where)


def opening_day(db: Database, today: date) -> date:
    """Where the calendar opens: today, unless today's year has no period; then the first period of the
    latest year that has any (an office opening last year's file, or the demo)."""
    years = [int(r["year"]) for r in rows(db, "SELECT DISTINCT substr(start_date, 1, 4) AS year FROM periods "
                                              "WHERE archived = 0 ORDER BY year")]
    if not years or today.year in years:
        return today
    year = max((y for y in years if y < today.year), default=years[0])
    first = rows(db, "SELECT min(start_date) AS first FROM periods WHERE archived = 0 AND start_date LIKE ?",
                 [f"{year}-%"])[0]["first"]
    return date.fromisoformat(first)


def filter_choices(db: Database) -> dict[str, list]:
    """The plans, kinds and hosts the calendar's filters offer."""
    plan_rows = rows(db, "SELECT id, year, title FROM plans WHERE archived = 0 ORDER BY year DESC, id")
    kinds = [r["kind"] for r in rows(db, "SELECT DISTINCT kind FROM training_classes WHERE kind != '' ORDER BY kind")]
    hosts = [r["host"] for r in rows(db, "SELECT DISTINCT host FROM training_classes WHERE host != '' ORDER BY host")]
    return {"plans": [(r["id"], r["title"]) for r in plan_rows], "kinds": kinds, "hosts": hosts}


def away_by_day(found: list[CalendarEntry], first: date, last: date) -> dict[date, int]:
    """How many trainees are away at a class on each day (the year view's shading)."""
    away: dict[date, int] = {}
    for entry in found:
        day = max(entry.start, first)
        while day <= min(entry.end, last):
            away[day] = away.get(day, 0) + entry.enrolled
            day += timedelta(days=1)
    return away


def find_conflicts(db: Database, found: list[CalendarEntry], first: date, last: date) -> list[Conflict]:
    """Double bookings, crowded units and double-booked places among the given entries."""
    spans = {e.period_id: Span(e.period_id, e.label, e.start, e.end, e.place) for e in found}
    if not spans:
        return []
    marks = ",".join("?" * len(spans))
    bookings = rows(db, f"""SELECT e.person_id, p.name, e.period_id FROM enrollments e JOIN people p ON p.id = e.person_id
                            WHERE e.period_id IN ({marks}) AND e.{ACTIVE}""", list(spans))
    unit_counts = rows(db, f"""SELECT u.name, e.period_id, count(*) AS people FROM enrollments e
                               JOIN units u ON u.id = e.unit_id WHERE e.period_id IN ({marks}) AND e.{ACTIVE}
                               GROUP BY e.unit_id, e.period_id""", list(spans))
    limit = rule_checks.thresholds(db).unit_away_limit
    return (conflicts.person_conflicts(spans, [(r["person_id"], r["name"], r["period_id"]) for r in bookings])
            + conflicts.unit_conflicts(spans, [tuple(r.values()) for r in unit_counts], limit, first, last)
            + conflicts.place_conflicts(spans))


def move_period(db: Database, period_id: int, start: date) -> Period:
    """Moves a period to start on another day, keeping its length; checked like any other save."""
    period = classes.get_period(db, period_id)
    if PeriodStatus.is_closed(period.status):
        raise UserError(f"第{period.number}期已结班，学时已登记，不能再移动")
    shift = (start - date.fromisoformat(period.start_date)).days
    return classes.save_period(db, replace(period, start_date=start.isoformat(), end_date=shift_iso(period.end_date, shift),
                                           report_time=shift_report_time(period.report_time, shift)))


def ics_text(db: Database, year: int, where: CalendarFilter = CalendarFilter()) -> str:
    events = [Event(uid=f"period-{e.period_id}@traindesk", start=e.start, end=e.end, summary=e.label,
                    location=e.place, description=_description(e)) for e in year_entries(db, year, where)]
    return calendar_text(events, f"{year}年干部教育培训")


def _description(entry: CalendarEntry) -> str:
    lines = [f"类型：{entry.kind}", f"承办：{entry.host}", f"状态：{entry.status}",
             f"学员：{entry.enrolled}人" + (f"（容量{entry.capacity}人）" if entry.capacity else "")]
    if entry.report_time or entry.report_place:
        lines.append(f"报到：{entry.report_time} {entry.report_place}".rstrip())
    if entry.plan_title:
        lines.append(f"计划：{entry.plan_title}")
    return "\n".join(lines)
