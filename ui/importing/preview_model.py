"""The preview table: each checked row with its outcome; a bad cell red with its reason as the tooltip,
a normalised cell (or a word kept as written) yellow with what was done, and what an update will change."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.idcard import mask_id
from app.services.importing.columns import FIELDS, LABELS
from app.services.importing.plan import ImportPlan
from app.services.importing.receipt import outcome
from ui.common.filtering import SettingFilter

ERROR = QBrush(QColor("#f8d0cc"))
NOTICE = QBrush(QColor("#fff2c6"))
WARNING = QBrush(QColor("#fdecea"))
REFUSED = QBrush(QColor("#b3261e"))
FILTERS = {"all": "全部行", "problems": "只看有问题或提示的行", "changes": "只看将更新的人"}
# column widths in Chinese characters; the rest take 5
WIDTHS = {"行号": 3, "结果": 7, "身份证号码": 11, "出生日期": 6, "工作单位": 8, "联系电话": 7, "职务": 6, "干部类别": 6,
          "重点难点问题或典型案例": 12, "将变更": 12, "提示": 24}


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.fields: list[str] = []
        self.unit_names: dict[int, str] = {}
        self.unmasked = False  # ID numbers shown whole (an explicit, logged choice)

    def set_unmasked(self, unmasked: bool) -> None:
        self.beginResetModel()
        self.unmasked = unmasked
        self.endResetModel()

    def set_plan(self, plan: ImportPlan, unit_names: dict[int, str]) -> None:
        self.beginResetModel()
        self.plan, self.unit_names = plan, unit_names
        self.fields = [key for key in FIELDS if key in plan.layout.columns]
        self.endResetModel()

    def headers(self) -> list[str]:
        return ["行号", "结果", *(LABELS[key] for key in self.fields), "将变更", "提示"]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.plan is None else len(self.plan.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.plan is None else len(self.fields) + 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def row(self, index: int):
        return self.plan.rows[index]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.plan is None:
            return None
        row, column = self.plan.rows[index.row()], index.column()
        key = self.fields[column - 2] if 2 <= column < len(self.fields) + 2 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key is not None:
                return row.errors.get(key) or row.notices.get(key)
            return self._text(row, column, key) if column >= len(self.fields) + 2 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if key is not None and key in row.errors:
                return ERROR
            if key is not None and key in row.notices:
                return NOTICE
            return WARNING if row.warnings and not row.rejected else None
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and row.rejected:
            return REFUSED
        return None

    def _text(self, row, column: int, key: str | None) -> str:
        if column == 0:
            return str(row.line)
        if column == 1:
            return outcome(row, committed=False)
        if key == "unit":
            return row.unit_text or self.unit_names.get(row.unit_id, "")
        if key == "id_number" and not self.unmasked:
            return mask_id(row.values["id_number"])
        if key is not None:
            return row.values.get(key, "")
        if column == len(self.fields) + 2:
            return "；".join(f"{LABELS[k]}：{old or '（空）'}→{new}" for k, (old, new) in row.changes.items())
        return "；".join(part for part in (row.reason(), *row.warnings, *row.remarks()) if part)


class PreviewFilter(SettingFilter):
    """Rows shown by FILTERS' key in `setting`."""

    setting = "all"

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self.setting == "all":
            return True
        row = self.sourceModel().row(source_row)
        if self.setting == "problems":
            return row.rejected or bool(row.warnings) or bool(row.remarks())
        return row.action == "update"
