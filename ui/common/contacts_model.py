"""An editable table of contact people (单位, 姓名, 电话, 传真) for a plan or a class."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from app.domain.models import Contact

COLUMNS = (("org", "单位"), ("name", "姓名"), ("phone", "联系电话"), ("fax", "传真"))
_ERROR_BACKGROUND = QColor("#fde8e8")


class ContactsModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Contact] = []
        self._errors: dict[str, str] = {}  # "row.field" -> message

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.beginResetModel()
        self._rows = [replace(c) for c in contacts]
        self.endResetModel()

    def contacts(self) -> list[Contact]:
        return [replace(c) for c in self._rows]

    def set_errors(self, errors: dict[str, str]) -> None:
        self._errors = errors
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = COLUMNS[index.column()][0]
        error = self._errors.get(f"{index.row()}.{key}")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(self._rows[index.row()], key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return error
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return _ERROR_BACKGROUND
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        key = COLUMNS[index.column()][0]
        self._rows[index.row()] = replace(self._rows[index.row()], **{key: str(value).strip()})
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return COLUMNS[section][1] if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def add(self, contact: Contact) -> int:
        return self.insert(len(self._rows), contact)

    def insert(self, row: int, contact: Contact) -> int:
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, contact)
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> Contact:
        self.beginRemoveRows(QModelIndex(), row, row)
        contact = self._rows.pop(row)
        self.endRemoveRows()
        self.edited.emit()
        return contact

    def move(self, row: int, step: int) -> int:
        target = row + step
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        self.beginResetModel()
        self._rows[row], self._rows[target] = self._rows[target], self._rows[row]
        self.endResetModel()
        self.edited.emit()
        return target
