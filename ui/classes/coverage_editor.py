"""全覆盖对象: the cadre categories and ranks a class must reach in full, ticked in two lists; stored
on the class as JSON ({"categories": [...], "ranks": [...]}) for the statistics page's coverage check."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QGridLayout, QLabel, QListView, QWidget

from app.domain import vocab


def _check_list(words: tuple[str, ...]) -> tuple[QListView, QStandardItemModel]:
    model = QStandardItemModel()
    for word in words:
        item = QStandardItem(word)
        item.setCheckable(True)
        item.setEditable(False)
        model.appendRow(item)
    view = QListView()
    view.setModel(model)
    view.setMaximumHeight(view.fontMetrics().height() * 6)
    return view, model


class CoverageEditor(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category_view, self.categories = _check_list(vocab.words("cadre_categories"))
        self.rank_view, self.ranks = _check_list(vocab.ranks())
        for model in (self.categories, self.ranks):
            model.itemChanged.connect(self.changed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("干部类别"), 0, 0)
        grid.addWidget(QLabel("职级"), 0, 1)
        grid.addWidget(self.category_view, 1, 0)
        grid.addWidget(self.rank_view, 1, 1)

    @staticmethod
    def _ticked(model: QStandardItemModel) -> list[str]:
        return [model.item(row).text() for row in range(model.rowCount())
                if model.item(row).checkState() == Qt.CheckState.Checked]

    def value(self) -> str:
        categories, ranks = self._ticked(self.categories), self._ticked(self.ranks)
        if not categories and not ranks:
            return ""
        return json.dumps({"categories": categories, "ranks": ranks}, ensure_ascii=False)

    def set_value(self, text: str) -> None:
        group = json.loads(text) if text else {}
        for model, key in ((self.categories, "categories"), (self.ranks, "ranks")):
            chosen = set(group.get(key) or [])
            for row in range(model.rowCount()):
                item = model.item(row)
                item.setCheckState(Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked)
