"""Pages that are a single list fed by one service call."""
from __future__ import annotations

from app.services import classes, units

from ..models.lists import PeriodsModel, UnitsModel
from .list_page import ListPage


class UnitsPage(ListPage):
    title = "单位"
    search_hint = "搜索单位名称、类型或联系人"
    unit_word = "个单位"
    model_class = UnitsModel

    def rows(self) -> list:
        return units.list_units(self.session.db)


class CalendarPage(ListPage):
    """The year's periods in date order."""
    title = "日历"
    search_hint = "搜索班次、日期、地点或状态"
    unit_word = "期"
    model_class = PeriodsModel

    def rows(self) -> list:
        return classes.list_periods(self.session.db)

