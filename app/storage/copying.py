"""Every table's rows from one database into another of the same schema, on either engine: the reads and
writes `migrate-to` (a file onto a server) and `backup --db postgresql://…` (a server into a file) are made of.
Table names come from the databases themselves, never from outside."""
from __future__ import annotations

from typing import Iterator

from app.storage import dialect
from app.storage.connection import Database

CHUNK = 2000


def tables(db: Database) -> list[str]:
    """The office's tables: what a copy carries (each engine's own tables left out)."""
    return sorted(name for name in db.table_names() if not dialect.is_engine_table(name))


def columns(db: Database, table: str) -> list[str]:
    cursor = db.execute(f"SELECT * FROM {table} LIMIT 0")
    return [column[0] for column in cursor.description]


def count(db: Database, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def has_rows(db: Database, table: str) -> bool:
    return db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


def rows(db: Database, table: str, names: list[str]) -> Iterator[list[tuple]]:
    """The table's rows as tuples of these columns, CHUNK at a time, in the order of the first column (the
    id, where the table has one), so that a copy inserts them as they were made."""
    cursor = db.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY {names[0]}")
    while chunk := cursor.fetchmany(CHUNK):
        yield [tuple(row) for row in chunk]


def insert(db: Database, table: str, names: list[str], values: list[tuple]) -> None:
    marks = ", ".join("?" for _ in names)
    db.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", values)


def set_column(db: Database, table: str, column: str, values: list[tuple]) -> None:
    """(value, id) pairs: a column filled in after its rows are all there."""
    db.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?", values)


def references(db: Database, table: str) -> list[tuple[str, str]]:
    return dialect.references(db, table)


def ids_follow_copy(db: Database, table: str) -> None:
    dialect.ids_follow_copy(db, table)
