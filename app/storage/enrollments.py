"""Reading a period's roster with each trainee's name and unit."""
from __future__ import annotations

from sqlite_utils import Database

from app.domain.models import Enrollment
from app.storage.records import from_row, rows


def roster(db: Database, period_id: int) -> list[Enrollment]:
    sql = """SELECT e.*, p.name AS person_name, coalesce(u.name, '') AS unit_name
             FROM enrollments e JOIN people p ON p.id = e.person_id
             LEFT JOIN units u ON u.id = e.unit_id
             WHERE e.period_id = ? ORDER BY coalesce(u.sort_order, 1e9), u.id, p.name"""
    return [from_row(Enrollment, row) for row in rows(db, sql, [period_id])]
