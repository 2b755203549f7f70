"""Copies of the live database: taken with SQLite's backup API, checked before they count, thinned over time.

A backup is `<stem>-YYYYmmdd-HHMMSS-<reason>.db` in a backups folder; the time in the name is the
time it was taken, so copying the folder elsewhere keeps the history.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from app.domain.errors import UserError
from app.storage import dialect
from app.storage.connection import Database
from app.storage.filesystem import file_uri
from app.storage.records import table_counts

DAILY, WEEKLY, MONTHLY = 12, 10, 9
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[^.]+?)(?:-\d+)?\.db$")


class BackupError(UserError):
    pass


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: datetime
    reason: str


def backups_folder(db_file: Path) -> Path:
    return db_file.parent / "backups"


def backup_file(db: Database, db_file: Path, *, reason: str = "手动", folder: Path | None = None,
                now: datetime | None = None) -> Path:
    """A timestamped copy of db in folder (by default `backups/` beside the database)."""
    folder = folder or backups_folder(db_file)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
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
        _remove_quietly(temporary)
        _remove_quietly(temporary.with_name(temporary.name + "-journal"))
        copy = sqlite3.connect(str(temporary))
        try:
            db.conn.backup(copy)
            # quick_check reads every page of the copy, which is what writing it can spoil; the full
            # integrity_check (indexes against tables) costs 8 times as long, 0.4 s on a 20 MB database
            # before every import, and is kept for choosing a backup to restore (is_good).
            result = dialect.quick_check(copy)[0]
        finally:
            copy.close()
        if result != "ok":
            raise BackupError(f"备份副本未通过完整性检查：{result}")
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        for left in (temporary, temporary.with_name(temporary.name + "-journal")):  # a copy cut short by a full
            _remove_quietly(left)  # disk leaves its rollback journal too
        raise BackupError(f"无法写入备份 {target}：{reason_of(error)}") from error
    return target


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """The backups of the database named stem in folder, newest first."""
    found = []
    if not folder.is_dir():
        return found
    for path in folder.glob("*.db"):
        match = _NAME.match(path.name)
        if match and match["stem"] == stem:
            taken = _stamp_time(match["stamp"])
            found.append(BackupFile(path, taken, match["reason"]))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def _stamp_time(stamp: str) -> datetime:
    """20200315-143005 as a datetime; not strptime, whose first call costs 17 ms of the program's start."""
    return datetime(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:]))


def is_good(path: Path) -> bool:
    try:
        connection = read_only(path)
        try:
            return dialect.integrity_check(connection)[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads the copy at path."""
    return sqlite3.connect(file_uri(path, {"mode": "ro"}), uri=True)


def identity_of(path: Path) -> int:
    """The application id the copy at path carries."""
    connection = read_only(path)
    try:
        return dialect.application_id(connection)
    finally:
        connection.close()


def counts_of(path: Path, tables: list[str]) -> dict[str, int] | None:
    """How many rows each table of the copy at path holds; None when it cannot be read."""
    try:
        connection = read_only(path)
        try:
            return table_counts(connection, tables)
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def newest_good(folder: Path, stem: str) -> BackupFile | None:
    return next((b for b in list_backups(folder, stem) if is_good(b.path)), None)


def same_content(first: Path, second: Path) -> bool:
    return first.stat().st_size == second.stat().st_size and _digest(first) == _digest(second)


def to_thin(backups: list[BackupFile], today: date) -> list[BackupFile]:
    """What Anki-style thinning deletes: keeps all of today and yesterday, then the newest of each of
    12 earlier days, then of 10 earlier weeks, then of 9 earlier months. The newest is always kept."""
    kept_days: set[date] = set()
    kept_weeks: set[tuple[int, int]] = set()
    kept_months: set[tuple[int, int]] = set()
    counts = {"daily": 0, "weekly": 0, "monthly": 0}
    doomed = []
    for index, item in enumerate(sorted(backups, key=lambda b: b.taken, reverse=True)):
        day = item.taken.date()
        week, month = tuple(day.isocalendar()[:2]), (day.year, day.month)
        if index == 0 or day >= today - timedelta(days=1):
            slot = "recent"
        elif day in kept_days:
            slot = None
        elif counts["daily"] < DAILY:
            slot = "daily"
        elif week in kept_weeks:
            slot = None
        elif counts["weekly"] < WEEKLY:
            slot = "weekly"
        elif month in kept_months:
            slot = None
        elif counts["monthly"] < MONTHLY:
            slot = "monthly"
        else:
            slot = None
        if slot is None:
            doomed.append(item)
            continue
        counts[slot] = counts.get(slot, 0) + 1
        kept_days.add(day)
        kept_weeks.add(week)
        kept_months.add(month)
    return doomed


def set_aside(db_file: Path) -> Path:
    """Renames a damaged database (and its journal files) to `.damaged`, never overwriting an earlier one."""
    target = db_file.with_name(db_file.name + ".damaged")
    counter = 1
    while target.exists():
        counter += 1
        target = db_file.with_name(f"{db_file.name}.{counter}.damaged")
    if db_file.exists():  # a database already moved away may have left its journal files behind
        os.replace(db_file, target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = db_file.with_name(db_file.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def reason_of(error: Exception) -> str:
    if isinstance(error, OSError) and error.errno in (28, 27):  # ENOSPC, EFBIG
        return "磁盘空间不足"
    if isinstance(error, PermissionError) or (isinstance(error, OSError) and error.errno == 30):
        return "没有写入权限（文件夹只读）"
    text = str(error)
    if "disk is full" in text:
        return "磁盘空间不足"
    if "disk I/O error" in text:
        return "磁盘写入失败（可能磁盘空间不足，或U盘、共享文件夹已断开）"
    if "readonly" in text or "read-only" in text:
        return "没有写入权限（文件夹只读）"
    return text


def _digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
