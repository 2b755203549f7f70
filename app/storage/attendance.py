"""Half-day attendance marks (出勤, 请假, 缺勤): a period's marks, setting and clearing one, many at once,
and the share of recorded half-days attended in a year."""
from __future__ import annotations

from typing import Iterable

from app.storage import conditions
from app.storage.connection import Database

PRESENT = "出勤"


def marks(db: Database, period_id: int) -> dict[tuple[int, str, str], str]:
    """(enrollment id, day, half) -> mark, for every mark of the period's trainees."""
    sql = """SELECT a.enrollment_id, a.day, a.half, a.status FROM attendance a
             JOIN enrollments e ON e.id = a.enrollment_id WHERE e.period_id = ?"""
    return {(enrollment_id, day, half): mark for enrollment_id, day, half, mark in db.execute(sql, [period_id])}


def marks_of(db: Database, enrollment_id: int) -> tuple[tuple[str, str, str], ...]:
    """(day, half, mark) of one trainee, in order."""
    sql = "SELECT day, half, status FROM attendance WHERE enrollment_id = ? ORDER BY day, half"
    return tuple(tuple(row) for row in db.execute(sql, [enrollment_id]).fetchall())


def clear_mark(db: Database, enrollment_id: int, day: str, half: str) -> None:
    db.execute("DELETE FROM attendance WHERE enrollment_id = ? AND day = ? AND half = ?", [enrollment_id, day, half])


def add_marks(db: Database, found: Iterable[tuple[int, str, str, str]]) -> None:
    """New marks (enrollment, day, half, mark) for half-days that have none."""
    db.executemany("INSERT INTO attendance (enrollment_id, day, half, status) VALUES (?, ?, ?, ?)", found)


def put_marks(db: Database, found: Iterable[tuple[int, str, str, str]]) -> None:
    """Marks (enrollment, day, half, mark) that replace whatever those half-days held."""
    db.executemany("""INSERT INTO attendance (enrollment_id, day, half, status) VALUES (?, ?, ?, ?)
                           ON CONFLICT (enrollment_id, day, half) DO UPDATE SET status = excluded.status""", found)


def present_share(db: Database, year: int) -> float | None:
    """Half-days attended over half-days recorded in the periods starting in the year; None when none were."""
    present = conditions.counted(f"a.status = {conditions.literal(PRESENT)}")
    row = db.execute(f"""SELECT sum({present}), count(*) FROM attendance a
                         JOIN enrollments e ON e.id = a.enrollment_id JOIN periods p ON p.id = e.period_id
                         WHERE substr(p.start_date, 1, 4) = ?""", [str(year)]).fetchone()
    return row[0] / row[1] if row[1] else None
