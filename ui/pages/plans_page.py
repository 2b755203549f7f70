"""计划: the yearly plans; below the selected one, its general requirements and numbered work points
with the classes that carry each point out."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout

from app.domain.text import chinese_numeral
from app.services import plans

from ..models.lists import PlanItemsModel, PlansModel
from ..models.record_model import SORT_ROLE
from ..widgets import make_table
from .list_page import ListPage


class PlansPage(ListPage):
    title = "计划"
    search_hint = "搜索要点或班次"
    unit_word = "个计划"
    model_class = PlansModel
    select_first = True

    def layout_page(self) -> None:
        self.items_model = PlanItemsModel(self)
        self.items_proxy = QSortFilterProxyModel(self, filterKeyColumn=-1, sortRole=SORT_ROLE)
        self.items_proxy.setSourceModel(self.items_model)
        self.items_table = make_table(self.items_proxy, self.items_model.columns, self)
        self.items_table.setWordWrap(True)
        self.preamble = QTextBrowser(objectName="detail")
        lower = QSplitter(Qt.Orientation.Vertical)
        lower.addWidget(self.preamble)
        lower.addWidget(self.items_table)
        lower.setStretchFactor(1, 3)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        line = self.fontMetrics().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(row * 3 + line + 8)  # the header and two plans always show
        splitter.setSizes([line * 7, line * 30])
        lower.setSizes([line * 5, line * 25])
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addWidget(splitter, 1)

    def rows(self) -> list:
        return plans.list_plans(self.session.db)

    def on_search(self, text: str) -> None:
        self.items_proxy.setFilterFixedString(text.strip())

    def show_selected(self) -> None:
        plan = self.selected_record()
        if plan is None:
            self.preamble.clear()
            self.items_model.set_rows([])
            return
        outline = plans.plan_outline(self.session.db, plan.id)
        by_item = plans.classes_by_item(self.session.db, plan.id)
        self.preamble.setPlainText(plan.preamble)
        self.items_model.set_rows([
            (f"{chinese_numeral(s.section.number)}、{s.section.title}", item, by_item.get(item.id, []))
            for s in outline.sections for item in s.items
        ])
        self.items_table.resizeRowsToContents()
