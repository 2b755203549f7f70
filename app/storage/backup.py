"""Copies of the live database taken with SQLite's backup API and checked before they count."""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import UserError


class BackupError(UserError):
    pass


def backups_folder(db_file: Path) -> Path:
    return db_file.parent / "backups"


def backup_file(db: Database, db_file: Path, *, reason: str = "手动", folder: Path | None = None) -> Path:
    """A timestamped copy of db in folder (by default `backups/` beside the database)."""
    folder = folder or backups_folder(db_file)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_file.stem}-{stamp}-{reason}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{db_file.stem}-{stamp}-{reason}-{counter}.db"
    return backup_to(db, target)


def backup_to(db: Database, target: Path) -> Path:
    """Copies all pages in one step into a temporary file, checks it, then renames it into place."""
    target = Path(target)
    temporary = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(str(temporary))
        try:
            db.conn.backup(copy)
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
        if result != "ok":
            raise BackupError(f"备份副本未通过完整性检查：{result}")
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        _remove_quietly(temporary)
        raise BackupError(f"无法写入备份 {target}：{_reason(error)}") from error
    return target


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.errno == 28:
        return "磁盘空间不足"
    if isinstance(error, PermissionError):
        return "没有写入权限"
    return str(error)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
