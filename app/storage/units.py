"""Units: in their official display order with how many people each has, found by name, reordered, and
new ones after the last."""
from __future__ import annotations

from app.domain.models import Unit, UnitRow
from app.storage import tables
from app.storage.connection import Database
from app.storage.records import from_row, rows


def list_units(db: Database) -> list[UnitRow]:
    sql = """SELECT u.*, (SELECT count(*) FROM people p WHERE p.unit_id = u.id) AS people_count
             FROM units u ORDER BY u.sort_order, u.id"""
    return [from_row(UnitRow, row) for row in rows(db, sql)]


def by_name(db: Database, name: str) -> Unit | None:
    found = tables.units(db).where("name = ?", [name])
    return found[0] if found else None


def set_order(db: Database, unit_ids: list[int]) -> None:
    """The units in this order, numbered by tens."""
    db.executemany("UPDATE units SET sort_order = ? WHERE id = ?",
                        [((position + 1) * 10, unit_id) for position, unit_id in enumerate(unit_ids)])


def add_after_last(db: Database, names: list[str]) -> list[int]:
    """New units with these names after the last in the display order; their ids, in the same order."""
    order = db.execute("SELECT coalesce(max(sort_order), 0) FROM units").fetchone()[0]
    return [db.insert_id("INSERT INTO units (name, sort_order) VALUES (?, ?)", [name, order + offset])
            for offset, name in enumerate(names, start=1)]
