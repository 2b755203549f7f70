"""The import wizard's choice of period: a list that shows each period's class, number, dates, status and
seats, narrowed by typing (a name, its pinyin initials, a date), opened on the likeliest period."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableView,
    QWidget,
)

from app.domain.models import PeriodEntry
from app.services import periods
from ui.common.record_model import RECORD_ROLE, Column, RecordTableModel, attr
from ui.common.widgets import size_columns
from ui.periods.models import PeriodsFilter


class PickerModel(RecordTableModel):
    columns = (
        Column("期次", attr("label"), 26),
        Column("日期", periods.span, 10),
        Column("状态", attr("status"), 3),
        Column("学员", periods.seats, 4),
    )


class PeriodPicker(QWidget):
    changed = Signal()  # another period chosen

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit(placeholderText="筛选期次", clearButtonEnabled=True)
        self.search.setToolTip("输入班次名称、拼音首字母（如 jxb）、第几期或日期，下拉列表只留下相符的期次")
        self.search.setMaximumWidth(self.fontMetrics().horizontalAdvance("汉") * 12)
        self.model = PickerModel(self)
        self.today = date.today()
        self.proxy = PeriodsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.box = _PeriodBox(minimumContentsLength=24)
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.setModel(self.proxy)
        self.box.setView(self._list())
        self.box.setMaxVisibleItems(14)
        self.box.currentIndexChanged.connect(self.changed)
        self.search.textChanged.connect(self._narrow)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search)
        row.addWidget(self.box, 1)

    def _list(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setShowGrid(False)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setVisible(False)
        size_columns(view, PickerModel.columns)
        char = view.fontMetrics().horizontalAdvance("汉")
        view.setMinimumWidth(sum(column.width for column in PickerModel.columns) * char + 16 * 4 + 24)
        return view

    def set_periods(self, found: list[PeriodEntry], preset: int | None, today: date) -> None:
        """The periods to choose from, the one the wizard was opened from (else the likeliest) chosen."""
        self.today = today
        self.model.set_rows(found)
        chosen = periods.default_period(found, preset, today)
        self.select(chosen.id if chosen else None)

    def select(self, period_id: int | None) -> bool:
        row = next((row for row in range(self.proxy.rowCount())
                    if self.proxy.index(row, 0).data(RECORD_ROLE).id == period_id), -1)
        if row >= 0:
            self.box.setCurrentIndex(row)
        return row >= 0

    def current(self) -> PeriodEntry | None:
        return self.box.currentData(RECORD_ROLE)

    def current_id(self) -> int | None:
        entry = self.current()
        return entry.id if entry else None

    def _narrow(self, text: str) -> None:
        """Only the periods the text names; the chosen one stays chosen while it is among them."""
        kept = self.current_id()
        self.proxy.apply(periods.PeriodFilter(text=text))
        if not self.select(kept):
            shown = [self.proxy.index(row, 0).data(RECORD_ROLE) for row in range(self.proxy.rowCount())]
            best = periods.default_period(shown, None, self.today)
            self.select(best.id if best else None)
        self.changed.emit()


class _PeriodBox(QComboBox):
    """Shows the chosen period whole (class, number, dates, status); its list shows them in columns."""

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        entry = self.currentData(RECORD_ROLE)
        option.currentText = periods.describe(entry) if entry else "（没有符合的期次）"
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
