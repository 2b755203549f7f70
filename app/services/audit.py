"""The audit log: who did what to which record, and when. Never holds a full ID number."""
from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from ..config import os_user
from ..storage.records import rows


def record(db: Database, action: str, entity: str = "", entity_id: int | None = None, detail: str = "") -> None:
    db.execute(
        "INSERT INTO audit_log (at, os_user, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [datetime.now().isoformat(timespec="seconds"), os_user(), action, entity, entity_id, detail],
    )


def entries(db: Database, limit: int = 500) -> list[dict]:
    return rows(db, "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit])
