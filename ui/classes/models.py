"""The classes list's columns."""
from __future__ import annotations

from ui.common.record_model import Column, RecordTableModel, attr


def organiser(c) -> str:
    """本级举办, 上级调训, or 单位自办 with its unit: 单位自办（县财政局）."""
    return f"{c.organiser_kind}（{c.unit_name}）" if c.unit_name else c.organiser_kind


class ClassesModel(RecordTableModel):
    columns = (
        Column("所属计划", attr("plan_title"), 14),
        Column("序号", attr("seq"), 3, numeric=True),
        Column("班次名称", attr("name"), 22),
        Column("类型", attr("kind"), 5),
        Column("举办方式", organiser, 6),
        Column("点名调训", attr("roll_call"), 4),
        Column("承办", attr("host"), 10),
        Column("计划期数", attr("planned_periods"), 4, numeric=True),
        Column("每期人数", attr("trainees_per_period"), 4, numeric=True),
        Column("学制(天)", attr("length_days"), 4, numeric=True),
        Column("总课时", attr("total_hours"), 4, numeric=True),
        Column("调训对象", attr("target_trainees"), 16),
    )
