"""帮助: the manual opened at the section for a topic (F1 on a page, 帮助 → 使用手册), one window at a time,
and 帮助 → 快速上手. The manual's files are under resources/manual/ (ui/help/chapters.py)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ui.shell.database_actions import window_settings

WELCOME_SHOWN = "help/welcome_shown"
TOPICS = ("start", "plans", "classes", "periods", "calendar", "units", "roster", "import", "people", "documents",
          "attendance", "hours", "stats", "backups", "teaching", "funds",
          "evaluation", "survey", "class-management")

_window = None  # the one manual window, while it is open


def open_help(parent: QWidget | None, topic: str) -> None:
    """Shows the manual at the chapter for the topic (a key of TOPICS; any other opens 快速上手)."""
    window = manual_window(parent)
    window.showNormal()  # first, so the chapter is laid out at the window's own width
    window.show_topic(topic)
    window.raise_()
    window.activateWindow()


def open_manual(parent: QWidget | None) -> None:
    """帮助 → 使用手册: the manual where the reader left it, or at its beginning (F1 opens a page's chapter)."""
    fresh = _window is None
    window = manual_window(parent)
    window.showNormal()
    if fresh:
        window.show_topic("start")
    window.raise_()
    window.activateWindow()


def manual_window(parent: QWidget | None = None):
    """The manual's window, made when first asked for. While an application-modal dialog is up (考勤与结班,
    a form) it belongs to that dialog: a window outside it would show but take no clicks or keys. A dialog
    modal to its window only (the import wizard) blocks no other window, so the manual stays on its own."""
    global _window
    from ui.help.manual_window import ManualWindow  # the manual costs nothing until it is opened

    modal = QApplication.activeModalWidget()
    host = modal if modal is not None and modal.windowModality() == Qt.WindowModality.ApplicationModal else None
    if _window is None:
        _window = ManualWindow(host)
        _window.destroyed.connect(_forget)
    elif _window.parentWidget() is not host:
        _window.setParent(host, _window.windowFlags())
    return _window


def _forget(*_) -> None:
    global _window
    _window = None


def show_welcome(window, *, demo: bool | None = None) -> None:
    """帮助 → 快速上手: where the work begins, each step opening its page."""
    from ui.help.welcome import WelcomeDialog

    WelcomeDialog(window, demo=demo, on_manual=lambda: open_help(window, "start")).open()


def offer_welcome(window, *, demo: bool) -> bool:
    """After the first start's question: the welcome, once (帮助 → 快速上手 keeps it at hand)."""
    settings = window_settings()
    if settings.value(WELCOME_SHOWN, False, type=bool):
        return False
    settings.setValue(WELCOME_SHOWN, True)
    show_welcome(window, demo=demo)
    return True
