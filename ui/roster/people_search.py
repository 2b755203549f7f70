"""Searching the archive to pick people: a search box, a unit filter and a paged list."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.services import people, units
from ui.common.widgets import make_table
from ui.people.people_model import PagedPeopleModel


class PeopleSearch(QWidget):
    selection_changed = Signal()

    def __init__(self, db, *, multiple: bool, parent=None):
        super().__init__(parent)
        self.db = db
        self.text = QLineEdit(placeholderText="姓名、拼音首字母、身份证号、电话或单位", clearButtonEnabled=True)
        self.unit = QComboBox(minimumContentsLength=10)
        self.unit.addItem("全部单位", None)
        for unit in units.list_units(db):
            self.unit.addItem(unit.name, unit.id)
        self.model = PagedPeopleModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        mode = QAbstractItemView.SelectionMode
        self.table.setSelectionMode(mode.ExtendedSelection if multiple else mode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.model.modelReset.connect(self.selection_changed)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.text.textChanged.connect(self._timer.start)
        self.unit.currentIndexChanged.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.unit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.search(self.db, people.PeopleFilter(self.text.text(), self.unit.currentData()))

    def selected(self) -> list:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.record(row) for row in rows]
