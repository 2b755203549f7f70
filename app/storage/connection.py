"""The connection every storage function takes: a SQLite connection with the little the program uses of
sqlite-utils' Database (execute, atomic, close, table_names), written here so that opening the office's file
does not import sqlite-utils with click, pluggy and dateutil (0.1–0.5 s of every start). sqlite-utils runs
the schema's migrations, and is imported only when a file needs one (app/storage/migrations.py).

Connections are opened with isolation_level=None (app/storage/db.py): a statement outside atomic() commits
at once, and atomic() alone opens transactions, nesting as savepoints.
"""
from __future__ import annotations

import contextlib
import secrets
import sqlite3
from typing import Any, Iterable, Sequence


class Transactions:
    """atomic() for either engine's connection, which gives in_transaction, execute and rollback."""

    in_transaction: bool

    def _before_commit(self) -> None:
        """The last statement of an outermost transaction (the server announces its writes here)."""

    @contextlib.contextmanager
    def atomic(self):
        """One transaction; inside another, a savepoint: an error undoes the inner block only."""
        if self.in_transaction:
            savepoint = f"td_{secrets.token_hex(8)}"
            self.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.in_transaction:  # an error (a RAISE(ROLLBACK) trigger) may have ended it all
                    self.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self._before_commit()
            self.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


class Database(Transactions):
    engine = "sqlite"  # a server database's connection (app/storage/postgres.py) says "postgresql"

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        self.conn.executemany(sql, rows)

    def insert_id(self, sql: str, parameters: Sequence = ()) -> int:
        """Runs an INSERT of one row into a table with an id column; the new row's id."""
        return self.execute(sql, parameters).lastrowid

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_names(self) -> list[str]:
        from app.storage.dialect import table_names

        return table_names(self)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info) -> None:
        """`with open_db(...) as db:` closes the connection at the end of the block."""
        self.close()
