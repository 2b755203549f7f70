"""Tables of the roster window and the person's page: the roster with its warnings, seats per unit
(the seats column is edited in place), and the periods a person attended."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.idcard import mask_id
from app.domain.status import EnrollmentStatus
from ui.common.record_model import Column, RecordTableModel, attr

WARNING_BRUSH = QBrush(QColor("#fdecea"))
MUTED_BRUSH = QBrush(QColor("#9ca3af"))
ALERT_BRUSH = QBrush(QColor("#b3261e"))


class RosterModel(RecordTableModel):
    """Rows are RosterLine; `busy` maps person id -> the overlapping periods (多头调训)."""

    columns = (
        Column("序号", lambda line: "", 3, numeric=True),
        Column("姓名", attr("name"), 5),
        Column("性别", attr("gender"), 2),
        Column("工作单位", attr("unit_name"), 9),
        Column("职务", attr("post"), 7),
        Column("职级", attr("rank"), 6),
        Column("状态", attr("status"), 4),
        Column("学时", attr("hours"), 3, numeric=True),
        Column("提示", lambda line: "", 12),
        Column("联系电话", attr("phone"), 8),
        Column("身份证号码", attr("id_number"), 11, mask=mask_id),
        Column("重点难点问题或典型案例", attr("key_problems"), 14),
        Column("已缴费（元）", lambda line: f"{line.fee_paid:g}" if line.fee_paid else "", 5, numeric=True),
    )
    NOTE_COLUMN = 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self.busy: dict[int, list[str]] = {}
        self.makeups: dict[int, str] = {}

    def set_roster(self, lines: list, busy: dict[int, list[str]], makeups: dict[int, str] | None = None) -> None:
        """`makeups`: enrollment -> what a make-up trainee makes up for (补训：…第1期（缺训）)."""
        self.busy, self.makeups = busy, makeups or {}
        self.set_rows(lines)

    def note(self, line) -> str:
        if EnrollmentStatus.is_replaced(line.status):
            return "已被替换" + (f"：{line.replace_reason}" if line.replace_reason else "")
        makeup = self.makeups.get(line.enrollment_id, "")
        if line.active and line.person_id in self.busy:
            return "；".join(filter(None, [makeup, "多头调训：同时在" + "、".join(self.busy[line.person_id])]))
        return "；".join(filter(None, [makeup, line.notes]))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        column = index.column()
        if column == 0 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            return str(index.row() + 1) if role == Qt.ItemDataRole.DisplayRole else index.row()
        if column == self.NOTE_COLUMN and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                   Qt.ItemDataRole.UserRole):
            return self.note(line)
        if role == Qt.ItemDataRole.BackgroundRole and line.active and line.person_id in self.busy:
            return WARNING_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and not line.active:
            return MUTED_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NOTE_COLUMN and line.person_id in self.busy:
            return ALERT_BRUSH
        return super().data(index, role)


class AttendanceModel(RecordTableModel):
    columns = (
        Column("班次", attr("class_name"), 20),
        Column("期次", lambda a: f"第{a.number}期", 4),
        Column("开始日期", attr("start_date"), 7),
        Column("结束日期", attr("end_date"), 7),
        Column("参训单位", attr("unit_name"), 10),
        Column("状态", attr("status"), 4),
        Column("学时", attr("hours"), 4, numeric=True),
    )


class QuotaModel(RecordTableModel):
    """Rows are QuotaUsage; the seats column is edited in place and kept until saved."""

    columns = (
        Column("单位", attr("unit_name"), 12),
        Column("分配名额", lambda u: "" if u.seats is None else u.seats, 5, numeric=True),
        Column("已选", attr("used"), 4, numeric=True),
        Column("剩余", lambda u: "" if u.remaining is None else u.remaining, 4, numeric=True),
    )
    SEATS = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.changed = False

    def set_rows(self, rows) -> None:
        self.changed = False
        super().set_rows(rows)

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.SEATS else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        usage = self._rows[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == self.SEATS:
            return usage.seats or 0
        if role == Qt.ItemDataRole.ForegroundRole and (usage.over or (usage.seats is None and usage.used
                                                                      and self.any_seats())):
            return ALERT_BRUSH
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.SEATS:
            return False
        try:
            seats = int(value) if str(value).strip() != "" else None
        except ValueError:
            return False
        if seats is not None and seats < 0:
            return False
        self._rows[index.row()].seats = seats
        self.changed = True
        self.dataChanged.emit(index, index.siblingAtColumn(len(self.columns) - 1))
        return True

    def any_seats(self) -> bool:
        return any(u.seats is not None for u in self._rows)

    def seats(self) -> dict[int, int | None]:
        return {u.unit_id: u.seats for u in self._rows}
