"""Driving modal dialogs the way a user does: act on the dialog once it is shown, while exec() runs."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_dialog_opens(action, attempts: int = 200) -> None:
    """Calls action(dialog) as soon as a modal dialog is shown (QTimer polls while exec() runs)."""
    def poll(left=attempts):
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            action(dialog)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))
    QTimer.singleShot(0, poll)


def select_rows(table, rows) -> None:
    from PySide6.QtCore import QItemSelectionModel

    selection = table.selectionModel()
    selection.clearSelection()
    model = table.model()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(model.index(row, 0), flags)


def double_click_row(qtbot, table, row: int) -> None:
    from PySide6.QtCore import Qt

    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def figures_arrived(qtbot, page):
    """Waits until a page's background reads (the statistics page's year) have delivered; returns the page."""
    qtbot.waitUntil(lambda: not page.reads.busy, timeout=20000)
    return page


def stats_page(qtbot, window):
    """The statistics page, shown, with its year's figures read."""
    return figures_arrived(qtbot, window.show_page("统计"))
