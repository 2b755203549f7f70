"""The database file as a whole: create, open for reading or (with its lock) for writing, check, back up, count.

The window and the command line speak of the file in this module's words: its lock (DatabaseLock, held,
DatabaseLocked, HEARTBEAT_SECONDS), why it cannot be opened (DatabaseDamaged, DatabaseNotWritable), whether
its place can be written (is_writable), and why a write failed (reason_of); storage defines them.

Wherever a path is taken, a postgresql:// URL may stand instead (is_server): the office's server database,
opened without a lock (every window writes) and without the file's checks and copies, which say so."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from app.services.safety import audit, backups
from app.storage import backup as backup_storage
from app.storage import filesystem
from app.storage.backup import reason_of as reason_of
from app.storage.connection import Database as Database
from app.storage.db import DatabaseDamaged as DatabaseDamaged
from app.storage.db import (
    DatabaseFileError,
    NeedsMigration,
    check_identity,
    connect,
    full_check,
    open_db,
    refuse_on_server,
)
from app.storage.db import DatabaseNotWritable as DatabaseNotWritable
from app.storage.db import is_server as is_server
from app.storage.db import on_server as on_server
from app.storage.lock import HEARTBEAT_SECONDS as HEARTBEAT_SECONDS
from app.storage.lock import DatabaseLock, DatabaseLocked
from app.storage.lock import held as held
from app.storage.records import table_counts

COUNTED = {"units": "单位", "people": "人员", "plans": "计划", "training_classes": "班次",
           "periods": "期次", "enrollments": "参训记录"}


def create_database(path: str | Path, lock: DatabaseLock) -> Database:
    """Opens the database at path for writing, making a new empty one when there is none."""
    if is_server(path):
        return open_db(path, create=True)
    return open_db(Path(path), writer=lock, create=True)


def open_database(path: str | Path, *, lock: DatabaseLock | None = None) -> Database:
    """Opens for writing with the file's lock, else for reading (every write refused by SQLite).

    A file from an earlier version is brought up to date first when nobody holds it; a reader cannot."""
    try:
        return open_db(path, writer=lock)
    except NeedsMigration:
        if lock is not None or not _migrated_while_free(Path(path)):
            raise
        return open_db(path)


def light_connection(path: str | Path, lock: DatabaseLock | None = None) -> Database:
    """A connection for background work beside an open one: PRAGMAs and the access mode (writable only
    with the lock), without the checks and migrations the first open did."""
    return connect(path, writer=lock)


@contextmanager
def writing(path: str | Path, *, create: bool = False, program: str = "命令") -> Iterator[Database]:
    """The database open for writing while this process holds its lock, for one short piece of work."""
    db = open_locked(path, create=create, program=program)
    try:
        yield db
    finally:
        db.close()


def open_locked(path: str | Path, *, create: bool = False, program: str = "命令") -> Database:
    """Takes the file's lock and opens it for writing; closing the connection releases the lock. A server
    database has no lock: it is opened as it is."""
    if is_server(path):
        return open_db(path, create=create)
    path = Path(path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    lock = DatabaseLock.acquire(path, program=program)
    try:
        db = open_db(path, writer=lock, create=create)
    except BaseException:
        lock.release()
        raise
    db.owned_lock = lock
    return db


def is_writable(path: str | Path) -> bool:
    """Whether the file (or the folder for a new one) can be written: not on a CD, a write-protected USB stick
    or a share without write rights. A server database: the server decides what a role may do."""
    if is_server(path):
        return True
    return filesystem.is_writable(Path(path))


def _migrated_while_free(path: Path) -> bool:
    if not filesystem.is_writable(path):
        return False
    try:
        with writing(path, program="命令（升级数据结构）"):
            return True
    except DatabaseLocked:
        return False


def counts(db: Database) -> dict[str, int]:
    return table_counts(db, COUNTED)


check = full_check  # problems found by SQLite's integrity and foreign-key checks; empty when the file is sound


def check_file(path: str | Path) -> list[str]:
    """`check` on the file as it is: reports, and never migrates, renames or sets a damaged file aside."""
    refuse_on_server(path, "完整性检查")
    path = Path(path)
    if not path.is_file():
        raise DatabaseFileError(f"找不到数据库文件：{path}")
    try:
        db = connect(path)  # for reading: also where nothing may be written, and while the window has it
    except sqlite3.DatabaseError as error:
        return [f"文件已损坏（{error}）"]
    try:
        check_identity(db, path)
        return check(db)
    except sqlite3.DatabaseError as error:
        return [f"文件已损坏（{error}）"]
    finally:
        db.close()


def target(text: str | Path) -> str | Path:
    """A database as typed or remembered: a server's postgresql:// URL kept as written, else a file's path."""
    return text if is_server(text) else Path(text)


def change_listener(target: str | Path):
    """For a server database, a listener whose wait(seconds) says whether another process (another clerk's
    window or command) wrote meanwhile; None for a file, where one window writes."""
    if not is_server(target):
        return None
    from app.storage.postgres import Listener

    return Listener(str(target))


def read_only_role(db: Database) -> bool:
    """A server database opened by a role that may only read (a leader who only looks): its windows only
    look, as a file opened read-only does."""
    return on_server(db) and not audit.can_record(db)


def describe(target: str | Path) -> str:
    """The database as messages name it: the file's path, or the server's address without any password."""
    if is_server(target):
        from app.storage.postgres import display_name

        return f"服务器数据库 {display_name(target)}"
    return str(target)


def backup(db: Database, to_dir: str | Path | None = None, reason: str = "手动") -> Path:
    refuse_on_server(db, "数据库文件的备份")
    return backups.take(db, reason, to_dir=Path(to_dir) if to_dir else None)


def save_copy(db: Database, target: str | Path) -> Path:
    """另存备份: a checked copy at a path the user chose."""
    refuse_on_server(db, "另存备份")
    saved = backup_storage.backup_to(db, Path(target))
    if audit.can_record(db):  # not when opened read-only: a copy changes nothing
        audit.record(db, "另存备份", detail=str(saved))
    return saved
