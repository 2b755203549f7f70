"""What the fit check measures in one shown window: the frame against the screen's free area, every
button (inside the window, not cut short), the largest list's visible rows, column headers cut short."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QMenu,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from ui.common.widgets import header_width  # the same measure the tables are sized by

SLACK = 2  # pixels of rounding at fractional scales


def measure(window: QWidget, available: QRect, main_list, title_bar: int, min_rows: int) -> dict:
    """main_list: the list that must show min_rows rows, "largest" for the window's largest, or None."""
    frame = window.frameGeometry()
    problems = []
    if frame.width() > available.width() or frame.height() + title_bar > available.height():
        problems.append(f"窗口{frame.width()}×{frame.height() + title_bar}（含标题栏）大于屏幕可用区"
                        f"{available.width()}×{available.height()}")
    elif not available.contains(frame):
        problems.append(f"窗口位置{frame.x()},{frame.y()}超出屏幕可用区")
    least = window.minimumSizeHint()  # the layout's: an explicit minimum below it only squeezes the controls
    if least.width() > window.width() or least.height() > window.height():
        problems.append(f"窗口内容至少需要{least.width()}×{least.height()}，窗口只有{window.width()}×{window.height()}，控件被挤压")
    problems += button_problems(window, available)
    if main_list is not None:
        problems += list_problems(window, main_list, min_rows)
    problems += header_problems(window)
    return {"size": [window.width(), window.height()], "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "screen": [available.width(), available.height()], "problems": problems}


def _excluded(widget: QWidget, window: QWidget) -> bool:
    """Buttons Qt draws inside other controls, or that a scroll area brings into view."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QTabBar, QAbstractItemView, QComboBox, QMenu, QHeaderView)):
            return True
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of widget not clipped by its ancestors, in window coordinates."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return rect & window.rect()


def _label(button: QAbstractButton) -> str:
    return button.text().replace("&", "") or button.toolTip() or button.objectName() or type(button).__name__


def button_problems(window: QWidget, available: QRect) -> list[str]:
    problems = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window or _excluded(button, window):
            continue
        own = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        on_screen = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        if visible_rect(button, window) != own or not available.contains(on_screen):
            problems.append(f"按钮“{_label(button)}”不在可见范围内")
        elif button.width() + SLACK < button.minimumSizeHint().width():
            problems.append(f"按钮“{_label(button)}”的文字被截断（宽{button.width()}，需要{button.minimumSizeHint().width()}）")
    return problems


def _views(window: QWidget) -> list[QAbstractItemView]:
    return [view for view in window.findChildren(QAbstractItemView)
            if view.isVisible() and view.window() is window and not isinstance(view.parentWidget(), QComboBox)
            and not _inside_combo(view)]


def _inside_combo(view: QWidget) -> bool:
    parent = view.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def row_height(view: QAbstractItemView) -> int:
    model = view.model()
    if model is not None and model.rowCount():
        height = view.visualRect(model.index(0, 0)).height()
        if height > 0:
            return height
    if isinstance(view, QTableView):
        return view.verticalHeader().defaultSectionSize()
    return max(view.sizeHintForRow(0), view.fontMetrics().height() + 4)


def list_problems(window: QWidget, main_list, min_rows: int) -> list[str]:
    views = _views(window)
    if not views:
        return ["没有找到列表"]
    view = main_list if isinstance(main_list, QAbstractItemView) else max(
        views, key=lambda v: v.viewport().width() * v.viewport().height())
    rows = view.model().rowCount() if view.model() is not None else 0
    shown = view.viewport().height() // row_height(view)
    needed = min(min_rows, rows) if rows else min_rows
    if shown < needed:
        return [f"列表只能显示{shown}行（至少应显示{needed}行）"]
    return []


def header_problems(window: QWidget) -> list[str]:
    problems = []
    for view in _views(window):
        header = view.horizontalHeader() if isinstance(view, QTableView) else (
            view.header() if isinstance(view, QTreeView) else None)
        if header is None or not header.isVisible() or view.model() is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            needed = header_width(header, section)
            if header.sectionSize(section) + SLACK < needed:
                text = view.model().headerData(section, header.orientation())
                problems.append(f"列标题“{str(text).replace(chr(10), ' ')}”被截断"
                                f"（宽{header.sectionSize(section)}，需要{needed}）")
    return problems
