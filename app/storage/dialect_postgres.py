"""What only PostgreSQL says: the server's answers to app/storage/dialect.py's pieces of queries, asked by
that module for a connection whose engine is "postgresql". Plain text here, without psycopg: the
connection itself (placeholders, the new id, transactions) and the schema are app/storage/postgres.py's.
"""
from __future__ import annotations

from typing import Any, Iterable

READ_ONLY = "SELECT current_setting('transaction_read_only') = 'on'"  # PRAGMA query_only's answer
ONE_AT_A_TIME = "SELECT pg_advisory_xact_lock(hashtext(?))"  # held until the transaction ends


def contains(text: str) -> str:
    """A condition: `text` holds the next parameter somewhere (SQLite's instr)."""
    return f"strpos({text}, ?) > 0"


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own %, _ and \\ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def name_holds(text: str) -> tuple[str, list]:
    """A condition on people p: the name holds `text`; LIKE, which m010's trigram index serves (pg_trgm)."""
    return "p.name LIKE ?", [like_pattern(text)]


def digits_hold(digits: str) -> tuple[str, list]:
    """A condition on people p: the characters stand in the ID number after its region code or in the phone,
    letter case ignored as SQLite's trigram index ignores it; served by m010's trigram indexes."""
    pattern = like_pattern(digits)
    return "(substr(p.id_number, 7) ILIKE ? OR p.phone ILIKE ?)", [pattern, pattern]


def in_list(column: str) -> str:
    """`column` is one of the values of the next parameter, a list (value_list) sent as an array."""
    return f"{column} = ANY(?)"


def value_list(values: Iterable[Any]) -> list:
    return list(values)


def joined_ids(column: str) -> str:
    """An aggregate: the column's numbers as one text, separated by commas (SQLite's group_concat)."""
    return f"string_agg(CAST({column} AS TEXT), ',')"


def days_from_to(start: str, end: str) -> str:
    """The days from one ISO date (TEXT) to another, both counted: dates subtract to whole days."""
    return f"(CAST({end} AS DATE) - CAST({start} AS DATE) + 1)"


def identity_after_copy(table: str) -> str:
    """A statement setting the table's id counter past its largest id (after rows came with their ids)."""
    return (f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, "
            "false)")
