"""Many people at once, as an import writes and reads them: new people with the ids SQLite would give
them, changed fields, and everyone's id, name and ID number."""
from __future__ import annotations

from typing import Any, Iterable

from app.domain.models import Person
from app.storage.connection import Database
from app.storage.records import stored_fields
from app.storage.writers import BUMP, STAMP_COLUMNS, stamps

_COLUMNS = frozenset({"id", *stored_fields(Person)})


def _columns(names: Iterable[str]) -> list[str]:
    names = list(names)
    if unknown := [name for name in names if name not in _COLUMNS]:  # names are put into the SQL
        raise ValueError(unknown)
    return names


def last_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM people").fetchone()[0]


def add_many(db: Database, columns: tuple[str, ...], values: Iterable[tuple[Any, ...]]) -> None:
    """New people, each a tuple of the columns' values (the id among them), in one statement run."""
    names, stamp = _columns(columns), tuple(stamps(db))
    sql = f"INSERT INTO people ({', '.join(names)}, {STAMP_COLUMNS}) VALUES ({', '.join('?' * (len(names) + 2))})"
    db.executemany(sql, ((*row, *stamp) for row in values))


def update_fields(db: Database, person_id: int, values: dict[str, Any]) -> None:
    """Sets these columns of one person."""
    assignments = ", ".join(f"{column} = ?" for column in _columns(values))
    db.execute(f"UPDATE people SET {assignments}, {BUMP} WHERE id = ?", [*values.values(), *stamps(db), person_id])


def identities(db: Database) -> list[tuple[int, str, str]]:
    """(id, name, ID number) of everyone in the archive."""
    return [tuple(row) for row in db.execute("SELECT id, name, id_number FROM people").fetchall()]
