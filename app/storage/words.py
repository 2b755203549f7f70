"""The words people's listed fields hold (职级, 民族 ...), counted, and one word replaced by another."""
from __future__ import annotations

from app.domain.vocab import PERSON_LISTS
from app.storage.connection import Database
from app.storage.writers import BUMP, stamps


def _column(field: str) -> str:
    if field not in PERSON_LISTS:  # the column name is put into the SQL: only the listed fields may be
        raise ValueError(field)
    return field


def word_counts(db: Database, field: str) -> dict[str, int]:
    """Each word the field holds in the archive, with how many people hold it, most first."""
    column = _column(field)
    sql = f"SELECT {column}, count(*) AS n FROM people WHERE {column} <> '' GROUP BY {column} ORDER BY n DESC, {column}"
    return {word: count for word, count in db.execute(sql).fetchall()}


def replace_word(db: Database, field: str, old: str, new: str) -> int:
    """Every person holding old gets new; returns how many."""
    column = _column(field)
    return db.execute(f"UPDATE people SET {column} = ?, {BUMP} WHERE {column} = ?", [new, *stamps(db), old]).rowcount
