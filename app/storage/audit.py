"""The audit log as stored: adding an entry, the newest entries, the last entry's id, whether an import's
own entry came after a given one, and the names of the records entries point at."""
from __future__ import annotations

from app.storage import dialect
from app.storage.connection import Database
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


NAMED = {"class": ("training_classes", "name"), "person": ("people", "name"), "unit": ("units", "name"),
          "plan": ("plans", "title"), "lecturer": ("lecturers", "name"), "base": ("teaching_bases", "name"),
          "course": ("courses", "topic")}


def record_names(db: Database, entity: str, ids: list[int]) -> dict[int, str]:
    """The names of the classes, people, units or plans with these ids (those that still exist)."""
    table, column = NAMED[entity]
    sql = f"SELECT id, {column} FROM {table} WHERE {dialect.in_list(db, 'id')}"
    return dict(db.execute(sql, [dialect.json_list(db, ids)]).fetchall())


def period_names(db: Database, ids: list[int]) -> dict[int, tuple[str, int]]:
    """Period id -> (its class's name, its number)."""
    sql = f"""SELECT pe.id, c.name, pe.number FROM periods pe JOIN training_classes c ON c.id = pe.class_id
              WHERE {dialect.in_list(db, 'pe.id')}"""
    return {row[0]: (row[1], row[2]) for row in db.execute(sql, [dialect.json_list(db, ids)])}


def enrollment_names(db: Database, ids: list[int]) -> dict[int, tuple[str, str, int]]:
    """Enrollment id -> (the person's name, the class's name, the period's number)."""
    sql = f"""SELECT e.id, p.name, c.name, pe.number FROM enrollments e JOIN people p ON p.id = e.person_id
              JOIN periods pe ON pe.id = e.period_id JOIN training_classes c ON c.id = pe.class_id
              WHERE {dialect.in_list(db, 'e.id')}"""
    return {row[0]: (row[1], row[2], row[3]) for row in db.execute(sql, [dialect.json_list(db, ids)])}
