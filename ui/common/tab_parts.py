"""What the period window's tabs of lists are built from (课程表, 经费, 班级管理, 评估): a list that opens its row
on a double click, a titled part with its buttons above its list, and a button that calls its slot."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ui.common.flow_layout import FlowLayout
from ui.common.widgets import make_table


def list_table(parent: QWidget, model, stretch: int, on_open: Callable[[], object]) -> QTableView:
    """The model's rows in their own order (not sortable), column `stretch` taking the spare width."""
    table = make_table(model, model.columns, parent)
    table.setSortingEnabled(False)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.doubleClicked.connect(lambda _index: on_open())
    return table


def titled_part(title: str, buttons: FlowLayout, table: QTableView) -> QWidget:
    part = QWidget()
    layout = QVBoxLayout(part)
    layout.setContentsMargins(0, 4, 0, 0)
    top = QHBoxLayout()
    top.addWidget(QLabel(f"<b>{title}</b>"))
    top.addLayout(buttons, 1)
    layout.addLayout(top)
    layout.addWidget(table, 1)
    return part


def tab_button(text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    """A button calling slot() with no arguments (not clicked's checked flag)."""
    button = QPushButton(text, toolTip=tip)
    button.clicked.connect(lambda: slot())
    return button
