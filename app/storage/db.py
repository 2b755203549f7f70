"""Opening the office's SQLite file: PRAGMAs, identity check, migrations with a backup first."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import UserError
from . import backup
from .migrations import migrations, schema_version

APPLICATION_ID = 0x54445331  # "TDS1": marks the file as ours


class DatabaseFileError(UserError):
    pass


def connect(path: str | Path) -> Database:
    """A connection with the PRAGMAs every connection needs; no migrations."""
    conn = sqlite3.connect(str(path), timeout=10.0, isolation_level=None)
    # isolation_level=None: a stray write commits at once instead of opening a
    # transaction that is silently lost at close; multi-row writes use db.atomic().
    try:
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()  # an open handle would keep the file locked on Windows
        raise
    return db


def open_db(path: str | Path, *, create: bool = False) -> Database:
    """Opens (or with create=True, makes) the database at path and brings its schema up to date."""
    path = Path(path)
    if not create and not path.is_file():
        raise DatabaseFileError(f"找不到数据库文件：{path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseFileError(f"无法创建文件夹 {path.parent}：{error.strerror or error}") from error
    db = None
    try:
        db = connect(path)
        _check_identity(db, path)
        migrate(db, path)
    except sqlite3.DatabaseError as error:
        _close(db)
        raise DatabaseFileError(f"“{path.name}”不是本程序的数据库文件，或文件已损坏（{error}）") from error
    except BaseException:
        _close(db)
        raise
    return db


def _close(db: Database | None) -> None:
    if db is not None:
        db.close()


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


def migrate(db: Database, path: Path | None) -> None:
    if not migrations.pending(db):
        return
    if path is not None and _user_tables(db):
        backup.backup_file(db, path, reason="升级前")
    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {schema_version()}")


def _user_tables(db: Database) -> list[str]:
    return [name for name in db.table_names() if not name.startswith("sqlite_")]


def _check_identity(db: Database, path: Path) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = _user_tables(db)
    foreign = app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and "_sqlite_migrations" not in tables)
    if foreign:
        raise DatabaseFileError(f"“{path.name}”不是本程序的数据库文件")
    if db.execute("PRAGMA user_version").fetchone()[0] > schema_version():
        raise DatabaseFileError(f"“{path.name}”由更新版本的程序创建，请先升级本程序再打开")
