"""The class list with a first column marking each class's rule warnings."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.domain.rules import RuleWarning
from ui.classes.models import ClassesModel
from ui.common.record_model import SORT_ROLE, Column

_WARNING = QColor("#a16207")
_GREY = QColor("#9ca3af")


class ClassListModel(ClassesModel):
    columns = (Column("提示", lambda c: "", 3),) + ClassesModel.columns

    def __init__(self, parent=None):
        super().__init__(parent)
        self.warnings: dict[int, list[RuleWarning]] = {}

    def set_classes(self, rows: list, warnings: dict[int, list[RuleWarning]]) -> None:
        self.warnings = warnings
        self.set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        record = self.record(index.row())
        if index.column() == 0:
            found = self.warnings.get(record.id, [])
            if role == Qt.ItemDataRole.DisplayRole:
                return f"⚠{len(found)}" if found else ""
            if role == SORT_ROLE:
                return len(found)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(w.message for w in found) or None
            if role == Qt.ItemDataRole.ForegroundRole:
                return _WARNING
        if role == Qt.ItemDataRole.ForegroundRole and record.archived:
            return _GREY
        return super().data(index, role)
