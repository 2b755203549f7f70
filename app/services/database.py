"""The database file as a whole: create (optionally with the demo office), open, check, back up, count."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ..storage import backup as backup_storage
from ..storage.db import DatabaseFileError, check_identity, connect, open_db
from . import audit, backups

COUNTED = {"units": "单位", "people": "人员", "plans": "计划", "training_classes": "班次",
           "periods": "期次", "enrollments": "参训记录"}


def create_database(path: str | Path) -> Database:
    """Opens the database at path, making a new empty one when there is none."""
    return open_db(Path(path), create=True)


def open_database(path: str | Path, *, read_only: bool = False) -> Database:
    return open_db(path, read_only=read_only)


def is_empty(db: Database) -> bool:
    return not any(db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in COUNTED)


def counts(db: Database) -> dict[str, int]:
    return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED}


def check(db: Database) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks; empty when the file is sound."""
    problems = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} 第{rowid}行引用了不存在的 {parent} 记录")
    return problems


def check_file(path: str | Path) -> list[str]:
    """`check` on the file as it is: reports, and never migrates, renames or sets a damaged file aside."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseFileError(f"找不到数据库文件：{path}")
    db = connect(path)
    try:
        check_identity(db, path)
        return check(db)
    except sqlite3.DatabaseError as error:
        return [f"文件已损坏（{error}）"]
    finally:
        db.close()


def backup(db: Database, to_dir: str | Path | None = None, reason: str = "手动") -> Path:
    return backups.take(db, reason, to_dir=Path(to_dir) if to_dir else None)


def save_copy(db: Database, target: str | Path) -> Path:
    """另存备份: a checked copy at a path the user chose."""
    saved = backup_storage.backup_to(db, Path(target))
    audit.record(db, "另存备份", detail=str(saved))
    return saved
