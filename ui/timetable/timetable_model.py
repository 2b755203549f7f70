"""The timetable grid's model: one row per day of the period, one column per half-day (上午, 下午, 晚上),
each cell holding that half-day's sessions in order, with the lecturer conflicts of each."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.domain.teaching import HALVES
from app.domain.teaching_records import SessionRow
from app.services.teaching.shares import hours_text

SESSIONS_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's sessions (list[SessionRow])
CONFLICTS_ROLE = Qt.ItemDataRole.UserRole + 2  # session id -> what else books its lecturer then
WEEKDAYS = "一二三四五六日"


def session_lines(s: SessionRow) -> tuple[str, str, str]:
    """What a session's block shows: when, form and 学时; the topic; who and where."""
    when = f"{s.start_time}-{s.end_time}" if s.start_time and s.end_time else s.half
    first = "　".join(part for part in (when, s.form, f"{hours_text(s.credited_hours)}学时") if part)
    who = f"{s.lecturer}（{s.lecturer_job}）" if s.lecturer and s.lecturer_job else s.lecturer
    return first, s.topic, "　".join(part for part in (who, s.where) if part)


def day_label(day: str) -> str:
    value = date.fromisoformat(day)
    return f"{value.month}月{value.day}日 周{WEEKDAYS[value.weekday()]}"


class TimetableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.days: list[str] = []
        self.outside: set[str] = set()  # days with sessions that lie outside the period (its dates changed)
        self.cells: dict[tuple[str, str], list[SessionRow]] = {}
        self.conflicts: dict[int, list[str]] = {}

    def set_timetable(self, period_days: list[str], rows: list[SessionRow], conflicts: dict[int, list[str]]) -> None:
        self.beginResetModel()
        self.outside = {s.day for s in rows} - set(period_days)
        self.days = sorted(set(period_days) | self.outside)
        self.cells = {}
        for s in rows:
            self.cells.setdefault((s.day, s.half), []).append(s)
        self.conflicts = conflicts
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HALVES)

    def slot(self, index: QModelIndex) -> tuple[str, str]:
        return self.days[index.row()], HALVES[index.column()]

    def sessions(self, index: QModelIndex) -> list[SessionRow]:
        return self.cells.get(self.slot(index), []) if index.isValid() else []

    def index_of(self, day: str, half: str) -> QModelIndex:
        if day not in self.days or half not in HALVES:
            return QModelIndex()
        return self.index(self.days.index(day), HALVES.index(half))

    def find(self, session_id: int) -> QModelIndex:
        for (day, half), group in self.cells.items():
            if any(s.id == session_id for s in group):
                return self.index_of(day, half)
        return QModelIndex()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        found = self.sessions(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n\n".join("\n".join(session_lines(s)) for s in found)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, found)
        if role == SESSIONS_ROLE:
            return found
        if role == CONFLICTS_ROLE:
            return {s.id: self.conflicts[s.id] for s in found if s.id in self.conflicts}
        return None

    def _tooltip(self, index: QModelIndex, found: list[SessionRow]) -> str:
        day, half = self.slot(index)
        if not found:
            return f"{day_label(day)}{half}：没有安排（双击添加）"
        parts = []
        for s in found:
            text = "\n".join(line for line in session_lines(s) if line)
            if s.notes:
                text += f"\n备注：{s.notes}"
            for clash in self.conflicts.get(s.id, []):
                text += f"\n⚠ 冲突：{clash}"
            parts.append(text)
        return "\n\n".join(parts)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical \
                    and self.days[section] in self.outside:
                return "这一天不在本期日期之内（期次日期改过），请把这里的课移到本期之内"
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HALVES[section]
        day = self.days[section]
        return day_label(day) + ("\n（不在本期内）" if day in self.outside else "")

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
