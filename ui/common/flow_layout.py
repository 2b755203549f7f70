"""A row of controls that wraps onto a second line when the window is narrow (a 1366×768 screen at 150%)
instead of pushing the window wider than the screen. After Qt's flow layout example."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping; with `last_to_the_right` the last item keeps to the right edge of the
    line it ends up on (the filters after a page's buttons)."""

    def __init__(self, parent: QWidget | None = None, *, last_to_the_right: bool = False):
        super().__init__(parent)
        self._items = []
        self.last_to_the_right = last_to_the_right
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(item.sizeHint().width() for item in self._items) + self._gap() * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        return QSize(width, height) + self._margins()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size + self._margins()

    def _margins(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self) -> int:
        return self.spacing() if self.spacing() >= 0 else 6

    def _lines(self, width: int) -> list[list]:
        lines, line, used = [], [], 0
        for item in self._items:
            wanted = item.sizeHint().width()
            if line and used + self._gap() + wanted > width:
                lines.append(line)
                line, used = [], 0
            used += (self._gap() if line else 0) + wanted
            line.append(item)
        return lines + [line] if line else lines

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = inner.y()
        for line in self._lines(inner.width()):
            height = max(item.sizeHint().height() for item in line)
            x = inner.x()
            for item in line:
                size = item.sizeHint().boundedTo(QSize(inner.width(), height))
                if move and self.last_to_the_right and item is self._items[-1]:
                    x = max(x, inner.right() + 1 - size.width())
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
                x += size.width() + self._gap()
            y += height + self._gap()
        return y - self._gap() - rect.y() + margins.bottom()


def group(*widgets: QWidget) -> QWidget:
    """Widgets that stay together on one line of a FlowLayout."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return holder
