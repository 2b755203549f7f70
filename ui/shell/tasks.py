"""Long work off the UI thread: a QThreadPool worker, a progress dialog after half a second, cancel, and
the messages for what went wrong.

The work function receives an app.services.progress.Progress and never touches a widget. Work on the
database is an operation: ui.shell.ops.run_op gives it a connection from the session and announces what
it changed; run_task alone is for work without the database (sending a finished PDF to the printer).
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.domain.errors import UserError
from app.services.progress import Cancelled, Progress
from app.services.safety import error_log
from ui.common import messages

SHOW_AFTER_MS = 500


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Worker(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.work, self.signals, self.cancel = work, signals, cancel

    def run(self) -> None:
        progress = Progress(report=self._report, is_cancelled=self.cancel.is_set)
        try:
            result = self.work(progress)
        except BaseException as error:  # every failure must reach the GUI thread, never vanish
            self._tell(self.signals.failed, error)
        else:
            self._tell(self.signals.finished, result)

    def _report(self, done: int, total: int) -> None:
        self._tell(self.signals.progress, done, total)

    def _tell(self, signal, *values) -> None:
        """Emits to the GUI thread; when the window that waited was closed meanwhile (its task and signals
        deleted with it), nobody is left to tell, and the work's end is no error of its own."""
        try:
            signal.emit(*values)
        except RuntimeError:
            if _alive(self.signals):
                raise


def _alive(obj: QObject) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


class Task(QObject):
    """One running piece of work; keeps its signals and dialog alive until it ends."""

    done = Signal()

    def __init__(self, parent: QWidget, label: str, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None):
        super().__init__(parent)
        self.parent_widget, self.on_done, self.on_error = parent, on_done, on_error
        self.cancel = threading.Event()
        self.signals = _Signals()
        self.dialog = QProgressDialog(label, "取消", 0, 0, parent)
        self.dialog.setWindowTitle("请稍候")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancel.set)
        self.signals.progress.connect(self._progress)
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        self.result: Any = None
        self.error: BaseException | None = None

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _end(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.done.emit()

    def _finished(self, result: Any) -> None:
        self.result = result
        self._end()
        self.on_done(result)

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self._end()
        if self.on_error is not None:
            self.on_error(error)
        elif isinstance(error, Cancelled):
            return
        elif isinstance(error, UserError):
            messages.error(self.parent_widget, "未能完成", str(error))
        else:
            # the parsers' own (English) words never reach the user; the traceback goes to the log
            messages.error(self.parent_widget, "出错了", error_log.internal_error(error))


def run_task(parent: QWidget, label: str, work: Callable[[Progress], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None) -> Task:
    task = Task(parent, label, on_done, on_error)
    QThreadPool.globalInstance().start(_Worker(work, task.signals, task.cancel))
    return task
