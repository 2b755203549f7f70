"""What the calendar shows: the periods of a date range with their class, conflicts, trainees away
per day, moving a period, and the .ics export."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from operator import itemgetter

from app.domain import conflicts
from app.domain.conflicts import Conflict, Span
from app.domain.errors import UserError
from app.domain.ics import Event, calendar_text
from app.domain.models import Period
from app.domain.schedule import shift_iso, shift_report_time
from app.domain.status import PeriodStatus
from app.services import classes, rule_checks
from app.storage import calendar, periods, plans
from app.storage import classes as class_queries
from app.storage import teaching as teaching_store
from app.storage.calendar import CalendarEntry
from app.storage.connection import Database


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
    return [entry for entry in calendar.entries(db, first, last) if where.keeps(entry)]


def year_entries(db: Database, year: int, where: CalendarFilter = CalendarFilter()) -> list[CalendarEntry]:
    return entries(db, date(year, 1, 1), date(year, 12, 31), where)


def opening_day(db: Database, today: date) -> date:
    """Where the calendar opens: today, unless today's year has no period; then the first period of the
    latest year that has any (an office opening last year's file, or the demo)."""
    years = periods.start_years(db, include_archived=False)
    if not years or today.year in years:
        return today
    year = max((y for y in years if y < today.year), default=years[0])
    return date.fromisoformat(periods.first_start(db, year))


def filter_choices(db: Database) -> dict[str, list]:
    """The plans, kinds and hosts the calendar's filters offer."""
    return {"plans": [(plan.id, plan.title) for plan in plans.list_plans(db)], "kinds": class_queries.kinds_in_use(db),
            "hosts": class_queries.hosts_in_use(db)}


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
    limit = rule_checks.thresholds(db).unit_away_limit
    booked = calendar.bookings(db, list(spans))  # one read of the seats serves both checks
    per_unit = Counter(map(itemgetter(3, 2), booked))  # (unit, period): people
    return (conflicts.person_conflicts(spans, [seat[:3] for seat in booked])
            + conflicts.unit_conflicts(spans, [(unit, period_id, n) for (unit, period_id), n in per_unit.items() if unit],
                                       limit, first, last)
            + conflicts.place_conflicts(spans)
            + conflicts.lecturer_conflicts(spans, teaching_store.double_booked(db, first.isoformat(), last.isoformat())))


def move_period(db: Database, period_id: int, start: date, version: int = 0) -> Period:
    """Moves a period to start on another day, keeping its length; checked like any other save. With the
    `version` an undo step last left it at, refused (StaleRecord) when someone saved the period since."""
    period = classes.get_period(db, period_id)
    period = replace(period, version=version or period.version)
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
