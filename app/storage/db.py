"""Opening the office's SQLite file: PRAGMAs, identity check, damage check, journal mode, migrations."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import UserError
from . import backup
from .filesystem import is_network_path
from .migrations import migrations, schema_version

APPLICATION_ID = 0x54445331  # "TDS1": marks the file as ours
BUSY_TIMEOUT_MS = 10_000


class DatabaseFileError(UserError):
    pass


class DatabaseDamaged(DatabaseFileError):
    """The file failed its check and was renamed to `damaged`; the newest good backup may replace it."""

    def __init__(self, path: Path, damaged: Path, detail: str):
        self.path, self.damaged = path, damaged
        super().__init__(f"数据库文件已损坏（{detail}），已改名保存为“{damaged.name}”，原文件未被覆盖")


class DatabaseNotWritable(DatabaseFileError):
    """The file or its folder is read-only (a CD, a read-only share, the read-only attribute)."""


def connect(path: str | Path) -> Database:
    """A connection with the PRAGMAs every connection needs; no migrations."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    # isolation_level=None: a stray write commits at once instead of opening a
    # transaction that is silently lost at close; multi-row writes use db.atomic().
    try:
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # 32 MB of page cache instead of SQLite's 2 MB: a 20,000-row import no longer spills its indexes.
        db.execute("PRAGMA cache_size = -32768")
    except BaseException:
        conn.close()  # an open handle would keep the file locked on Windows
        raise
    return db


def open_db(path: str | Path, *, create: bool = False, read_only: bool = False) -> Database:
    """Opens (or with create=True, makes) the database at path and brings its schema up to date.

    read_only opens without migrating or changing the journal mode, and refuses every write.
    """
    path = Path(path)
    if not create and not path.is_file():
        raise DatabaseFileError(f"找不到数据库文件：{path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseFileError(f"无法创建文件夹 {path.parent}：{error.strerror or error}") from error
    if not read_only and not is_writable(path):
        raise DatabaseNotWritable(f"“{path.name}”或其所在文件夹是只读的，只能以只读方式打开（可查看和打印，不能修改）")
    db = None
    try:
        db = connect(path)
        ours = check_identity(db, path)
        _check_sound(db, path, ours)
        if read_only:
            _refuse_pending(db, path)
            db.execute("PRAGMA query_only = ON")
        else:
            set_journal_mode(db, path)
            migrate(db, path)
    except sqlite3.DatabaseError as error:
        _close(db)
        raise DatabaseFileError(f"“{path.name}”不是本程序的数据库文件，或文件已损坏（{error}）") from error
    except BaseException:
        _close(db)
        raise
    return db


def memory_db() -> Database:
    db = connect(":memory:")
    migrate(db, None)
    return db


def db_path(db: Database) -> Path | None:
    """The file behind a connection, or None for an in-memory database."""
    for _, name, filename in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(filename) if filename else None
    return None


def set_journal_mode(db: Database, path: Path) -> str:
    """WAL on a local disk; the rollback journal on a network share, where WAL would corrupt the file."""
    wanted = "delete" if is_network_path(path) else "wal"
    return db.execute(f"PRAGMA journal_mode = {wanted}").fetchone()[0]


def migrate(db: Database, path: Path | None) -> None:
    if not migrations.pending(db):
        return
    if path is not None and _user_tables(db):
        backup.backup_file(db, path, reason="升级前")
    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {schema_version()}")


def _refuse_pending(db: Database, path: Path) -> None:
    if _user_tables(db) and migrations.pending(db):
        raise DatabaseFileError(f"“{path.name}”需要先升级数据结构，只读方式无法打开；请在使用它的电脑上打开一次")


def is_writable(path: Path) -> bool:
    """SQLite writes the file and, beside it, its journal: both need write access."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _user_tables(db: Database) -> list[str]:
    return [name for name in db.table_names() if not name.startswith("sqlite_")]


def check_identity(db: Database, path: Path) -> bool:
    """True when the file is ours, False when it is new and empty; raises for anyone else's file."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = _user_tables(db)
    foreign = app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and "_sqlite_migrations" not in tables)
    if foreign:
        raise DatabaseFileError(f"“{path.name}”不是本程序的数据库文件")
    if db.execute("PRAGMA user_version").fetchone()[0] > schema_version():
        raise DatabaseFileError(f"“{path.name}”由更新版本的程序创建，请先升级本程序再打开")
    return bool(tables)


def _check_sound(db: Database, path: Path, ours: bool) -> None:
    try:
        result = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        result = [str(error)]
    if result == ["ok"] or not ours:
        return
    db.close()
    raise DatabaseDamaged(path, backup.set_aside(path), result[0])


def _close(db: Database | None) -> None:
    if db is not None:
        try:
            db.close()
        except sqlite3.Error:
            pass
