"""Reading units in their official display order, with how many people each has."""
from __future__ import annotations

from sqlite_utils import Database

from app.domain.models import Unit
from app.storage.records import from_row, rows


def list_units(db: Database) -> list[Unit]:
    sql = """SELECT u.*, (SELECT count(*) FROM people p WHERE p.unit_id = u.id) AS people_count
             FROM units u ORDER BY u.sort_order, u.id"""
    return [from_row(Unit, row) for row in rows(db, sql)]


def by_name(db: Database, name: str) -> Unit | None:
    found = rows(db, "SELECT * FROM units WHERE name = ?", [name])
    return from_row(Unit, found[0]) if found else None
