"""学员: the people archive, searched through the service (ID numbers are masked on screen,
so the search must run on the stored numbers, not on what the table shows)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox

from app.services import people, units

from ..models.lists import PeopleModel
from .list_page import ListPage

SEARCH_DELAY_MS = 150


class PeoplePage(ListPage):
    title = "学员"
    search_hint = "搜索姓名、身份证号、电话或单位"
    unit_word = "人"
    model_class = PeopleModel

    def __init__(self, session, parent=None):
        self.unit_filter = QComboBox()
        self.unit_filter.setMinimumContentsLength(10)
        super().__init__(session, parent)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.unit_filter.currentIndexChanged.connect(self.refresh)

    def filter_widgets(self) -> list:
        return [self.unit_filter]

    def on_search(self, text: str) -> None:
        self._timer.start()

    def rows(self) -> list:
        return people.search_people(self.session.db, self.search.text(), self.unit_filter.currentData())

    def reload(self) -> None:
        self._fill_units()
        super().reload()

    def update_count(self) -> None:
        total = people.count_people(self.session.db)
        shown = self.model.rowCount()
        text = f"共 {total} 人"
        self.count_label.setText(text if shown == total else f"找到 {shown} 人（{text}）")

    def _fill_units(self) -> None:
        current = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem("全部单位", None)
        for unit in units.list_units(self.session.db):
            self.unit_filter.addItem(unit.name, unit.id)
        index = self.unit_filter.findData(current)
        self.unit_filter.setCurrentIndex(max(index, 0))
        self.unit_filter.blockSignals(False)
