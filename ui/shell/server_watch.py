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
RETRY_SECONDS = 5  # after the connection was lost


class _Waiter(QThread):
    heard = Signal()

    def __init__(self, target: str, parent: QObject):
        super().__init__(parent)
        self.target = target

    def run(self) -> None:
        """Listens until asked to stop; a connection lost (the network, a server restart) is logged and made
        again a few seconds later, the pages reloaded then in case something was missed meanwhile."""
        lost = False
        while not self.isInterruptionRequested():
            try:
                listener = database.change_listener(self.target)
            except Exception as error:
                lost = self._note(error, lost)
                continue
            if lost:
                self.heard.emit()
                lost = False
            try:
                while not self.isInterruptionRequested():
                    if listener.wait(WAIT_SECONDS):
                        self.heard.emit()
            except Exception as error:
                lost = self._note(error, lost)
            finally:
                listener.close()

    def _note(self, error: Exception, lost: bool) -> bool:
        if not lost:  # once per outage, not every few seconds
            error_log.internal_error(error)
        for _ in range(RETRY_SECONDS):
            if self.isInterruptionRequested():
                break
            self.sleep(1)
        return True


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
