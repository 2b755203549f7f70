"""What the print centre offers: the documents, and the scope list (periods, plans or years) each needs."""
from __future__ import annotations

from dataclasses import dataclass

from ui.common.record_model import Column, RecordTableModel, attr
from ui.documents.models import PeriodRostersModel
from ui.plans.models import PlansModel

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


@dataclass(frozen=True)
class Choice:
    label: str
    kind: str
    scope: str  # period, plan or year
    units: bool = False  # may be limited to one unit
    order: bool = False  # unit order or stroke order
    half_days: bool = False


CHOICES = (
    Choice("入学通知书", "letters", "period", units=True, order=True),
    Choice("学员选调函", "unit-letters", "period", units=True),
    Choice("计划通知", "plan-notice", "plan"),
    Choice("签到表", "sign-in", "period", units=True, order=True, half_days=True),
    Choice("学员名册", "roster", "period", units=True, order=True),
    Choice("结业证书", "certificates", "period", units=True, order=True),
    Choice("期次情况汇总", "summary", "period"),
    Choice("课程表", "timetable", "period"),
    Choice("讲课费发放表", "lecture-fees", "period"),
    Choice("年度统计表", "summary", "year"),
    Choice("补训通知", "makeup-notice", "year"),  # to every unit with make-ups arranged in the year's periods
    Choice("评估问卷", "evaluation-form", "period"),
    Choice("评估报告", "evaluation-report", "period"),
)


def record_key(record) -> tuple | None:
    """What identifies a row of the scope list across reloads."""
    if record is None:
        return None
    return type(record).__name__, getattr(record, "period_id", None) or getattr(record, "id", None) or record.year
