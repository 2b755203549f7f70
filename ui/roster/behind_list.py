"""Picking trainees by need: the people behind their required hours (应训未训), furthest behind first."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QVBoxLayout, QWidget

from app.services.hours import ledger
from ui.common.record_model import Column, RecordTableModel, attr
from ui.common.widgets import make_table


class BehindModel(RecordTableModel):
    columns = (
        Column("姓名", attr("name"), 5),
        Column("工作单位", attr("unit_name"), 12),
        Column("职级", attr("rank"), 7),
        Column("本年学时", attr("total"), 5, numeric=True),
        Column("差额", attr("shortfall"), 4, numeric=True),
        Column("网络学习差额", attr("online_shortfall"), 6, numeric=True),
    )


class BehindList(QWidget):
    selection_changed = Signal()

    def __init__(self, db, year: int, parent=None):
        super().__init__(parent)
        self.model = BehindModel(self)
        self.model.set_rows(ledger.behind(db, year))
        proxy = QSortFilterProxyModel(self, filterKeyColumn=-1)
        proxy.setSourceModel(self.model)
        self.proxy = proxy
        self.text = QLineEdit(placeholderText="按姓名、单位或职级筛选", clearButtonEnabled=True)
        self.text.textChanged.connect(lambda text: proxy.setFilterFixedString(text.strip()))
        self.table = make_table(proxy, self.model.columns, self)
        self.table.setSortingEnabled(False)  # the order is the point: furthest behind first
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.table, 1)

    def selected_ids(self) -> list[int]:
        rows = sorted(self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows())
        return [self.model.record(row).person_id for row in rows]
