"""The open database the window works on, and the signals that tell pages to reload."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database


class Session(QObject):
    database_changed = Signal()  # another file was opened: every page reloads
    data_changed = Signal(str)  # records of one kind changed ("people", "periods", ...)

    def __init__(self, db: Database, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db, self.path = db, Path(path)

    def replace(self, db: Database, path: Path) -> None:
        old = self.db
        self.db, self.path = db, Path(path)
        old.close()
        self.database_changed.emit()

    def close(self) -> None:
        self.db.close()
