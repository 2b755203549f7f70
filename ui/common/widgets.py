"""Small widget helpers shared by the pages: tables sized by their columns, headings, labels that shorten."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
)

from ui.common.record_model import ELIDE_MIDDLE_ROLE, Column


def make_table(model, columns: tuple[Column, ...], parent=None) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order until a header is clicked
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setItemDelegate(ElidingDelegate(table))
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    size_columns(table, columns)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class ElidingDelegate(QStyledItemDelegate):
    """A cell cut short by a narrow column shows its whole text as a tooltip; a column whose end tells rows
    apart (a period's number) is cut in the middle."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if index.data(ELIDE_MIDDLE_ROLE):
            option.textElideMode = Qt.TextElideMode.ElideMiddle

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text and option.fontMetrics.horizontalAdvance(str(text)) + 10 > view.visualRect(index).width():
                QToolTip.showText(event.globalPos(), str(text), view)
                return True
        return super().helpEvent(event, view, option, index)


def size_columns(table: QTableView, columns: tuple[Column, ...]) -> None:
    """Each column as wide as its width in average Chinese characters, and never narrower than its header."""
    table.ensurePolished()  # the headers measured with the look they will be shown in (ui/shell/style.py)
    char = table.fontMetrics().horizontalAdvance("汉")
    header = table.horizontalHeader()
    for index, column in enumerate(columns):
        if column.width:
            header.resizeSection(index, max(column.width * char + 16, header_width(header, index)))


class FirstColumnFits(QObject):
    """Keeps a list's first column within its visible width, so a narrow list elides the column's text
    (showing what ends it) instead of hiding the end under the edge."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table, self.preferred = table, table.horizontalHeader().sectionSize(0)
        table.viewport().installEventFilter(self)

    def refit(self) -> None:
        """The columns were sized anew (another kind of list): that width is the one to keep within view."""
        self.preferred = self.table.horizontalHeader().sectionSize(0)
        self._fit(self.table.viewport().width())

    def _fit(self, width: int) -> None:
        self.table.horizontalHeader().resizeSection(0, min(self.preferred, max(width, 40)))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit(event.size().width())
        return False


def header_width(header: QHeaderView, section: int) -> int:
    """What a column's header text needs, less the room Qt keeps for a sort arrow no column shows yet."""
    mark = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMarkSize, None, header)
    return header.sectionSizeFromContents(section).width() - mark - 4


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


class ElidedLabel(QLabel):
    """One line that gives way when space is short: it ends in … and the whole text shows as a tooltip.
    A long class name in a title must not push the window's buttons off a small screen."""

    def __init__(self, text: str = "", parent=None, *, object_name: str = ""):
        super().__init__(text, parent)
        if object_name:
            self.setObjectName(object_name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text if self.fontMetrics().horizontalAdvance(text) > self.width() else "")

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("汉") * 4, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setToolTip(self.text() if self.fontMetrics().horizontalAdvance(self.text()) > self.width() else "")

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)


def elided_heading(text: str = "") -> ElidedLabel:
    return ElidedLabel(text, object_name="pageTitle")


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("note")
    return label


class CompactCombo(QComboBox):
    """A choice as wide as `chars` Chinese characters whatever its items, so a row of filters fits a small
    screen; its list opens wide enough for the longest item."""

    def __init__(self, chars: int, parent=None):
        super().__init__(parent)
        metrics = self.fontMetrics()
        # Qt measures minimumContentsLength in "X"s
        self.setMinimumContentsLength(-(-chars * metrics.horizontalAdvance("汉") // metrics.horizontalAdvance("X")))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8)
        super().showPopup()
