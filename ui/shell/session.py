"""The open database the window works on: its file, its one-writer lock, and the signals pages listen to.

Background work gets its own connection from here (SQLite connections belong to one thread), of the
session's kind: a read-only session's workers cannot write either. What an operation changed is announced
here as a ui.shell.ops.Changed; pages connect to `changed` and reload on the kinds they show.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, ContextManager, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

from app import config
from app.services.database import (
    HEARTBEAT_SECONDS,
    Database,
    DatabaseLock,
    describe,
    is_server,
    light_connection,
    read_only_role,
    target,
)

if TYPE_CHECKING:
    from ui.shell.changes import Changed


class Session(QObject):
    database_changed = Signal()  # another file was opened or restored: every page reloads
    changed = Signal(object)  # a ui.shell.ops.Changed: the kinds of records an operation changed

    def __init__(self, db: Database, path: Path, lock: DatabaseLock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.db, self.path, self.lock = db, target(path), lock
        self._role_read_only = read_only_role(db)
        self._watch = self._watch_server()
        self._heartbeat = QTimer(self, interval=HEARTBEAT_SECONDS * 1000)
        self._heartbeat.timeout.connect(self._beat)
        self._heartbeat.start()

    @property
    def read_only(self) -> bool:
        """A file opened without the lock (another computer holds it, or it lies where nothing can be
        written), or a server database opened by a role that may only read: every write is refused by the
        database, on the session's connection and on its workers'. On a server every other window writes."""
        return self._role_read_only if self.on_server else self.lock is None

    @property
    def on_server(self) -> bool:
        return is_server(self.path)

    @property
    def title(self) -> str:
        """The database as the window names it: the file's name, or the server database without password."""
        return describe(self.path) if self.on_server else self.path.name

    @property
    def folder(self) -> Path:
        """Where file dialogs start: beside the file, or the user data folder for a server database."""
        return config.user_data_dir() if self.on_server else self.path.parent

    def worker_connection(self) -> ContextManager[Database]:
        """A connection for background work, to be entered in the worker's thread and closed when it ends.

        Made now, on the UI thread, so the work stays with this file and this mode even if another file is
        opened meanwhile; a light open (no checks, no migrations): the session's own open did those."""
        return _connection(self.path, self.lock)

    def reader_connection(self) -> ContextManager[Database]:
        """As worker_connection, but read-only whatever the session's mode: for work that only reads."""
        return _connection(self.path, None)

    def announce(self, kinds: Changed) -> None:
        """Tells the pages what an operation changed; run_op calls this, and quick saves on the UI thread."""
        if kinds:
            self.changed.emit(kinds)

    def _beat(self) -> None:
        if self.lock is not None:
            self.lock.beat()

    def replace(self, db: Database, path: Path, lock: DatabaseLock | None) -> None:
        self._release()
        self.db, self.path, self.lock = db, target(path), lock
        self._role_read_only = read_only_role(db)
        self._watch = self._watch_server()
        self.database_changed.emit()

    def reloaded(self) -> None:
        """The same file's contents were replaced (a restore): pages reload."""
        self.database_changed.emit()

    def close(self) -> None:
        self._heartbeat.stop()
        self._release()

    def _watch_server(self):
        """On a server, other clerks' committed writes reload the pages (ui/shell/server_watch.py)."""
        if not self.on_server:
            return None
        from ui.shell.changes import EVERYTHING
        from ui.shell.server_watch import ServerWatch

        return ServerWatch(self.path, lambda: self.announce(EVERYTHING), self)

    def _release(self) -> None:
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
        self.db.close()
        if self.lock is not None:
            self.lock.release()


@contextmanager
def _connection(path: Path, lock: DatabaseLock | None) -> Iterator[Database]:
    db = light_connection(path, lock)
    try:
        yield db
    finally:
        db.close()
