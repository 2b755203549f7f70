"""Tests against a PostgreSQL server: with TRAINDESK_TEST_POSTGRES=postgresql://… (tools/pg-test-server start
prints one) the `db` fixture gives each test a fresh database on that server, made from a template migrated
once per session (CREATE DATABASE … TEMPLATE …, dropped after the test). Without it, SQLite in memory."""
from __future__ import annotations

import os
import secrets
from urllib.parse import urlsplit, urlunsplit

SERVER = os.environ.get("TRAINDESK_TEST_POSTGRES", "").strip()


def on_server() -> bool:
    return bool(SERVER)


def url_of(database: str, url: str | None = None) -> str:
    """The server's URL naming another database."""
    parts = urlsplit(url or SERVER)
    return urlunsplit(parts._replace(path=f"/{database}"))


def admin():
    """A connection to the server's own database, for CREATE and DROP DATABASE (outside transactions)."""
    import psycopg

    return psycopg.connect(SERVER, autocommit=True)


class Databases:
    """The session's template, migrated once, and a fresh copy of it per test."""

    def __init__(self):
        self.prefix = f"td_test_{os.getpid()}_{secrets.token_hex(3)}"
        self.template = f"{self.prefix}_template"
        self.made: list[str] = []
        self._admin = None

    def connection(self):
        if self._admin is None or self._admin.closed:
            self._admin = admin()
        return self._admin

    def make_template(self) -> None:
        from app.storage.db import open_db

        self.connection().execute(f'CREATE DATABASE "{self.template}"')
        open_db(url_of(self.template), create=True).close()  # every migration run once, here

    def fresh(self) -> str:
        """A new database that is a copy of the migrated template; its URL."""
        name = f"{self.prefix}_{len(self.made)}"
        self.made.append(name)
        self.connection().execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return url_of(name)

    def empty(self) -> str:
        """A new empty database (no schema), for tests of opening and migrating."""
        name = f"{self.prefix}_{len(self.made)}"
        self.made.append(name)
        self.connection().execute(f'CREATE DATABASE "{name}"')
        return url_of(name)

    def drop(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        self.connection().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop_all(self) -> None:
        for name in [*self.made, self.template]:
            self.connection().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.connection().close()


def command_db(db, tmp_path) -> str:
    """The --db that reaches the test's database from a command: on a server run the database's own URL (the
    command works on it), otherwise a file holding a copy of the database in memory."""
    if on_server():
        return db.url
    import sqlite3

    path = tmp_path / "command.db"
    copy = sqlite3.connect(path)
    db.conn.backup(copy)
    copy.close()
    return str(path)
