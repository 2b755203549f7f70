"""The periods list's columns (a closed period greyed, one in progress marked) and its filter."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.services import periods
from ui.common.filtering import SettingFilter
from ui.common.record_model import RECORD_ROLE, Column, RecordTableModel, attr

_CLOSED = QBrush(QColor("#6b7280"))
_RUNNING = QBrush(QColor("#047857"))
STATUS_COLUMN = 3


class PeriodsModel(RecordTableModel):
    columns = (
        Column("班次", attr("class_name"), 20),
        Column("期次", lambda p: f"第{p.number}期", 4),
        Column("日期", periods.span, 11),
        Column("状态", attr("status"), 4),
        Column("学员", attr("enrolled"), 3, numeric=True),
        Column("计划人数", attr("capacity"), 4, numeric=True),
        Column("地点", attr("where"), 11),
        Column("类型", attr("class_kind"), 5),
        Column("所属计划", attr("plan_title"), 14),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today: Callable[[], date] = date.today

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            found = periods.phase(self.record(index.row()), self.today())
            if found == "closed":
                return _CLOSED
            if found == "running" and index.column() == STATUS_COLUMN:
                return _RUNNING
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == STATUS_COLUMN:
            return periods.WHEN.get(periods.phase(self.record(index.row()), self.today()))
        return super().data(index, role)


class PeriodsFilter(SettingFilter):
    """Keeps the periods a PeriodFilter matches, as of the model's today (a model of PeriodEntry records)."""

    setting = periods.PeriodFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        model = self.sourceModel()
        entry = model.index(row, 0, parent).data(RECORD_ROLE)
        today = getattr(model, "today", date.today)
        return entry is not None and periods.matches(entry, self.setting, today())
