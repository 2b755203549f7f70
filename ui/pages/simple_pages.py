"""Pages that are a single list fed by one service call."""
from __future__ import annotations

from app.services import stats, units

from ..models.lists import PeriodRostersModel, UnitsModel
from .list_page import ListPage


class UnitsPage(ListPage):
    title = "单位"
    search_hint = "搜索单位名称、类型或联系人"
    unit_word = "个单位"
    model_class = UnitsModel

    def rows(self) -> list:
        return units.list_units(self.session.db)


class DocumentsPage(ListPage):
    """Each period with its roster and seat allocation: what the office prints from."""
    title = "文书打印"
    search_hint = "搜索班次或状态"
    unit_word = "期"
    model_class = PeriodRostersModel

    def rows(self) -> list:
        return stats.period_summaries(self.session.db)
