"""Undo and redo of timetable edits: the sessions a step touched, as they were before and after (None: not
there). Putting one side back is one logged transaction, refused with the reason, and nothing changed, when
those sessions are no longer as the step left them or the period is closed."""
from __future__ import annotations

from app.domain import teaching
from app.domain.errors import UserError
from app.domain.models import Session
from app.services import roster
from app.services.safety import audit
from app.storage import teaching as store
from app.storage.connection import Database

Sessions = dict[int, Session | None]  # session id -> the session, or None when it is not there


def snapshot(db: Database, session_ids) -> Sessions:
    return {session_id: store.session_or_none(db, session_id) for session_id in session_ids}


def period_snapshot(db: Database, period_id: int) -> Sessions:
    """Every session of the period (a whole timetable replaced is one step)."""
    return {s.id: teaching.plain(s) for s in store.period_sessions(db, period_id)}


def restore(db: Database, period_id: int, expected: Sessions, target: Sessions, action: str) -> None:
    """The sessions become `target` if they are still `expected`; else UserError, nothing changed."""
    roster.ensure_open(db, period_id)
    if snapshot(db, expected) != expected:
        raise UserError("课程表在这之后又有改动（可能在别处修改过）")
    with db.atomic():
        for session_id, session in target.items():
            if session is None:
                store.delete_session(db, session_id)
            else:
                store.put_session(db, session)
        audit.record(db, action, "period", period_id, f"{len(target)}节课")
