"""The words of the archive that are not standard, each with the standard word the clerk maps it to
(edited in place with a list of the field's standard words), for 设置 → 名称规范化."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from app.domain import vocab
from app.services.importing.word_variants import KEEP, SeenWord

KEEP_TEXT = "（保持原样）"
CHOICE = 3  # the column edited


class WordVariantsModel(QAbstractTableModel):
    HEADERS = ("字段", "档案中的写法", "人数", "对应为", "说明")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SeenWord] = []
        self._chosen: list[str] = []

    def set_rows(self, rows: list[SeenWord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._chosen = [row.standard for row in rows]
        self.endResetModel()

    def row(self, index: int) -> SeenWord:
        return self._rows[index]

    def changed(self) -> dict[str, dict[str, str]]:
        """field -> {word: standard word or KEEP} for every row whose choice was changed."""
        found: dict[str, dict[str, str]] = {}
        for row, chosen in zip(self._rows, self._chosen, strict=False):
            if chosen != row.standard:
                found.setdefault(row.field, {})[row.word] = chosen
        return found

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == CHOICE else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole and column == CHOICE:
            return self._chosen[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            chosen = self._chosen[index.row()]
            return (row.label, row.word, str(row.count), chosen or KEEP_TEXT, row.hint)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 4) and row.hint:
            return row.hint
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != CHOICE or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        if value != KEEP and value not in vocab.standard_set(row.field):
            return False
        self._chosen[index.row()] = value
        self.dataChanged.emit(index, index)
        return True


class StandardWordDelegate(QStyledItemDelegate):
    """The 对应为 cell edited with a list: keep as written, or one of the row's field's standard words."""

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        box.addItem(KEEP_TEXT, KEEP)
        for word in vocab.person_words(index.model().row(index.row()).field):
            box.addItem(word, word)
        box.setMaxVisibleItems(16)
        box.activated.connect(lambda: (self.commitData.emit(box), self.closeEditor.emit(box)))
        return box

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
