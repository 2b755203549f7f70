"""Open windows learn of other clerks' changes on a server database (LISTEN / NOTIFY): a thread waits on a
connection of its own and, when another process's write commits, the session tells every page to reload
what it shows (a moment later, so that a burst of saves reloads once). A form open meanwhile keeps what the
clerk typed; saving it over a record changed since is refused with who and when."""
from __future__ import annotations

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from app.services import database
from app.services.safety import error_log

SETTLE_MS = 400  # a burst of another clerk's saves reloads the pages once
WAIT_SECONDS = 1.0  # how often the thread looks whether it should stop


class _Waiter(QThread):
    heard = Signal()

    def __init__(self, target: str, parent: QObject):
        super().__init__(parent)
        self.target = target

    def run(self) -> None:
        try:
            listener = database.change_listener(self.target)
        except Exception as error:  # the window works on without hearing others: said in the log
            error_log.internal_error(error)
            return
        try:
            while not self.isInterruptionRequested():
                if listener.wait(WAIT_SECONDS):
                    self.heard.emit()
        except Exception as error:
            error_log.internal_error(error)
        finally:
            listener.close()


class ServerWatch(QObject):
    """Calls `changed` (on the UI thread) after other processes wrote to the server database."""

    def __init__(self, target: str, changed, parent: QObject):
        super().__init__(parent)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(changed)
        self._waiter = _Waiter(target, self)
        self._waiter.heard.connect(self._settle.start)
        self._waiter.start()

    def stop(self) -> None:
        self._settle.stop()
        self._waiter.requestInterruption()
        self._waiter.wait()
