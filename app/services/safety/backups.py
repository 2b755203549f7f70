"""Backups as the office sees them: take (and thin), list with what each holds, restore, second folder."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.errors import UserError
from app.services import settings
from app.services.safety import audit
from app.storage import backup as store
from app.storage.connection import Database
from app.storage.db import APPLICATION_ID, connect, db_path, migrate, on_server, open_db, quick_check, refuse_on_server
from app.storage.lock import DatabaseLock
from app.storage.records import table_counts

SECOND_FOLDER_KEY = "backup_second_folder"
INTERVAL_MINUTES = 30
COUNTED = (("people", "人员"), ("training_classes", "班次"), ("enrollments", "参训记录"))
_TABLES = [table for table, _ in COUNTED]


@dataclass
class BackupSummary:
    path: Path
    taken: datetime
    reason: str
    size: int
    counts: dict[str, int] | None  # None when the copy cannot be read


def _live_path(db: Database) -> Path:
    refuse_on_server(db, "数据库文件的备份")
    path = db_path(db)
    if path is None:
        raise UserError("内存数据库无法备份")
    return path


def take(db: Database, reason: str = "手动", *, to_dir: Path | None = None, only_if_changed: bool = False,
         now: datetime | None = None) -> Path | None:
    """Takes a checked backup and thins the folder; returns None when nothing changed since the last one.

    A second folder from the settings (a USB stick, a share) gets a copy too; if it cannot be written the
    main backup still stands and the error says so.

    A server database has no file to copy: the window's automatic backups (only_if_changed) pass it by
    quietly; one asked for says the server's administrator keeps its backups.
    """
    if only_if_changed and on_server(db):
        return None
    path = _live_path(db)
    now = now or datetime.now()  # one timestamp: the second folder's copy carries the same name
    folder = Path(to_dir) if to_dir else store.backups_folder(path)
    made = store.backup_file(db, path, reason=reason, folder=folder, now=now)
    previous = [b for b in store.list_backups(folder, path.stem) if b.path != made]
    if only_if_changed and previous and store.same_content(made, previous[0].path):
        made.unlink()
        return None
    thin(folder, path.stem, now.date())
    second = settings.get(db, SECOND_FOLDER_KEY, "")
    if second and not to_dir:
        _copy_to_second(db, path, reason, Path(second), now, made)
    return made


class SecondFolderFailed(store.BackupError):
    """The backup beside the database was taken (`made`); only the copy to the second folder failed."""

    def __init__(self, made: Path, error: Exception):
        self.made = made
        super().__init__(f"本机备份已完成，但第二备份位置写入失败：{error}")


def _copy_to_second(db: Database, path: Path, reason: str, folder: Path, now: datetime | None, made: Path) -> None:
    try:
        store.backup_file(db, path, reason=reason, folder=folder, now=now)
    except store.BackupError as error:
        raise SecondFolderFailed(made, error) from error
    thin(folder, path.stem, (now or datetime.now()).date())


def before_change(db: Database, reason: str, change: str) -> Path | None:
    """The backup taken before an import or a bulk delete (None for an in-memory database).

    If it cannot be taken the change must not happen: raises BackupError saying so, before anything
    was written. A failed copy to the second folder does not stop it: the local copy stands."""
    if db_path(db) is None:
        return None
    try:
        return take(db, reason)
    except SecondFolderFailed as failed:
        return failed.made
    except store.BackupError as error:
        raise store.BackupError(f"{change}前的自动备份未能完成，为保证数据安全，{change}未进行，数据未作任何改动。"
                                f"原因：{error}") from error


def thin(folder: Path, stem: str, today) -> list[Path]:
    removed = []
    for item in store.to_thin(store.list_backups(folder, stem), today):
        try:
            item.path.unlink()
            removed.append(item.path)
        except OSError:
            pass  # a copy we cannot delete is only kept longer than planned
    return removed


def summaries(db_file: Path, folder: Path | None = None) -> list[BackupSummary]:
    """Every backup of db_file, newest first, with counts of people, classes and enrollments."""
    folder = folder or store.backups_folder(db_file)
    return [BackupSummary(b.path, b.taken, b.reason, b.path.stat().st_size, _counts(b.path))
            for b in store.list_backups(folder, db_file.stem)]


def _counts(path: Path) -> dict[str, int] | None:
    return store.counts_of(path, _TABLES)


def restore(db: Database, backup_file: Path) -> Path:
    """Replaces the live data with a backup's, after saving the current data as a backup; returns that one."""
    backup_file = Path(backup_file)
    _check_restorable(backup_file)
    safety = take(db, reason="恢复前")
    source = store.read_only(backup_file)
    try:
        source.backup(db.conn)  # all pages in one step, inside SQLite's own transaction
    except sqlite3.Error as error:
        raise UserError(f"恢复失败，当前数据未改动：{store.reason_of(error)}") from error
    finally:
        source.close()
    migrate(db, _live_path(db))
    audit.record(db, "恢复备份", detail=f"{backup_file.name}（恢复前的数据已存为 {safety.name}）")
    return safety


def _check_restorable(path: Path) -> None:
    if not path.is_file():
        raise UserError(f"找不到备份文件：{path}")
    if not store.is_good(path):
        raise UserError(f"备份文件“{path.name}”已损坏或不是数据库，不能用于恢复")
    if store.identity_of(path) != APPLICATION_ID:
        raise UserError(f"“{path.name}”不是本程序的数据库备份")


@dataclass
class Restored:
    safety: Path | None  # the backup of the data replaced, when it was sound
    damaged: Path | None  # where damaged data was set aside instead
    counts: dict[str, int]


def restore_file(db_file: Path, backup_file: Path, lock: DatabaseLock) -> Restored:
    """The command line's restore, for the lock holder: works when the live file is missing (set aside as
    .damaged) or damaged, for it is not opened with its checks first. Sound live data is backed up before it
    is replaced; damaged data is set aside, never overwritten."""
    refuse_on_server(db_file, "用备份恢复")
    db_file, backup_file = Path(db_file), Path(backup_file)
    _check_restorable(backup_file)
    safety = damaged = None
    if db_file.exists():
        live = connect(db_file, writer=lock)
        try:
            if not quick_check(live):
                safety = restore(live, backup_file)
        finally:
            live.close()
    if safety is None:
        damaged = _set_aside(db_file)
        _copy_backup(backup_file, db_file)
    db = open_db(db_file, writer=lock)  # checks the result and brings it up to date
    try:
        if damaged is not None:
            audit.record(db, "恢复备份", detail=f"{backup_file.name}（损坏的数据已改名为 {damaged.name}）")
        found = table_counts(db, _TABLES)
    finally:
        db.close()
    return Restored(safety, damaged, found)


def _set_aside(db_file: Path) -> Path | None:
    """Moves damaged data, or journal files left without their database, out of the restored file's way:
    SQLite would otherwise apply a stray -wal to the copy."""
    leftovers = [db_file.with_name(db_file.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    return store.set_aside(db_file) if any(path.exists() for path in leftovers) else None


def restore_newest_good(damaged_db_file: Path) -> Path | None:
    """After a damaged file was set aside: puts the newest backup that passes its check in its place."""
    good = store.newest_good(store.backups_folder(damaged_db_file), damaged_db_file.stem)
    if good is None:
        return None
    _copy_backup(good.path, damaged_db_file)
    return good.path


def _copy_backup(backup_file: Path, db_file: Path) -> None:
    """A checked backup copied page by page into a new file where the database was."""
    source = store.read_only(backup_file)
    target = sqlite3.connect(str(db_file))
    try:
        source.backup(target)
    except sqlite3.Error as error:
        raise UserError(f"恢复失败：{store.reason_of(error)}") from error
    finally:
        source.close()
        target.close()
