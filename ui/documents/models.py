"""The print centre's list of periods with their rosters."""
from __future__ import annotations

from ui.common.record_model import Column, RecordTableModel, attr


class PeriodRostersModel(RecordTableModel):
    columns = (
        # one column: a narrow list cuts the name in the middle, and the period's number always shows
        Column("班次期次", lambda s: f"{s.class_name} 第{s.number}期", 24, elide_middle=True),
        Column("开始日期", attr("start_date"), 8),
        Column("状态", attr("status"), 4),
        Column("学员人数", attr("enrolled"), 5, numeric=True),
        Column("涉及单位", attr("roster_units"), 5, numeric=True),
        Column("分配名额单位", attr("quota_units"), 6, numeric=True),
        Column("分配名额", attr("quota_seats"), 5, numeric=True),
    )
