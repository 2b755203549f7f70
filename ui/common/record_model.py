"""A table model over a list of records, described by its columns; subclasses only list columns."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
ELIDE_MIDDLE_ROLE = Qt.ItemDataRole.UserRole + 2  # true where a cell's end tells rows apart ("… 第3期")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: int = 0  # in average characters; 0 lets the view decide
    numeric: bool = False
    mask: Callable[[Any], Any] | None = None  # how a sensitive value is shown until the user asks for it whole
    elide_middle: bool = False  # cut in the middle when narrow: the end stays visible


def attr(name: str) -> Callable[[Any], Any]:
    return lambda record: getattr(record, name)


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class RecordTableModel(QAbstractTableModel):
    columns: tuple[Column, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self.unmasked = False  # sensitive columns (ID numbers) shown whole

    def set_unmasked(self, unmasked: bool) -> None:
        self.unmasked = unmasked
        masked = [index for index, column in enumerate(self.columns) if column.mask is not None]
        if masked and self._rows:
            self.dataChanged.emit(self.index(0, min(masked)), self.index(len(self._rows) - 1, max(masked)))

    def value(self, column: Column, record: Any) -> Any:
        value = column.value(record)
        return column.mask(value) if column.mask is not None and not self.unmasked else value

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def records(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self.columns[index.column()]
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(self.value(column, record))
        if role == SORT_ROLE:
            value = self.value(column, record)
            return value if isinstance(value, (int, float)) and not isinstance(value, bool) else _display(value)
        if role == RECORD_ROLE:
            return record
        if role == ELIDE_MIDDLE_ROLE:
            return column.elide_middle
        if role == Qt.ItemDataRole.ToolTipRole:
            text = _display(self.value(column, record))
            return text if column.width and len(text) > column.width else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
