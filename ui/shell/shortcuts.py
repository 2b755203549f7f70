"""The window's keys: Ctrl+F finds (the page's search box), Ctrl+P prints (the page's print button), F1
opens the help for the page or window, Esc closes a window that is no dialog (a QDialog does so itself)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from ui.common.keys import on_keys

WINDOW = Qt.ShortcutContext.WindowShortcut


def page_search(page: QWidget | None) -> QLineEdit | None:
    """A page's search box: ListPage's, or any line edit named "search"."""
    if page is None:
        return None
    box = getattr(page, "search", None)
    return box if isinstance(box, QLineEdit) else page.findChild(QLineEdit, "search")


def focus_search(page: QWidget | None) -> bool:
    box = page_search(page)
    if box is None or not box.isVisible():
        return False
    box.setFocus(Qt.FocusReason.ShortcutFocusReason)
    box.selectAll()
    return True


def press_print(page: QWidget | None) -> str:
    """Presses the page's print button (or opens its menu of documents); says why not when it cannot."""
    button = getattr(page, "print_button", None)
    if not isinstance(button, QAbstractButton) or not button.isVisible():
        return "本页没有打印功能，可在“文书打印”页打印各种文书"
    if not button.isEnabled():
        return button.toolTip() or "请先选择要打印的内容"
    if getattr(button, "menu", lambda: None)() is not None:
        button.showMenu()
    else:
        button.click()
    return ""


def help_key(window: QWidget, topic) -> None:
    """F1: the manual at the section for topic (a page key, or a callable giving the current one)."""
    from ui.shell import help

    on_keys(window, (Qt.Key.Key_F1,), lambda: help.open_help(window, topic() if callable(topic) else topic), WINDOW)


def window_keys(window: QWidget, topic: str) -> None:
    """F1 and Esc for a window that is not a dialog (the roster window)."""
    help_key(window, topic)
    on_keys(window, (Qt.Key.Key_Escape,), window.close, WINDOW)
