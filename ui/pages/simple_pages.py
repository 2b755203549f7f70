"""Pages that are a single list fed by one service call; a double-click on a period opens its roster."""
from __future__ import annotations

from app.services import classes, stats

from ..models.lists import PeriodRostersModel, PeriodsModel
from ..period_actions import open_period
from .list_page import ListPage
from .units_page import UnitsPage  # noqa: F401  (moved to its own module; main_window imports it from here)


class _PeriodList(ListPage):
    """A list of periods: double-click opens the period's roster; roster changes refresh the counts."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.table.doubleClicked.connect(self.open_selected)
        session.data_changed.connect(self._data_changed)

    def period_id(self, record) -> int:
        return record.id

    def open_selected(self) -> None:
        record = self.selected_record()
        if record is not None:
            open_period(self, self.session, self.period_id(record))

    def _data_changed(self, kind: str) -> None:
        if kind in ("enrollments", "quotas", "periods"):
            self.refresh()


class CalendarPage(_PeriodList):
    """The year's periods in date order."""
    title = "日历"
    search_hint = "搜索班次、日期、地点或状态"
    unit_word = "期"
    model_class = PeriodsModel

    def rows(self) -> list:
        return classes.list_periods(self.session.db)


class DocumentsPage(_PeriodList):
    """Each period with its roster and seat allocation: what the office prints from."""
    title = "文书打印"
    search_hint = "搜索班次或状态"
    unit_word = "期"
    model_class = PeriodRostersModel

    def rows(self) -> list:
        return stats.period_summaries(self.session.db)

    def period_id(self, record) -> int:
        return record.period_id
