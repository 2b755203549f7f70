import pytest

from app.services import database
from app.storage.lock import DatabaseLock
from ui.shell.main_window import MainWindow
from ui.shell.session import Session
from ui.shell.style import apply_style


@pytest.fixture(autouse=True)
def free_closed_widgets(qapp):
    """Deletes the widgets earlier tests closed (pytest-qt only asks for it with deleteLater, which no
    event loop carries out between tests); each one left alive slows every later style sheet."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield


@pytest.fixture(autouse=True, scope="session")
def release_the_clipboard(qapp):
    """A session copied in a test is forgotten before Qt goes, as the program does on its way out."""
    yield
    from ui.timetable import clipboard

    clipboard.release()


@pytest.fixture
def window(qtbot, qapp, demo_file):
    apply_style(qapp)
    lock = DatabaseLock.acquire(demo_file)
    session = Session(database.open_database(demo_file, lock=lock), demo_file, lock)
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    session.close()


@pytest.fixture
def answers(monkeypatch):
    """Records every message box and answers questions from a list (default: the first button)."""
    from ui.common import messages

    log = {"asked": [], "errors": [], "infos": [], "replies": [], "details": []}

    def choose(parent, title, text, buttons, default=0, details=""):
        log["asked"].append((title, text, buttons))
        log["details"].append(details)
        return log["replies"].pop(0) if log["replies"] else 0

    monkeypatch.setattr(messages, "choose", choose)
    monkeypatch.setattr(messages, "error", lambda parent, title, text, details="": log["errors"].append((title, text)))
    monkeypatch.setattr(messages, "info", lambda parent, title, text: log["infos"].append((title, text)))
    return log


def type_text(widget, text: str) -> None:
    """Types text key by key, Chinese included (QTest.keyClicks only knows ASCII keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """The system's print dialog answered 打印, with a PDF file standing in for the printer."""
    from PySide6.QtPrintSupport import QPrinter

    from ui.documents import printing

    target = tmp_path / "打印机 输出.pdf"

    def ask(parent, printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(printing, "ask_printer", ask)
    return target
