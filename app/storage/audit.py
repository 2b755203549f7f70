"""The audit log as stored: adding an entry, the newest entries, the last entry's id, and whether an
import's own entry came after a given one."""
from __future__ import annotations

from sqlite_utils import Database

from app.storage import dialect
from app.storage.records import rows


def add_entry(db: Database, at: str, os_user: str, action: str, entity: str, entity_id: int | None,
              detail: str) -> None:
    db.execute("INSERT INTO audit_log (at, os_user, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
               [at, os_user, action, entity, entity_id, detail])


def can_write(db: Database) -> bool:
    """False for a connection opened read-only: nothing can be written there."""
    return not dialect.is_query_only(db)


def newest(db: Database, limit: int) -> list[dict]:
    return rows(db, "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit])


def last_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]


def has_entry_after(db: Database, after: int, actions: tuple[str, ...], detail_prefix: str) -> bool:
    """Whether an entry after `after` has one of the actions and a detail starting with the prefix."""
    sql = (f"SELECT 1 FROM audit_log WHERE id > ? AND action IN ({', '.join('?' * len(actions))}) "
           "AND substr(detail, 1, ?) = ? LIMIT 1")
    return db.execute(sql, [after, *actions, len(detail_prefix), detail_prefix]).fetchone() is not None
