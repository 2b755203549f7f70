"""结业证书 serial numbers as issued: by enrollment, by period, by year, and issuing one."""
from __future__ import annotations

from app.storage.connection import Database


def issued(db: Database, enrollment_ids: list[int]) -> dict[int, str]:
    """The serial of each of these enrollments that has one (one query per 500)."""
    found = {}
    for start in range(0, len(enrollment_ids), 500):
        chunk = enrollment_ids[start:start + 500]
        sql = f"SELECT enrollment_id, serial FROM certificates WHERE enrollment_id IN ({', '.join('?' * len(chunk))})"
        found.update(dict(db.execute(sql, chunk).fetchall()))
    return found


def of_period(db: Database, period_id: int) -> list[str]:
    sql = """SELECT c.serial FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
             WHERE e.period_id = ?"""
    return [row[0] for row in db.execute(sql, [period_id])]


def of_year(db: Database, year: int) -> list[str]:
    return [row[0] for row in db.execute("SELECT serial FROM certificates WHERE serial LIKE ?", [f"{year}-%"])]


def issue(db: Database, enrollment_id: int, serial: str, issued_on: str) -> None:
    db.execute("INSERT INTO certificates (enrollment_id, serial, issued_on) VALUES (?, ?, ?)",
               [enrollment_id, serial, issued_on])
