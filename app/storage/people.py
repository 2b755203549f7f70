"""Reading people with their unit's name: search, filter, count, page."""
from __future__ import annotations

from sqlite_utils import Database

from ..domain.models import Person
from .records import from_row, rows

_SELECT = """SELECT p.*, coalesce(u.name, '') AS unit_name
FROM people p LEFT JOIN units u ON u.id = p.unit_id"""
_ORDER = "coalesce(u.sort_order, 1e9), u.id, p.name, p.id"


def _where(text: str, unit_id: int | None) -> tuple[str, list]:
    conditions, params = [], []
    text = text.strip()
    if text:
        like = f"%{text}%"
        conditions.append("(p.name LIKE ? OR p.id_number LIKE ? OR p.phone LIKE ? OR u.name LIKE ?)")
        params += [like, like, like, like]
    if unit_id is not None:
        conditions.append("p.unit_id = ?")
        params.append(unit_id)
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def search(db: Database, text: str = "", unit_id: int | None = None,
           limit: int = -1, offset: int = 0) -> list[Person]:
    where, params = _where(text, unit_id)
    sql = f"{_SELECT}{where} ORDER BY {_ORDER} LIMIT ? OFFSET ?"
    return [from_row(Person, row) for row in rows(db, sql, [*params, limit, offset])]


def count(db: Database, text: str = "", unit_id: int | None = None) -> int:
    where, params = _where(text, unit_id)
    sql = f"SELECT count(*) FROM people p LEFT JOIN units u ON u.id = p.unit_id{where}"
    return db.execute(sql, params).fetchone()[0]


def by_id_number(db: Database, id_number: str) -> Person | None:
    found = rows(db, f"{_SELECT} WHERE p.id_number = ?", [id_number])
    return from_row(Person, found[0]) if found else None
