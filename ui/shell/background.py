"""Reading for a page off the UI thread, without a progress dialog: the page shows at once and its figures
arrive when they are read. The newest request wins: a result that arrives after a newer request started
is dropped, so a quick change of year never shows the older year's figures."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.errors import UserError
from app.services.safety import error_log

if TYPE_CHECKING:
    from app.services.database import Database
    from ui.shell.session import Session


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)


class _Reader(QRunnable):
    def __init__(self, connection, work: Callable[[Database], Any], number: int, signals: _Signals):
        super().__init__()
        self.connection, self.work, self.number, self.signals = connection, work, number, signals

    def run(self) -> None:
        try:
            with self.connection as db:  # opened and closed in this thread, which alone may use it
                result = self.work(db)
        except BaseException as error:  # every failure must reach the page, never vanish
            self.signals.failed.emit(self.number, error)
        else:
            self.signals.finished.emit(self.number, result)


class BackgroundReads(QObject):
    """One page's background reads. `busy` is True from a request until its result (or error) is delivered."""

    delivered = Signal()  # a result or an error reached the page (tests wait for it)

    def __init__(self, session: Session, parent: QObject):
        super().__init__(parent)
        self.session = session
        self._number = 0
        self._handlers: tuple[Callable[[Any], None], Callable[[str], None]] | None = None

    @property
    def busy(self) -> bool:
        return self._handlers is not None

    def read(self, work: Callable[[Database], Any], on_done: Callable[[Any], None],
             on_error: Callable[[str], None]) -> None:
        """Runs work(db) on a read-only connection in a worker thread; on_done(result) runs on the UI thread,
        or on_error(message) with the user's words for what went wrong (an unforeseen failure is logged)."""
        self._number += 1
        self._handlers = (on_done, on_error)
        # each read has its own signals, kept alive by its worker: a page closed while a read runs takes its
        # connections with it, and the result then goes nowhere
        signals = _Signals()
        signals.finished.connect(self._finished)
        signals.failed.connect(self._failed)
        QThreadPool.globalInstance().start(_Reader(self.session.reader_connection(), work, self._number, signals))

    def _finished(self, number: int, result: Any) -> None:
        if number == self._number and self._handlers is not None:
            on_done, _ = self._handlers
            self._handlers = None
            on_done(result)
            self.delivered.emit()

    def _failed(self, number: int, error: BaseException) -> None:
        if number == self._number and self._handlers is not None:
            _, on_error = self._handlers
            self._handlers = None
            on_error(str(error) if isinstance(error, UserError) else error_log.internal_error(error))
            self.delivered.emit()
