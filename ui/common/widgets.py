"""Small widget helpers shared by the pages: tables sized by their columns, headings."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from ui.common.record_model import Column


def make_table(model, columns: tuple[Column, ...], parent=None) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order until a header is clicked
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    size_columns(table, columns)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def size_columns(table: QTableView, columns: tuple[Column, ...]) -> None:
    """Each column as wide as its width in average Chinese characters."""
    char = table.fontMetrics().horizontalAdvance("汉")
    for index, column in enumerate(columns):
        if column.width:
            table.horizontalHeader().resizeSection(index, column.width * char + 16)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("note")
    return label
