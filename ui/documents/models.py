"""The print centre's list of periods with their rosters."""
from __future__ import annotations

from ui.common.record_model import Column, RecordTableModel, attr


class PeriodRostersModel(RecordTableModel):
    columns = (
        Column("班次", attr("class_name"), 22),
        Column("期次", lambda s: f"第{s.number}期", 4),
        Column("开始日期", attr("start_date"), 8),
        Column("状态", attr("status"), 4),
        Column("学员人数", attr("enrolled"), 5, numeric=True),
        Column("涉及单位", attr("roster_units"), 5, numeric=True),
        Column("分配名额单位", attr("quota_units"), 6, numeric=True),
        Column("分配名额", attr("quota_seats"), 5, numeric=True),
    )
