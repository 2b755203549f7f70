"""The print centre's scope list: periods, plans or years, whichever the chosen document needs."""
from __future__ import annotations

from .lists import PeriodRostersModel, PlansModel
from .record_model import Column, RecordTableModel, attr

YEAR_COLUMNS = (
    Column("年度", attr("year"), 5, numeric=True),
    Column("期次数", attr("periods"), 5, numeric=True),
    Column("已结班", attr("held"), 5, numeric=True),
    Column("调训人次", attr("enrolled"), 6, numeric=True),
)
SCOPE_COLUMNS = {"period": PeriodRostersModel.columns, "plan": PlansModel.columns, "year": YEAR_COLUMNS}
SCOPE_WORDS = {"period": "期", "plan": "个计划", "year": "个年度"}


class ScopeModel(RecordTableModel):
    """A list whose columns change with the kind of scope it holds."""

    columns = SCOPE_COLUMNS["period"]

    def set_scope(self, scope: str, rows: list) -> None:
        self.beginResetModel()
        self.columns = SCOPE_COLUMNS[scope]
        self._rows = list(rows)
        self.endResetModel()
