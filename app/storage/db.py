"""Opening the office's SQLite file: the one place connections are made.

A connection may write only for whoever holds the file's one-writer lock (`writer=`); every other one is
opened with PRAGMA query_only, so a command or worker that forgot to take the lock is refused by SQLite
("attempt to write a readonly database") instead of writing silently. A file in a place that cannot be
written (a CD, a write-protected USB stick, a share without write rights) is opened through a read-only
URI. `connect` is the light open (PRAGMAs and the access mode) for workers; `open_db` adds the identity and
damage checks, the journal mode and migrations. A writer's outermost transaction, and its close, end with
a checkpoint: the .db file alone then holds every committed change, which is what a copy taken with
Explorer or by a nightly job gets.

A target that is a postgresql:// URL is an office's server database (app/storage/postgres.py, imported only
then): no lock, no file checks; the operations that only a file has (its backup copy, checkpoint, integrity
checks, journal mode) say so instead (refuse_on_server).
"""
from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from app.domain.errors import UserError
from app.storage import backup, dialect, filesystem
from app.storage.connection import Database
from app.storage.filesystem import is_network_path
from app.storage.lock import DatabaseLock
from app.storage.migrations import runner as migrations_runner
from app.storage.migrations import schema_version

APPLICATION_ID = 0x54445331  # "TDS1": marks the file as ours
BUSY_TIMEOUT_MS = 10_000
CHECKPOINT_WAIT_MS = 2_000
_SQLITE_READONLY, _SQLITE_CANTOPEN = 8, 14
READ_ONLY_PLACE = "“{name}”或其所在文件夹是只读的，只能以只读方式打开（可查看和打印，不能修改）"


class DatabaseFileError(UserError):
    pass


SERVER_SCHEMES = ("postgresql://", "postgres://")
NOT_FOR_SERVER = "{what}只适用于数据库文件；服务器数据库（{name}）由服务器管理员负责检查和备份"


def is_server(target: object) -> bool:
    """Whether a --db value (or a remembered one) names a server database, postgresql://…, not a file."""
    return isinstance(target, str) and target.lower().startswith(SERVER_SCHEMES)


def on_server(db: Database) -> bool:
    return dialect.on_server(db)


def refuse_on_server(db: Database | str, what: str) -> None:
    """A clear refusal of a file-only operation (backup copy, check, checkpoint) for a server database."""
    if is_server(db) or (not isinstance(db, (str, Path)) and on_server(db)):
        from app.storage.postgres import display_name

        name = display_name(db if isinstance(db, str) else db.url)
        raise DatabaseFileError(NOT_FOR_SERVER.format(what=what, name=name))


class DatabaseDamaged(DatabaseFileError):
    """The file failed its check. The lock holder renames it to `damaged` (the newest good backup may then
    take its place); a reader leaves it where it is. `problems` are quick_check's lines."""

    def __init__(self, path: Path, damaged: Path | None, problems: list[str]):
        self.path, self.damaged, self.problems = path, damaged, problems
        found = f"发现{len(problems)}处问题"
        if damaged is not None:
            text = f"数据库文件“{path.name}”已损坏（{found}），已改名保存为“{damaged.name}”，原文件未被覆盖"
        else:
            text = f"数据库文件“{path.name}”已损坏（{found}），未作改动；在程序窗口中打开它时会提示用最新的完好备份恢复"
        super().__init__(text)

    @property
    def details(self) -> str:
        return "\n".join(self.problems)


class DatabaseNotWritable(DatabaseFileError):
    """The file or its folder is read-only (a CD, a read-only share, the read-only attribute)."""


class NeedsMigration(DatabaseFileError):
    """A reader found a file from an earlier version: only the lock holder may bring it up to date."""


class OfficeDatabase(Database):
    """A connection that knows whether it may write (`writable`); a writer brings the search indexes up to
    date at the end of each outermost transaction, checkpoints after it, and when it is closed."""

    writable = False
    owned_lock: DatabaseLock | None = None  # released when the connection is closed (open_locked)

    @contextlib.contextmanager
    def atomic(self):
        outermost = not self.conn.in_transaction
        with super().atomic():
            yield self
            if outermost and self.writable:
                dialect.refresh_search_index(self)  # in the same transaction as the writes it follows
        if outermost:
            checkpoint(self)

    def close(self) -> None:
        checkpoint(self)
        super().close()
        if self.owned_lock is not None:
            self.owned_lock.release()
            self.owned_lock = None


def connect(path: str | Path, *, writer: DatabaseLock | None = None) -> OfficeDatabase:
    """The light open: PRAGMAs and the access mode, no checks or migrations. Writable only with the lock
    of this file (`writer`); otherwise every write is refused."""
    if is_server(path):
        from app.storage import postgres

        return postgres.connect(path)
    path = Path(path)
    writable = _may_write(path, writer)
    if not writable and not path.is_file():
        raise DatabaseFileError(f"找不到数据库文件：{path}")
    return _wrap(_sqlite_connection(path, writable), writable)


def open_db(path: str | Path, *, writer: DatabaseLock | None = None, create: bool = False) -> OfficeDatabase:
    """Opens (or, for the lock holder with create=True, makes) the database at path: identity and damage
    checks, then for a writer the journal mode and migrations. A reader refuses a file that needs migrating.
    A postgresql:// URL opens the server database: its identity checked and its schema brought up to date."""
    if is_server(path):
        from app.storage import postgres

        return postgres.open_server(path, application_id=APPLICATION_ID, create=create)
    path = Path(path)
    if not create and not path.is_file():
        raise DatabaseFileError(f"找不到数据库文件：{path}")
    if create and writer is None:
        raise ValueError("creating a database needs its lock")
    db = None
    try:
        db = connect(path, writer=writer)
        ours = check_identity(db, path)
        _check_sound(db, path, ours)
        if db.writable:
            set_journal_mode(db, path)
            migrate(db, path)
        else:
            _refuse_pending(db, path)
    except sqlite3.DatabaseError as error:
        _close(db)
        raise DatabaseFileError(f"“{path.name}”不是本程序的数据库文件，或文件已损坏（{error}）") from error
    except BaseException:
        _close(db)
        raise
    return db


def memory_db() -> OfficeDatabase:
    db = _wrap(sqlite3.connect(":memory:", isolation_level=None), writable=True)
    migrate(db, None)
    return db


def checkpoint(db: Database) -> bool:
    """Copies what the WAL holds into the .db file and empties the WAL (a writer's connection only).

    False when a reader kept it from finishing; the next checkpoint catches up. A rollback journal has
    nothing to copy."""
    if not getattr(db, "writable", False) or on_server(db):
        return False
    try:
        if db.conn.in_transaction:
            return False
        # A reader in the middle of a long query (a backup copy, a report) holds back the frames it reads:
        # wait for it a little, never the full busy timeout on the window's thread.
        dialect.set_busy_timeout(db, CHECKPOINT_WAIT_MS)
        try:
            return dialect.wal_checkpoint(db)
        finally:
            dialect.set_busy_timeout(db, BUSY_TIMEOUT_MS)
    except sqlite3.Error:
        return False  # closed already, or still busy: the data is safe in the WAL, the next one copies it


def _may_write(path: Path, writer: DatabaseLock | None) -> bool:
    if writer is None:
        return False
    if not writer.holds(path):
        raise DatabaseFileError(f"“{path.name}”的写入锁已不在本程序手中（可能已被另一台电脑接管），不能再修改；请重新打开数据库")
    if not filesystem.is_writable(path):
        raise DatabaseNotWritable(READ_ONLY_PLACE.format(name=path.name))
    return True


def _sqlite_connection(path: Path, writable: bool) -> sqlite3.Connection:
    # isolation_level=None: a stray write commits at once instead of opening a
    # transaction that is silently lost at close; multi-row writes use db.atomic().
    if writable:
        return _sqlite(str(path))
    if filesystem.is_writable(path):
        found = _readable(_sqlite(str(path)))
        if found is not None:
            return found
    # Where nothing may be written (or a reader was refused all the same): read-only, and immutable for a
    # WAL file whose index (-shm) cannot be made there. WAL is only used on local disks, so that is a copy
    # on a CD or a locked USB stick that nobody writes: it is read as it stands.
    found = _readable(_sqlite(filesystem.file_uri(path, {"mode": "ro"}), uri=True))
    return found or _sqlite(filesystem.file_uri(path, {"mode": "ro", "immutable": 1}), uri=True)


def _sqlite(target: str, uri: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)


def _readable(connection: sqlite3.Connection) -> sqlite3.Connection | None:
    """The connection, or None (closed) when SQLite cannot open the file this way (it would have to create
    or write something beside it); anything else, a busy file or damage, is raised."""
    try:
        dialect.touch(connection)
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        if getattr(error, "sqlite_errorcode", 0) & 0xFF in (_SQLITE_READONLY, _SQLITE_CANTOPEN):
            return None
        raise


def _wrap(connection: sqlite3.Connection, writable: bool) -> OfficeDatabase:
    try:
        db = OfficeDatabase(connection)
        db.writable = writable
        dialect.configure(db, busy_timeout_ms=BUSY_TIMEOUT_MS, writable=writable)
    except BaseException:
        connection.close()  # an open handle would keep the file locked on Windows
        raise
    return db


def db_path(db: Database) -> Path | None:
    """The file behind a connection, or None for an in-memory or a server database."""
    if on_server(db):
        return None
    filename = dialect.main_file(db)
    return Path(filename) if filename else None


def set_journal_mode(db: Database, path: Path) -> str:
    """WAL on a local disk; the rollback journal on a network share, where WAL would corrupt the file."""
    wanted = "delete" if is_network_path(path) else "wal"
    return dialect.set_journal_mode(db, wanted)


def migrate(db: Database, path: Path | None) -> None:
    """Brings the file up to this program's schema, after a backup; an up-to-date file (its user_version
    says so) is left alone without importing sqlite-utils, which runs the migrations."""
    if not needs_migration(db):
        return
    from sqlite_utils import Database as Migrated  # the same connection, as sqlite-utils' runner takes it

    runner, same = migrations_runner(), Migrated(db.conn)
    if runner.pending(same):
        if path is not None and _user_tables(db):
            backup.backup_file(db, path, reason="升级前")
        runner.apply(same)
    dialect.set_identity(db, APPLICATION_ID, schema_version())


def needs_migration(db: Database) -> bool:
    return dialect.user_version(db) < schema_version()


def _refuse_pending(db: Database, path: Path) -> None:
    if _user_tables(db) and needs_migration(db):
        raise NeedsMigration(f"“{path.name}”需要先升级数据结构，只读方式无法打开；请在使用它的电脑上打开一次")


def _user_tables(db: Database) -> list[str]:
    return [name for name in db.table_names() if not name.startswith("sqlite_")]


def check_identity(db: Database, path: Path) -> bool:
    """True when the file is ours, False when it is new and empty; raises for anyone else's file."""
    app_id = dialect.application_id(db)
    tables = _user_tables(db)
    foreign = app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and "_sqlite_migrations" not in tables)
    if foreign:
        raise DatabaseFileError(f"“{path.name}”不是本程序的数据库文件")
    if dialect.user_version(db) > schema_version():
        raise DatabaseFileError(f"“{path.name}”由更新版本的程序创建，请先升级本程序再打开")
    return bool(tables)


def quick_check(db: Database) -> list[str]:
    """quick_check's problems, one a line (empty when the file is sound)."""
    try:
        result = dialect.quick_check(db)
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return problem_lines(result)


def full_check(db: Database) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks; empty when the file is sound."""
    refuse_on_server(db, "完整性检查")
    problems = problem_lines(dialect.integrity_check(db))
    for table, rowid, parent in dialect.foreign_key_check(db):
        problems.append(f"{table} 第{rowid}行引用了不存在的 {parent} 记录")
    return problems


def problem_lines(result: list[str]) -> list[str]:
    """quick_check's or integrity_check's rows as one problem a line, without "ok" and the "*** in database
    main ***" heading SQLite puts before a list of them."""
    return [line for row in result for line in str(row).splitlines()
            if line.strip() and line != "ok" and not line.startswith("***")]


def _check_sound(db: Database, path: Path, ours: bool) -> None:
    problems = quick_check(db)
    if not problems or not ours:
        return
    writable = db.writable
    db.close()
    raise DatabaseDamaged(path, backup.set_aside(path) if writable else None, problems)


def _close(db: Database | None) -> None:
    if db is not None:
        try:
            db.close()
        except sqlite3.Error:
            pass
