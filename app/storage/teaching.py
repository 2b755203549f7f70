"""The teaching side as stored: a period's sessions with their lecturers and bases, the pool's lecturers and
the bases with how often they were used, a lecturer's sessions, two bookings of one lecturer at once."""
from __future__ import annotations

from dataclasses import replace

from app.domain.teaching_records import Course, Lecturer, Session, SessionRow, TeachingBase
from app.storage import tables
from app.storage.connection import Database
from app.storage.records import from_row, rows, to_row
from app.storage.writers import BUMP, STAMP_COLUMNS, stamps

_SESSION_ROW = """SELECT s.*, coalesce(l.name, '') AS pool_name, coalesce(l.post, '') AS pool_post,
                         coalesce(l.title, '') AS lecturer_title, coalesce(l.kind, '') AS lecturer_kind,
                         coalesce(l.unit, '') AS lecturer_unit, coalesce(b.name, '') AS base_name
                  FROM sessions s
                  LEFT JOIN lecturers l ON l.id = s.lecturer_id
                  LEFT JOIN teaching_bases b ON b.id = s.base_id"""
_HALF_ORDER = "CASE s.half WHEN '上午' THEN 0 WHEN '下午' THEN 1 ELSE 2 END"


def period_sessions(db: Database, period_id: int) -> list[SessionRow]:
    """The period's timetable in order: by day, half-day, then the clerk's order within it."""
    sql = f"{_SESSION_ROW} WHERE s.period_id = ? ORDER BY s.day, {_HALF_ORDER}, s.sort_order, s.id"
    return [from_row(SessionRow, row) for row in rows(db, sql, [period_id])]


def sessions_of_periods(db: Database, period_ids: list[int]) -> list[SessionRow]:
    if not period_ids:
        return []
    marks = ", ".join("?" for _ in period_ids)
    sql = f"{_SESSION_ROW} WHERE s.period_id IN ({marks}) ORDER BY s.period_id, s.day, {_HALF_ORDER}, s.sort_order, s.id"
    return [from_row(SessionRow, row) for row in rows(db, sql, period_ids)]


def lecturer_sessions(db: Database, lecturer_id: int, first_day: str = "", last_day: str = "9999") -> list[SessionRow]:
    sql = f"""{_SESSION_ROW} WHERE s.lecturer_id = ? AND s.day BETWEEN ? AND ?
              ORDER BY s.day, {_HALF_ORDER}, s.sort_order, s.id"""
    return [from_row(SessionRow, row) for row in rows(db, sql, [lecturer_id, first_day, last_day])]


def base_sessions(db: Database, base_id: int) -> list[SessionRow]:
    sql = f"{_SESSION_ROW} WHERE s.base_id = ? ORDER BY s.day, {_HALF_ORDER}, s.sort_order, s.id"
    return [from_row(SessionRow, row) for row in rows(db, sql, [base_id])]


def has_sessions(db: Database, period_id: int) -> bool:
    return db.execute("SELECT 1 FROM sessions WHERE period_id = ? LIMIT 1", [period_id]).fetchone() is not None


def replace_sessions(db: Database, period_id: int, sessions: list[Session]) -> None:
    """The period's timetable becomes these sessions (call inside a transaction)."""
    db.execute("DELETE FROM sessions WHERE period_id = ?", [period_id])
    tables.sessions(db).insert_many(replace(s, period_id=period_id) for s in sessions)


def double_bookings(db: Database, first_day: str = "", last_day: str = "9999") -> list[tuple[int, int]]:
    """Pairs of session ids (lower first) where one pool lecturer is booked in the same half-day of the same
    day in two different periods, and their times (when both give them) overlap."""
    sql = """SELECT a.id, b.id FROM sessions a JOIN sessions b
               ON a.lecturer_id = b.lecturer_id AND a.day = b.day AND a.half = b.half AND a.id < b.id
              AND a.period_id <> b.period_id
             WHERE a.lecturer_id IS NOT NULL AND a.day BETWEEN ? AND ?
               AND (a.start_time = '' OR a.end_time = '' OR b.start_time = '' OR b.end_time = ''
                    OR (a.start_time < b.end_time AND b.start_time < a.end_time))
             ORDER BY a.day, a.id"""
    return [tuple(row) for row in db.execute(sql, [first_day, last_day]).fetchall()]


def list_lecturers(db: Database, include_archived: bool = False) -> list[Lecturer]:
    condition = "" if include_archived else "archived = 0"
    return tables.lecturers(db).where(condition, order_by="kind, name, id")


def lecturer_by_name(db: Database, name: str) -> list[Lecturer]:
    return tables.lecturers(db).where("name = ?", [name])


def link_typed_lecturer(db: Database, lecturer_id: int, name: str) -> int:
    """Sessions naming a lecturer by this typed name now name the pool's record; how many."""
    return db.execute(f"UPDATE sessions SET lecturer_id = ?, lecturer_name = '', lecturer_post = '', {BUMP} "
                      "WHERE lecturer_id IS NULL AND lecturer_name = ?", [lecturer_id, *stamps(db), name]).rowcount


def list_bases(db: Database, include_archived: bool = False) -> list[TeachingBase]:
    condition = "" if include_archived else "archived = 0"
    return tables.teaching_bases(db).where(condition, order_by="kind, name, id")


def base_by_name(db: Database, name: str) -> TeachingBase | None:
    found = tables.teaching_bases(db).where("name = ?", [name])
    return found[0] if found else None


def session_counts(db: Database, column: str) -> dict[int, int]:
    """lecturer_id or base_id -> how many sessions name it."""
    assert column in ("lecturer_id", "base_id")
    sql = f"SELECT {column}, count(*) FROM sessions WHERE {column} IS NOT NULL GROUP BY {column}"
    return {key: count for key, count in db.execute(sql).fetchall()}


def sessions_by_topic(db: Database) -> list[dict]:
    """Every topic taught, with how many sessions and periods, and its lecturers' names (comma-joined)."""
    sql = """SELECT s.topic AS topic, count(*) AS sessions, count(DISTINCT s.period_id) AS periods,
                    min(s.day) AS first_day, max(s.day) AS last_day
             FROM sessions s WHERE s.topic <> '' GROUP BY s.topic ORDER BY count(*) DESC, s.topic"""
    return rows(db, sql)


def lecturers_by_topic(db: Database) -> dict[str, list[str]]:
    """Each topic taught -> its lecturers' names (the pool's, else as typed), in name order: one query for the
    whole course library."""
    sql = """SELECT DISTINCT s.topic, coalesce(l.name, s.lecturer_name) AS name FROM sessions s
             LEFT JOIN lecturers l ON l.id = s.lecturer_id
             WHERE s.topic <> '' AND coalesce(l.name, s.lecturer_name) <> '' ORDER BY 1, 2"""
    found: dict[str, list[str]] = {}
    for topic, name in db.execute(sql).fetchall():
        found.setdefault(topic, []).append(name)
    return found


def session_or_none(db: Database, session_id: int) -> Session | None:
    found = tables.sessions(db).where("id = ?", [session_id])
    return found[0] if found else None


def put_session(db: Database, session: Session) -> None:
    """Writes the session under its own id, inserting it when that id is free (undo puts a deleted one back
    where the steps above it expect it)."""
    if db.execute("SELECT 1 FROM sessions WHERE id = ?", [session.id]).fetchone() is None:
        row = to_row(session)
        columns = ", ".join(["id", *row, STAMP_COLUMNS])
        marks = ", ".join("?" for _ in range(len(row) + 3))
        db.execute(f"INSERT INTO sessions ({columns}) VALUES ({marks})", [session.id, *row.values(), *stamps(db)])
    else:
        tables.sessions(db).update(session)


def delete_session(db: Database, session_id: int) -> None:
    tables.sessions(db).delete(session_id)




def periods_with_sessions(db: Database, first_day: str = "", last_day: str = "9999") -> list[int]:
    """The periods with a session between the two days (every one, by default)."""
    sql = "SELECT DISTINCT period_id FROM sessions WHERE day BETWEEN ? AND ? ORDER BY period_id"
    return [row[0] for row in db.execute(sql, [first_day, last_day]).fetchall()]


def double_booked(db: Database, first_day: str = "", last_day: str = "9999") -> list[tuple[str, str, str, int, int]]:
    """(lecturer's name, day, half-day, period id, other period id) of each pair double_bookings finds."""
    pairs = double_bookings(db, first_day, last_day)
    if not pairs:
        return []
    ids = sorted({i for pair in pairs for i in pair})
    marks = ", ".join("?" for _ in ids)
    found = {s.id: s for s in (from_row(SessionRow, row) for row in rows(db, f"{_SESSION_ROW} WHERE s.id IN ({marks})", ids))}
    return [(found[a].lecturer, found[a].day, found[a].half, found[a].period_id, found[b].period_id) for a, b in pairs]


def course_by_topic(db: Database, topic: str) -> Course | None:
    found = tables.courses(db).where("topic = ?", [topic])
    return found[0] if found else None
