"""Many people at once, as an import writes and reads them: new people with the ids SQLite would give
them, changed fields, and everyone's id, name and ID number."""
from __future__ import annotations

from typing import Any, Iterable

from app.domain.models import Person
from app.storage import dialect
from app.storage.connection import Database
from app.storage.records import stored_fields
from app.storage.writers import BUMP, STAMP_COLUMNS, stamps

_COLUMNS = frozenset({"id", *stored_fields(Person)})


def _columns(names: Iterable[str]) -> list[str]:
    names = list(names)
    if unknown := [name for name in names if name not in _COLUMNS]:  # names are put into the SQL
        raise ValueError(unknown)
    return names


def one_import_at_a_time(db: Database) -> None:
    """Another clerk's import waits until this one's transaction ends (two at once on a server would give
    their new people the same ids)."""
    dialect.one_at_a_time(db, "import")


def ids_by_number(db: Database, id_numbers: list[str]) -> dict[str, int]:
    """ID number -> id of the people the archive holds among these."""
    found: dict[str, int] = {}
    for start in range(0, len(id_numbers), 500):
        chunk = dialect.json_list(db, id_numbers[start:start + 500])
        found.update(db.execute(f"SELECT id_number, id FROM people WHERE {dialect.in_list(db, 'id_number')}",
                                [chunk]).fetchall())
    return found


def ids_follow(db: Database) -> None:
    """After people came in with ids of their own: the next person added one by one follows them."""
    dialect.ids_follow_copy(db, "people")


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
