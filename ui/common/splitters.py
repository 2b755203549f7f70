"""A list and its detail in a splitter, the list first: when the page is first shown the list gets room for
at least 8 rows, the detail the rest; when the rest is too small for the detail (a 1366×768 screen at 150%),
the detail starts folded away under the handle, to be dragged open. The user's sizes are remembered."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView, QWidget

from ui.common import settings

LIST_ROWS = 8


def list_height(view: QAbstractItemView, rows: int = LIST_ROWS) -> int:
    """The height a list needs to show rows rows: header, rows, a horizontal scroll bar, the frame."""
    if isinstance(view, QTableView):
        row = view.verticalHeader().defaultSectionSize()
        header = view.horizontalHeader().sizeHint().height() if view.horizontalHeader().isVisible() else 0
    else:
        row = max(view.sizeHintForRow(0), view.fontMetrics().height() + 4)
        header = view.header().sizeHint().height() if hasattr(view, "header") and not view.isHeaderHidden() else 0
    return header + rows * row + view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth()


def list_width(view: QAbstractItemView, columns: int) -> int:
    """The width the first columns of a table take, with its frame and a vertical scroll bar."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    used = sum(header.sectionSize(index) for index in range(min(columns, header.count())))
    return used + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 2


class ListSplitter(QSplitter):
    """The first widget is the list (`view`, or a widget holding it); `share` is the part it takes on a
    roomy screen; `first_size` gives a horizontal splitter's list its width."""

    def __init__(self, orientation: Qt.Orientation, key: str, view: QAbstractItemView, *, share: float = 0.6,
                 first_size=None, parent: QWidget | None = None):
        super().__init__(orientation, parent)
        self.key, self.view, self.share, self.first_size = key, view, share, first_size
        self._placed = False
        self.setChildrenCollapsible(False)
        self.splitterMoved.connect(self._keep)

    def addWidget(self, widget: QWidget) -> None:
        super().addWidget(widget)
        if self.count() > 1:
            self.setCollapsible(self.count() - 1, True)  # only the detail folds away, never the list

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._placed:  # its own size is final now: the page's layout ran before it was shown
            self._placed = True
            self.place()

    def place(self) -> None:
        saved = settings.numbers(f"splitters/{self.key}")
        if len(saved) == self.count() and sum(saved) > 0 and min(saved) >= 0:
            self.setSizes(saved)
        elif self.count() == 2:
            self.setSizes(self.default_sizes())

    def default_sizes(self) -> list[int]:
        vertical = self.orientation() == Qt.Orientation.Vertical
        total = (self.height() if vertical else self.width()) - self.handleWidth()
        detail = self.widget(1).minimumSizeHint()
        if vertical:
            want = max(list_height(self.view), int(total * self.share))
            return [total, 0] if total - want < detail.height() else [want, total - want]
        want = self.first_size() if self.first_size else int(total * self.share)
        want = max(min(want, total - detail.width()), self.widget(0).minimumSizeHint().width())
        return [want, max(total - want, 0)]

    def _keep(self, *_) -> None:
        settings.set_numbers(f"splitters/{self.key}", self.sizes())
