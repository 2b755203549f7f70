"""Where a timetable is copied from: another period of the office's choice, or last year's period of the
class of the same name (the same number, else its first); and a session's default 学时 before it is saved."""
from __future__ import annotations

from dataclasses import replace

from app.domain import teaching
from app.domain.errors import UserError
from app.domain.models import PeriodRow
from app.domain.teaching_records import Session
from app.services import roster
from app.services.teaching import timetable
from app.storage import periods as period_store
from app.storage import teaching as store
from app.storage.connection import Database


def source_periods(db: Database, period_id: int) -> list[PeriodRow]:
    """Periods with a timetable to copy from (not this one), the latest first."""
    with_sessions = set(store.periods_with_sessions(db))
    found = [p for p in period_store.list_periods(db, include_archived=True)
             if p.id != period_id and p.id in with_sessions]
    return sorted(found, key=lambda p: p.start_date, reverse=True)


def last_years_period(db: Database, period_id: int) -> PeriodRow | None:
    """Last year's period of the class with the same name: the one with the same number, else its first."""
    period = roster.period_of(db, period_id)
    year = int(period.start_date[:4]) - 1
    same = [p for p in period_store.list_periods(db, year=year, include_archived=True)
            if p.class_name == period.class_name and p.start_date[:4] == str(year)]
    if not same:
        return None
    return next((p for p in same if p.number == period.number), min(same, key=lambda p: p.number))


def copy_from_last_year(db: Database, period_id: int) -> tuple[PeriodRow, int, int]:
    """Copies last year's timetable (last_years_period) here: (the source, copied, left out)."""
    source = last_years_period(db, period_id)
    period = roster.period_of(db, period_id)
    if source is None:
        raise UserError(f"没有找到{int(period.start_date[:4]) - 1}年的“{period.class_name}”")
    if not store.has_sessions(db, source.id):
        raise UserError(f"去年的{source.class_name}第{source.number}期还没有课程表")
    copied, left_out = timetable.copy_timetable(db, source.id, period_id)
    return source, copied, left_out


def default_hours(db: Database, session: Session) -> float:
    """The 学时 the session counts for without a figure of its own: its half-day's hours shared with the
    other sessions of that half-day that have none (what those with a figure take is taken off first)."""
    others = [s for s in store.period_sessions(db, session.period_id)
              if (s.day, s.half) == (session.day, session.half) and s.id != session.id]
    probe = replace(session, id=-1, hours=None)
    per_half_day, per_evening = timetable.hours_settings(db)
    return teaching.credited_hours([*others, probe], per_half_day, per_evening)[-1]


def topics_taught(db: Database) -> list[dict]:
    """Every topic taught so far, the most taught first (the session dialog completes from them)."""
    return store.sessions_by_topic(db)
