"""Automatic backups while the window is open: at start if the data changed, every 30 minutes, at exit."""
from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app.domain.errors import UserError
from app.services.safety import backups
from ui.shell.session import Session


class _Signals(QObject):
    failed = Signal(str)


class _BackupJob(QRunnable):
    """Copies through its own connection, so the window stays responsive while a large file is copied."""

    def __init__(self, connection, reason: str, signals: _Signals):
        super().__init__()
        self.connection, self.reason, self.signals = connection, reason, signals

    def run(self) -> None:
        try:
            with self.connection as db:
                backups.take(db, self.reason, only_if_changed=True)
        except (UserError, OSError) as error:
            self.signals.failed.emit(str(error))


class BackupSchedule(QObject):
    failed = Signal(str)  # shown in the status bar: a failed automatic backup must not interrupt work

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.signals = _Signals(self)
        self.signals.failed.connect(self.failed)
        self.timer = QTimer(self, interval=backups.INTERVAL_MINUTES * 60 * 1000)
        self.timer.timeout.connect(lambda: self.in_background("定时"))
        self.timer.start()

    def in_background(self, reason: str) -> None:
        if not self.session.read_only:
            QThreadPool.globalInstance().start(_BackupJob(self.session.worker_connection(), reason, self.signals))

    def at_exit(self) -> None:
        """Synchronous: the process is about to end."""
        if self.session.read_only:
            return
        try:
            backups.take(self.session.db, "退出", only_if_changed=True)
        except UserError as error:
            self.failed.emit(str(error))
