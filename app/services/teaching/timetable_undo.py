"""Undo and redo of timetable edits: the sessions a step touched, as they were before and after (None: not
there). Putting one side back is one logged transaction, refused with the reason, and nothing changed, when
those sessions are no longer as the step left them or the period is closed. A session another clerk saved
since (its version moved) is refused with StaleRecord, naming them; after writing, `target` holds the versions
it now has, so the step's way back checks only for other people's writes."""
from __future__ import annotations

from dataclasses import replace

from app.domain import teaching
from app.domain.errors import StaleRecord, UserError
from app.domain.teaching_records import Session
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
    current = snapshot(db, expected)
    for session_id, session in expected.items():
        found = current[session_id]
        if found is not None and session is not None and session.version and found.version != session.version:
            raise StaleRecord(found.changed_by, found.changed_at)
    if current != expected:
        raise UserError("课程表在这之后又有改动（可能在别处修改过）")
    with db.atomic():
        for session_id, session in target.items():
            if session is None:
                store.delete_session(db, session_id)
            else:
                found = current.get(session_id)
                store.put_session(db, replace(session, version=found.version if found else 0))
        audit.record(db, action, "period", period_id, f"{len(target)}节课")
    target.update({session_id: store.session_or_none(db, session_id)
                   for session_id, session in target.items() if session is not None})
