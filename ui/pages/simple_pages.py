"""Pages that are a single list fed by one service call."""
from __future__ import annotations

from app.services import units

from ..models.lists import UnitsModel
from .list_page import ListPage


class UnitsPage(ListPage):
    title = "单位"
    search_hint = "搜索单位名称、类型或联系人"
    unit_word = "个单位"
    model_class = UnitsModel

    def rows(self) -> list:
        return units.list_units(self.session.db)
