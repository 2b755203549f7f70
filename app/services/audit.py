"""The audit log: who did what to which record, and when. Never holds a full ID number."""
from __future__ import annotations

import getpass
from datetime import datetime

from sqlite_utils import Database

from ..storage.records import rows


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (services, odd Windows setups)
        return ""


def record(db: Database, action: str, entity: str = "", entity_id: int | None = None, detail: str = "") -> None:
    db.execute(
        "INSERT INTO audit_log (at, os_user, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [datetime.now().isoformat(timespec="seconds"), os_user(), action, entity, entity_id, detail],
    )


def entries(db: Database, limit: int = 500) -> list[dict]:
    return rows(db, "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit])
