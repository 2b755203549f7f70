"""Units: in their official display order with how many people each has, found by name, reordered, and
new ones after the last."""
from __future__ import annotations

from app.domain.models import Unit, UnitRow
from app.storage import tables
from app.storage.connection import Database
from app.storage.records import from_row, rows
from app.storage.writers import BUMP, STAMP_COLUMNS, stamps


def list_units(db: Database) -> list[UnitRow]:
    sql = """SELECT u.*, (SELECT count(*) FROM people p WHERE p.unit_id = u.id) AS people_count
             FROM units u ORDER BY u.sort_order, u.id"""
    return [from_row(UnitRow, row) for row in rows(db, sql)]


def by_name(db: Database, name: str) -> Unit | None:
    found = tables.units(db).where("name = ?", [name])
    return found[0] if found else None


def set_order(db: Database, unit_ids: list[int]) -> None:
    """The units in this order, numbered by tens."""
    stamp = stamps(db)
    db.executemany(f"UPDATE units SET sort_order = ?, {BUMP} WHERE id = ? AND sort_order <> ?",
                        [((position + 1) * 10, *stamp, unit_id, (position + 1) * 10)
                         for position, unit_id in enumerate(unit_ids)])


def add_after_last(db: Database, names: list[str]) -> list[int]:
    """New units with these names after the last in the display order; their ids, in the same order."""
    order = db.execute("SELECT coalesce(max(sort_order), 0) FROM units").fetchone()[0]
    stamp = stamps(db)
    return [db.insert_id(f"INSERT INTO units (name, sort_order, {STAMP_COLUMNS}) VALUES (?, ?, ?, ?)",
                         [name, order + offset, *stamp])
            for offset, name in enumerate(names, start=1)]
