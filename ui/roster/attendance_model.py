"""The attendance grid as a table model: trainees down, half-days across, counts at the end."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.attendance import AttendanceSheet, Flag

FIXED = ("姓名", "工作单位")
TOTALS = ("出勤", "请假", "缺勤")
SYMBOLS = {"出勤": "✓", "请假": "假", "缺勤": "✗", "": ""}
COLOURS = {"出勤": "#e3f4e1", "请假": "#fff1c9", "缺勤": "#fbdcdc"}
CYCLE = ("", "出勤", "请假", "缺勤")


class AttendanceModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sheet: AttendanceSheet | None = None
        self.flagged: dict[int, list[Flag]] = {}

    def set_sheet(self, sheet: AttendanceSheet, flags: list[Flag]) -> None:
        """New marks for the same trainees and days update in place (the view keeps its place);
        anything else resets the model."""
        same_shape = (self.sheet is not None and [t.id for t in self.sheet.trainees] == [t.id for t in sheet.trainees]
                      and self.sheet.slots == sheet.slots)
        if not same_shape:
            self.beginResetModel()
        self.sheet = sheet
        self.flagged = {}
        for flag in flags:
            self.flagged.setdefault(flag.enrollment_id, []).append(flag)
        if same_shape:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        else:
            self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.trainees)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.sheet is None else len(FIXED) + len(self.sheet.slots) + len(TOTALS)

    def slot_at(self, column: int) -> tuple[str, str] | None:
        index = column - len(FIXED)
        return self.sheet.slots[index] if self.sheet and 0 <= index < len(self.sheet.slots) else None

    def trainee_at(self, row: int):
        return self.sheet.trainees[row]

    def next_mark(self, index: QModelIndex) -> str:
        current = self.data(index, Qt.ItemDataRole.UserRole) or ""
        return CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.sheet is None:
            return None
        trainee = self.sheet.trainees[index.row()]
        column = index.column()
        slot = self.slot_at(column)
        if slot is not None:
            return self._slot_data(trainee.id, slot, role)
        if column < len(FIXED):
            return self._fixed_data(trainee, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.sheet.count(trainee.id, TOTALS[column - len(FIXED) - len(self.sheet.slots)]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _slot_data(self, enrollment_id: int, slot, role):
        mark = self.sheet.mark(enrollment_id, slot)
        if role == Qt.ItemDataRole.DisplayRole:
            return SYMBOLS[mark]
        if role == Qt.ItemDataRole.UserRole:
            return mark
        if role == Qt.ItemDataRole.BackgroundRole and mark:
            return QBrush(QColor(COLOURS[mark]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{slot[0]} {slot[1]}：{mark or '未登记'}"
        return None

    def _fixed_data(self, trainee, column: int, role):
        flags = self.flagged.get(trainee.id, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return trainee.person_name if column == 0 else trainee.unit_name
        if role == Qt.ItemDataRole.ForegroundRole and flags and column == 0:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and flags:
            return "；".join(flag.message for flag in flags)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self.sheet is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        slot = self.slot_at(section)
        if slot is not None:
            day = date.fromisoformat(slot[0])
            return f"{day.month}/{day.day}\n{slot[1][0]}"
        if section < len(FIXED):
            return FIXED[section]
        return TOTALS[section - len(FIXED) - len(self.sheet.slots)]
