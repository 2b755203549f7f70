"""The office's database on a PostgreSQL server (postgresql://user@host:port/db): the connection, opening,
and the notices of other processes' writes. psycopg is imported only here, and this module only when a server is opened, so a
SQLite file opens as fast as before.

The connection has the interface of app/storage/connection.Database: execute with `?` placeholders,
executemany, insert_id (the new row's id), atomic (savepoints inside a transaction), rollback,
table_names, close, and `engine` = "postgresql". It binds parameters on the client (psycopg's ClientCursor),
so a value is typed by the column it meets as SQLite's are; booleans are stored as 0/1 and dates as ISO
text, as the sqlite3 module stores them, and numeric results (sums of integers, averages) are read as
SQLite's: whole sums as ints, the rest as floats. Errors are raised as the DB-API classes of the sqlite3
module that the program already catches (IntegrityError, OperationalError, DatabaseError), the server's
message kept and the original chained.

The password comes from the URL, PGPASSWORD or the standard password file (~/.pgpass, %APPDATA%\\postgresql\\
pgpass.conf), which libpq reads itself; the program never writes it. The one-writer lock of a SQLite file
does not apply: on a server every window writes.

The schema (identity and migrations) is app/storage/postgres_schema.py's: a database holding other tables
is refused as a foreign file is, and an empty one is set up only when asked to (init).
"""
from __future__ import annotations

import datetime
import secrets
import sqlite3
from typing import Iterable, Sequence
from urllib.parse import urlsplit

import psycopg
from psycopg.adapt import Dumper, Loader

from app.storage.connection import Transactions
from app.storage.postgres_schema import ServerDatabaseError, check_identity, migrate, table_names

CONNECT_TIMEOUT_SECONDS = 10




def display_name(url: str) -> str:
    """The URL without its password, for messages and window titles: 服务器 host/db."""
    parts = urlsplit(url)
    host = parts.hostname or "本机"
    port = f":{parts.port}" if parts.port else ""
    user = f"{parts.username}@" if parts.username else ""
    return f"{user}{host}{port}{parts.path or '/'}"


def driver() -> str:
    """Which driver and libpq this program has (the self-test names them)."""
    return f"psycopg {psycopg.__version__}（{psycopg.pq.__impl__}），libpq {psycopg.pq.version()}"


# -- values as SQLite's module gives and takes them ------------------------------------------------------

class _BoolAsInteger(Dumper):
    """True and False stored as 1 and 0, as sqlite3 stores them in the INTEGER columns that hold flags."""

    def dump(self, obj: bool) -> bytes:
        return b"1" if obj else b"0"

    def quote(self, obj: bool) -> bytes:
        return self.dump(obj)


class _DateAsText(Dumper):
    """Dates and times as ISO text (the columns are TEXT), as sqlite3's default adapters wrote them."""

    def dump(self, obj: datetime.date) -> bytes:
        text = obj.isoformat(" ") if isinstance(obj, datetime.datetime) else obj.isoformat()
        return text.encode()


class _NumericAsSQLite(Loader):
    """numeric results (sums of 64-bit integers, averages) as SQLite gives them: a whole number written
    without a point (a sum of counts) an int, anything else (an average, 2.5000) a float."""

    def load(self, data) -> int | float:
        text = bytes(data).decode()
        if "." in text or "e" in text.lower() or "n" in text.lower():  # NaN and Infinity too
            return float(text)
        return int(text)


def _adapted(conn: psycopg.Connection) -> psycopg.Connection:
    conn.adapters.register_dumper(bool, _BoolAsInteger)
    conn.adapters.register_dumper(datetime.date, _DateAsText)
    conn.adapters.register_dumper(datetime.datetime, _DateAsText)
    conn.adapters.register_loader("numeric", _NumericAsSQLite)
    return conn


_ERRORS = ((psycopg.IntegrityError, sqlite3.IntegrityError), (psycopg.OperationalError, sqlite3.OperationalError),
           (psycopg.ProgrammingError, sqlite3.OperationalError), (psycopg.DataError, sqlite3.DataError),
           (psycopg.NotSupportedError, sqlite3.NotSupportedError))


def _as_sqlite_error(error: psycopg.Error) -> sqlite3.Error:
    for theirs, ours in _ERRORS:
        if isinstance(error, theirs):
            return ours(str(error).strip())
    return sqlite3.DatabaseError(str(error).strip())


# -- statements ------------------------------------------------------------------------------------------

def placeholders(sql: str) -> str:
    """`?` placeholders as psycopg's `%s`, and a literal % doubled; quoted text and comments are left alone."""
    out, i, n = [], 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in "'\"":
            end = sql.find(ch, i + 1)
            while end != -1 and end + 1 < n and sql[end + 1] == ch:  # '' inside a literal
                end = sql.find(ch, end + 2)
            end = n - 1 if end == -1 else end
            out.append(sql[i:end + 1].replace("%", "%%"))
            i = end + 1
            continue
        if ch == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end == -1 else end
            out.append(sql[i:end].replace("%", "%%"))
            i = end
            continue
        out.append("%s" if ch == "?" else "%%" if ch == "%" else ch)
        i += 1
    return "".join(out)


# The schema spells its types in capitals and its columns in small letters (a column may be called text).
# -- the connection --------------------------------------------------------------------------------------

class PostgresDatabase(Transactions):
    """One connection to the office's server database, with connection.Database's interface."""

    engine = "postgresql"
    writable = True  # roles that may only read are a later part; the server refuses what a role may not do
    owned_lock = None  # no file lock on a server

    def __init__(self, conn: psycopg.Connection, url: str):
        self.conn, self.url = conn, url

    @property
    def name(self) -> str:
        return display_name(self.url)

    @property
    def role(self) -> str:
        """The role the clerk signed in as (libpq knows it: no round trip for every save's stamp)."""
        return self.conn.info.user

    def execute(self, sql: str, parameters: Sequence | None = None) -> psycopg.Cursor:
        cursor = self.conn.cursor()
        try:
            if parameters is None:
                cursor.execute(sql)  # no parameters: psycopg sends it as written
            else:
                cursor.execute(placeholders(sql), list(parameters))
        except psycopg.Error as error:
            raise _as_sqlite_error(error) from error
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        cursor = self.conn.cursor()
        try:
            cursor.executemany(placeholders(sql), [list(row) for row in rows])
        except psycopg.Error as error:
            raise _as_sqlite_error(error) from error

    def insert_id(self, sql: str, parameters: Sequence = ()) -> int:
        """Runs an INSERT of one row into a table with an id column; the new row's id."""
        return self.execute(f"{sql} RETURNING id", parameters).fetchone()[0]

    @property
    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def _before_commit(self) -> None:
        self.execute(_ANNOUNCE, [SENDER])  # delivered at COMMIT, and only if the transaction wrote

    def rollback(self) -> None:
        if self.in_transaction and not self.conn.closed:
            self.conn.execute("ROLLBACK")

    def table_names(self) -> list[str]:
        return table_names(self)

    def close(self) -> None:
        """Closes the connection; what a transaction left open had not committed, and is undone."""
        if not self.conn.closed:
            self.conn.close()  # the server rolls back an open transaction when its connection ends

    def __enter__(self) -> PostgresDatabase:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


# Open windows learn of other clerks' changes: every transaction that wrote announces itself on this channel
# when it commits, naming the process that wrote (a window refreshes for everyone's changes but its own).
CHANNEL = "traindesk_changes"
SENDER = secrets.token_hex(8)
_ANNOUNCE = f"SELECT pg_notify('{CHANNEL}', ?) WHERE txid_current_if_assigned() IS NOT NULL"


class Listener:
    """A connection of its own that hears other processes' committed writes (LISTEN / NOTIFY)."""

    def __init__(self, url: str):
        self.db = connect(url)
        self.db.execute(f"LISTEN {CHANNEL}")

    def wait(self, seconds: float) -> bool:
        """Waits up to seconds for notices; whether another process wrote meanwhile."""
        try:
            heard = [notice.payload for notice in self.db.conn.notifies(timeout=seconds, stop_after=1)]
            heard += [notice.payload for notice in self.db.conn.notifies(timeout=0)]  # any queued behind it
        except psycopg.Error as error:
            raise _as_sqlite_error(error) from error
        return any(sender != SENDER for sender in heard)

    def close(self) -> None:
        self.db.close()


def connect(url: str) -> PostgresDatabase:
    """The light open: a connection, no identity check or migrations."""
    try:
        conn = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.ClientCursor,
                               connect_timeout=CONNECT_TIMEOUT_SECONDS, application_name="TrainingDesk")
    except psycopg.OperationalError as error:
        raise ServerDatabaseError(f"无法连接服务器数据库 {display_name(url)}：{_first_line(error)}") from error
    except psycopg.ProgrammingError as error:  # a URL libpq cannot read
        raise ServerDatabaseError(f"服务器数据库地址有误（{display_name(url)}）：{_first_line(error)}") from error
    db = PostgresDatabase(_adapted(conn), url)
    db.execute("SET client_encoding = 'UTF8'")
    return db


def open_server(url: str, *, application_id: int, create: bool = False) -> PostgresDatabase:
    """Connects, checks the database is ours and brings its schema up to this program's. An empty database
    (made by the server's administrator) is set up only when asked to (`create`: init, a new database);
    otherwise it is refused, as a missing file is."""
    db = connect(url)
    try:
        if not check_identity(db, application_id) and not create:
            raise ServerDatabaseError(f"服务器数据库 {db.name} 中还没有本程序的数据；"
                                      "请先建立（命令行：python -m app init --db 该地址）")
        migrate(db, application_id)
    except BaseException:
        db.close()
        raise
    return db


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
