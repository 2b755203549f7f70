"""The periods of the class being edited, with a mark for each one's errors and rule warnings."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.domain.models import Period
from ui.common.record_model import Column, RecordTableModel, attr

_GREY = QColor("#9ca3af")


def _status(period: Period) -> str:
    return "已归档" if period.archived else period.status


class PeriodDraftsModel(RecordTableModel):
    columns = (
        Column("提示", lambda p: "", 3),
        Column("期次", lambda p: f"第{p.number}期", 4),
        Column("开始日期", attr("start_date"), 8),
        Column("结束日期", attr("end_date"), 8),
        Column("天数", lambda p: p.days if p.end_date >= p.start_date else "", 3, numeric=True),
        Column("状态", _status, 4),
        Column("容量", attr("capacity"), 3, numeric=True),
        Column("已调训", attr("enrolled"), 3, numeric=True),
        Column("培训地点", attr("place"), 10),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors: dict[int, list[str]] = {}
        self.warnings: dict[int, list[str]] = {}

    def set_marks(self, errors: dict[int, list[str]], warnings: dict[int, list[str]]) -> None:
        self.errors, self.warnings = errors, warnings
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def replace_row(self, row: int, period: Period) -> None:
        self._rows[row] = period
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = index.row()
        if index.column() == 0 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            errors, warnings = self.errors.get(row, []), self.warnings.get(row, [])
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(errors + warnings) or None
            return "✖" if errors else ("⚠" if warnings else "")
        if index.column() == 0 and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#b3261e") if self.errors.get(row) else QColor("#a16207")
        if role == Qt.ItemDataRole.ForegroundRole and self.record(row).archived:
            return _GREY
        return super().data(index, role)
