"""The keys that work the same in every list: Enter opens the selected item, Del removes it (the remove
action asks first). ui/shell/shortcuts.py holds the window's own (Ctrl+F, Ctrl+P, F1, Esc)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QWidget

OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
REMOVE_KEYS = (Qt.Key.Key_Delete,)


def on_keys(widget: QWidget, keys, slot: Callable[[], object],
            context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> list[QShortcut]:
    """Shortcuts on widget; by default only while it has the focus, so Del in a search box still deletes text."""
    shortcuts = []
    for key in keys:
        shortcut = QShortcut(QKeySequence(key), widget, context=context)
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)
    return shortcuts


def list_keys(view: QAbstractItemView, open_item: Callable | None = None, remove: Callable | None = None) -> None:
    """Enter opens the list's selected item, Del removes it: the same actions as the page's buttons."""
    if open_item is not None:
        on_keys(view, OPEN_KEYS, open_item)
    if remove is not None:
        on_keys(view, REMOVE_KEYS, remove)
