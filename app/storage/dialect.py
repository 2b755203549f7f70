"""What only SQLite says, in one place. Every other statement in app/storage is written in the SQL that
PostgreSQL also accepts; these are what a port to it has to replace:

- PRAGMAs: the connection's settings (foreign_keys, synchronous, busy_timeout, cache_size, query_only),
  the file's identity (application_id, user_version), journal_mode and wal_checkpoint, the file's checks
  (quick_check, integrity_check, foreign_key_check) and which file a connection has (database_list);
- sqlite_master, read to learn whether a file can be opened at all;
- instr(text, part), PostgreSQL's strpos;
- a list of values passed as one JSON text and read back with json_each (json_array_elements_text);
- group_concat, PostgreSQL's string_agg;
- julianday, for days between ISO dates (PostgreSQL subtracts dates);
- CROSS JOIN … ON, SQLite's way of fixing the order it joins in (PostgreSQL: a plain JOIN);
- the search indexes of m010: people_grams and the FTS5 table people_digits (PostgreSQL: pg_trgm).

Not here, because PostgreSQL accepts them too: INSERT … ON CONFLICT (…) DO UPDATE, substr on ISO dates,
coalesce, nullif, CASE, LIMIT … OFFSET.

The other engine: a function that a server database (`engine` "postgresql") answers differently asks
app/storage/dialect_postgres.py, the home of what only PostgreSQL says; the connection (placeholders, the
new row's id, transactions), its identity and the schema's translation are app/storage/postgres.py's.
Pieces of queries take the connection, so that they are spelled for its engine.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Protocol

from app.storage import dialect_postgres as pg


class Executes(Protocol):
    """A sqlite3 connection or a sqlite_utils Database: both run a statement and return a cursor."""

    def execute(self, sql: str, parameters: Any = ...) -> Any: ...


def on_server(db: Any) -> bool:
    """Whether the connection is to a PostgreSQL server (a sqlite3 connection or Database: no)."""
    return getattr(db, "engine", "sqlite") == "postgresql"


# -- the connection ------------------------------------------------------------------------------------

def configure(db: Executes, *, busy_timeout_ms: int, writable: bool) -> None:
    """Foreign keys on, full sync, a busy wait, 32 MB of page cache; read-only unless it may write."""
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")
    set_busy_timeout(db, busy_timeout_ms)
    # 32 MB of page cache instead of SQLite's 2 MB: a 20,000-row import no longer spills its indexes.
    db.execute("PRAGMA cache_size = -32768")
    if not writable:
        db.execute("PRAGMA query_only = ON")


def set_busy_timeout(db: Executes, milliseconds: int) -> None:
    db.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


def signed_in(db: Executes) -> str:
    """The database role a server connection writes as (each clerk signs in as their own)."""
    return db.role


def is_query_only(db: Executes) -> bool:
    if on_server(db):
        return bool(db.execute(pg.READ_ONLY).fetchone()[0])
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def wal_checkpoint(db: Executes) -> bool:
    """Copies the WAL into the file and empties it; False when a reader kept it from finishing."""
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy


def set_journal_mode(db: Executes, mode: str) -> str:
    if mode not in ("wal", "delete"):
        raise ValueError(mode)
    return db.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0]


def main_file(db: Executes) -> str | None:
    """The file behind the connection ("" for an in-memory database), None when it has none."""
    for _, name, filename in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return filename
    return None


def touch(db: Executes) -> None:
    """Reads the schema: raises when SQLite cannot open the file this way."""
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()


# -- the file's identity and checks --------------------------------------------------------------------

def application_id(db: Executes) -> int:
    return db.execute("PRAGMA application_id").fetchone()[0]


def table_names(db: Executes) -> list[str]:
    if on_server(db):
        return db.table_names()
    return [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def user_version(db: Executes) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def set_identity(db: Executes, app_id: int, version: int) -> None:
    db.execute(f"PRAGMA application_id = {int(app_id)}")
    db.execute(f"PRAGMA user_version = {int(version)}")


def quick_check(db: Executes) -> list[str]:
    """quick_check's rows ("ok" alone when the file is sound): every page is read."""
    return [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]


def integrity_check(db: Executes) -> list[str]:
    """integrity_check's rows: quick_check's and indexes against their tables (eight times as long)."""
    return [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]


def foreign_key_check(db: Executes) -> list[tuple[str, int, str]]:
    """(table, row, the table it refers to) for every reference to a record that is not there."""
    return [(table, rowid, parent) for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall()]


# -- pieces of queries ---------------------------------------------------------------------------------

def contains(db: Executes, text: str) -> str:
    """A condition: `text` holds the next parameter somewhere."""
    if on_server(db):
        return pg.contains(text)
    return f"instr({text}, ?) > 0"


# -- searching people ------------------------------------------------------------------------------

_PENDING = "SELECT person_id FROM people_search_pending"


def refresh_search_index(db: Executes) -> int:
    """The people search indexes of m010 brought up to date: the people a write touched (noted by a trigger
    in people_search_pending: added, renamed, renumbered or removed) are indexed again in a few set-wise
    statements; OfficeDatabase.atomic calls this at the end of each write transaction. Until then, and on a
    read-only connection, name_holds and digits_hold read those few people directly. Returns how many."""
    if on_server(db):
        return 0  # the server's trigram indexes (m010 there) follow every write themselves
    try:
        pending = db.execute("SELECT count(*) FROM people_search_pending").fetchone()[0]
    except sqlite3.OperationalError:  # a file not yet brought up to m010 has no search index
        return 0
    if not pending:
        return 0
    db.execute(f"DELETE FROM people_grams WHERE person_id IN ({_PENDING})")
    db.execute(f"DELETE FROM people_digits WHERE rowid IN ({_PENDING})")
    longest = db.execute(f"SELECT coalesce(max(length(name)), 0) FROM people WHERE id IN ({_PENDING})").fetchone()[0]
    for size in (1, 2):
        for start in range(1, longest + 2 - size):
            db.execute(f"""INSERT OR IGNORE INTO people_grams (gram, person_id)
                SELECT substr(name, {start}, {size}), id FROM people
                WHERE id IN ({_PENDING}) AND length(name) >= {start}""")
    db.execute(f"""INSERT INTO people_digits (rowid, id_tail, phone)
        SELECT id, substr(id_number, 7), phone FROM people WHERE id IN ({_PENDING})""")
    db.execute("DELETE FROM people_search_pending")
    return pending


_CHANGED = "p.id IN (SELECT person_id FROM people_search_pending)"  # not yet indexed again


def _indexed_or_changed(indexed: str, direct: str) -> str:
    """The index answers for everyone but the people changed since it was brought up to date (whose entries
    may be stale); for those few, the text itself is read."""
    return f"(({indexed}) AND NOT {_CHANGED}) OR ({_CHANGED} AND {direct})"


def name_holds(db: Executes, text: str) -> tuple[str, list]:
    """A condition on people p: the name holds `text`. Served by the people_grams index (m010): the people
    whose name has text's first one or two characters, then the whole text checked in those few names."""
    if on_server(db):
        return pg.name_holds(text)
    direct = contains(db, "p.name")
    if len(text) <= 2:
        indexed = "p.id IN (SELECT person_id FROM people_grams WHERE gram = ?)"
        return _indexed_or_changed(indexed, direct), [text, text]
    indexed = f"p.id IN (SELECT person_id FROM people_grams WHERE gram = ?) AND {direct}"
    return _indexed_or_changed(indexed, direct), [text[:2], text, text]


def digits_hold(db: Executes, digits: str) -> tuple[str, list]:
    """A condition on people p: these three or more characters stand in the ID number after its region code
    (the start of an ID is found by its unique index) or in the phone number: the people_digits FTS5
    trigram index of m010 (which, as FTS5's trigram tokenizer does, ignores letter case)."""
    if on_server(db):
        return pg.digits_hold(digits)
    indexed = "p.id IN (SELECT rowid FROM people_digits WHERE people_digits MATCH ?)"
    direct = f"({contains(db, 'substr(p.id_number, 7)')} OR {contains(db, 'p.phone')})"
    return _indexed_or_changed(indexed, direct), ['"' + digits.replace('"', '""') + '"', digits, digits]


def in_list(db: Executes, column: str) -> str:
    """`column` is one of the values of the next parameter, given as `json_list(db, values)`."""
    if on_server(db):
        return pg.in_list(column)
    return f"{column} IN (SELECT value FROM json_each(?))"


def json_list(db: Executes, values: Iterable[Any]) -> Any:
    if on_server(db):
        return pg.value_list(values)
    return json.dumps(list(values))


def joined_ids(db: Executes, column: str) -> str:
    """An aggregate: the column's numbers as one text, separated by commas (NULL when there are none)."""
    if on_server(db):
        return pg.joined_ids(column)
    return f"group_concat({column})"


def joined_as_list(db: Executes, joined: str | None) -> Any:
    """What joined_ids gave, as the parameter in_list takes."""
    if on_server(db):
        return pg.value_list(int(part) for part in (joined or "").split(",") if part)
    return f"[{joined or ''}]"


def days_from_to(db: Executes, start: str, end: str) -> str:
    """The days from one ISO date to another, both counted."""
    if on_server(db):
        return pg.days_from_to(start, end)
    return f"julianday({end}) - julianday({start}) + 1"


def join_in_this_order(db: Executes) -> str:
    """Joins in the order written: SQLite walks the first table's index and the second's for each row
    (PostgreSQL's planner chooses its own order: a plain JOIN)."""
    return "JOIN" if on_server(db) else "CROSS JOIN"


# -- copying a database between engines -----------------------------------------------------------------

# Tables an engine keeps for itself (its migrations' record, its identity, its search indexes): each side
# has its own, made by its own migrations, never copied.
_ENGINE_TABLES = ("_sqlite_migrations", "people_grams", "people_search_pending", "traindesk_meta",
                  "traindesk_migrations")


def is_engine_table(name: str) -> bool:
    return name in _ENGINE_TABLES or name.startswith(("sqlite_", "people_digits"))


def references(db: Executes, table: str) -> list[tuple[str, str]]:
    """(column, the table it refers to) for each foreign key of a table of a SQLite file: the schema both
    engines share, read where it can be read plainly."""
    return [(row[3], row[2]) for row in db.execute(f"PRAGMA foreign_key_list({table})").fetchall()]


def one_at_a_time(db: Executes, work: str) -> None:
    """Inside a write transaction, makes another connection doing the same work wait until this transaction
    ends (a server's transaction-scoped advisory lock); a SQLite file has one writer at a time already."""
    if on_server(db):
        db.execute(pg.ONE_AT_A_TIME, [work]).fetchall()


def ids_follow_copy(db: Executes, table: str) -> None:
    """After rows were copied in with their ids: the next new row's id follows the largest (a server's
    identity column keeps its own counter; SQLite takes the largest rowid by itself)."""
    if on_server(db):
        db.execute(pg.identity_after_copy(table)).fetchall()
