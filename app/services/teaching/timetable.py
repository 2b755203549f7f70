"""A period's timetable (课程表): its sessions with their 学时, checked, saved, copied and replaced."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from app.domain import teaching
from app.domain.errors import ValidationError
from app.domain.models import Period
from app.domain.teaching_records import Session, SessionRow
from app.domain.text import clean
from app.domain.validation import Errors, date_error
from app.services import roster, settings
from app.services.safety import audit, backups
from app.storage import tables
from app.storage import teaching as store
from app.storage.connection import Database

MAX_SESSION_HOURS = 12


def hours_settings(db: Database) -> tuple[float, float]:
    """(学时 of a half-day, 学时 of an evening): the office's settings (the half-day's is the attendance one)."""
    return tuple(float(settings.get(db, key, default)) for key, default in teaching.HOURS_DEFAULTS.items())


def timetable(db: Database, period_id: int) -> list[SessionRow]:
    """The period's sessions in order, each with the 学时 it counts for."""
    return with_hours(db, store.period_sessions(db, period_id))


def with_hours(db: Database, sessions: list[SessionRow]) -> list[SessionRow]:
    """The same rows with credited_hours filled in (sessions of several periods may be mixed)."""
    by_period: dict[int, list[SessionRow]] = {}
    for s in sessions:
        by_period.setdefault(s.period_id, []).append(s)
    hours: dict[int, float] = {}
    per_half_day, per_evening = hours_settings(db)
    for group in by_period.values():
        hours.update(teaching.credited_hours(group, per_half_day, per_evening))
    for s in sessions:
        s.credited_hours = hours[s.id]
    return sessions


def has_timetable(db: Database, period_id: int) -> bool:
    return store.has_sessions(db, period_id)


def session_errors(session: Session, period: Period) -> Errors:
    errors: Errors = {}
    if message := date_error(session.day, "日期"):
        errors["day"] = message
    elif not period.start_date <= session.day <= period.end_date:
        errors["day"] = f"日期{session.day}不在本期（{period.start_date}至{period.end_date}）之内"
    if session.half not in teaching.HALVES:
        errors["half"] = "时段应为上午、下午或晚上"
    for key, label in (("start_time", "开始时间"), ("end_time", "结束时间")):
        value = getattr(session, key)
        if value and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            errors[key] = f"{label}应写成 08:30 的样子"
    if not errors.keys() & {"start_time", "end_time"} and session.start_time and session.end_time \
            and session.end_time <= session.start_time:
        errors["end_time"] = "结束时间应晚于开始时间"
    if not session.topic:
        errors["topic"] = "课程内容不能为空"
    if session.form and session.form not in teaching.SESSION_FORMS:
        errors["form"] = f"教学形式“{session.form}”不在列表中（{'、'.join(teaching.SESSION_FORMS)}）"
    if session.hours is not None and not 0 <= session.hours <= MAX_SESSION_HOURS:
        errors["hours"] = f"学时应在0到{MAX_SESSION_HOURS}之间"
    if session.fee_rate is not None and session.fee_rate < 0:
        errors["fee_rate"] = "讲课费标准不能为负数"
    return errors


def _cleaned(session: Session) -> Session:
    return replace(session, topic=clean(session.topic), lecturer_name=clean(session.lecturer_name),
                   lecturer_post=clean(session.lecturer_post), place=clean(session.place),
                   start_time=session.start_time.strip(), end_time=session.end_time.strip())


def save_session(db: Database, session: Session) -> Session:
    """Adds or changes one session; a closed period's timetable is locked with its roster."""
    period = roster.ensure_open(db, session.period_id)
    session = _cleaned(session)
    if errors := session_errors(session, period):
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.sessions(db).save(session)
        audit.record(db, "保存课程安排", "period", period.id, f"{saved.day}{saved.half} {saved.topic}")
    return saved


def delete_session(db: Database, session_id: int) -> None:
    session = tables.sessions(db).get(session_id)
    roster.ensure_open(db, session.period_id)
    with db.atomic():
        tables.sessions(db).delete(session_id)
        audit.record(db, "删除课程安排", "period", session.period_id, f"{session.day}{session.half} {session.topic}")


def replace_timetable(db: Database, period_id: int, sessions: list[Session], action: str,
                      detail: str = "") -> Path | None:
    """The period's whole timetable becomes these sessions, in one transaction; a backup is taken first
    when there is one to lose (its file is returned). Every session is checked first: one bad session
    changes nothing. detail: the audit log's words (default: how many sessions)."""
    period = roster.ensure_open(db, period_id)
    sessions = [_cleaned(replace(s, period_id=period_id, id=None)) for s in sessions]
    errors = {f"{n}.{key}": f"第{n}节：{message}" for n, s in enumerate(sessions, start=1)
              for key, message in session_errors(s, period).items()}
    if errors:
        raise ValidationError(errors)
    backup = backups.before_change(db, "改动前", action) if store.has_sessions(db, period_id) else None
    with db.atomic():
        store.replace_sessions(db, period_id, sessions)
        audit.record(db, action, "period", period_id, detail or f"{len(sessions)}节课")
    return backup


def shifted(sessions: list[Session], source: Period, target: Period) -> list[Session]:
    """The sessions moved by the days between the two periods' starts; those falling after the target's
    end are left out (the caller says how many)."""
    offset = date.fromisoformat(target.start_date) - date.fromisoformat(source.start_date)
    moved = [replace(s, id=None, period_id=target.id,
                     day=(date.fromisoformat(s.day) + offset).isoformat()) for s in sessions]
    return [s for s in moved if s.day <= target.end_date]


def copy_timetable(db: Database, source_period_id: int, target_period_id: int) -> tuple[int, int]:
    """The source period's timetable, moved to the target's dates, replaces the target's.
    Returns (sessions copied, sessions left out because the target is shorter)."""
    source = tables.periods(db).get(source_period_id)
    target = tables.periods(db).get(target_period_id)
    sessions = [teaching.plain(s) for s in store.period_sessions(db, source_period_id)]
    moved = shifted(sessions, source, target)
    replace_timetable(db, target_period_id, moved, "复制课程表")
    return len(moved), len(sessions) - len(moved)


def days_of(period: Period) -> list[str]:
    first = date.fromisoformat(period.start_date)
    return [(first + timedelta(days=n)).isoformat() for n in range(period.days)]
