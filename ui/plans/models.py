"""The plans list's columns."""
from __future__ import annotations

from ui.common.record_model import Column, RecordTableModel, attr


class PlansModel(RecordTableModel):
    columns = (
        Column("年度", attr("year"), 4, numeric=True),
        Column("计划名称", attr("title"), 18),
        Column("类型", attr("kind"), 6),
        Column("举办方式", attr("organiser_kind"), 6),
        Column("发文机关", attr("issuer"), 10),
        Column("文号", attr("doc_number"), 10),
        Column("成文日期", attr("issue_date"), 8),
        Column("计划期数", attr("planned_periods"), 5, numeric=True),
        Column("计划人数", attr("planned_trainees"), 5, numeric=True),
    )
