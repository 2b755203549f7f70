"""The statistics page's tables: classes, breakdowns, the hours ledger and coverage."""
from __future__ import annotations

from ui.common.record_model import Column, RecordTableModel, attr


class ClassSummaryModel(RecordTableModel):
    columns = (
        Column("所属计划", attr("plan_title"), 14),
        Column("班次", attr("name"), 22),
        Column("类型", attr("kind"), 5),
        Column("举办方式", attr("organiser_kind"), 5),
        Column("计划期数", attr("planned_periods"), 4, numeric=True),
        Column("已排期数", attr("scheduled_periods"), 4, numeric=True),
        Column("已结班", attr("closed_periods"), 4, numeric=True),
        Column("计划人数", attr("planned_trainees"), 4, numeric=True),
        Column("调训人次", attr("enrolled"), 4, numeric=True),
        Column("结业人次", attr("completed"), 4, numeric=True),
        Column("学时合计", attr("hours"), 5, numeric=True),
    )


class OrganiserModel(RecordTableModel):
    """本级举办, 上级调训, 单位自办 each apart, and their sum in a row of its own, labelled."""
    columns = (
        Column("举办方式", attr("kind"), 12),
        Column("计划期数", attr("planned_periods"), 4, numeric=True),
        Column("已排期数", attr("scheduled_periods"), 4, numeric=True),
        Column("已结班", attr("held_periods"), 4, numeric=True),
        Column("计划人数", attr("planned_trainees"), 4, numeric=True),
        Column("调训人次", attr("person_times"), 4, numeric=True),
        Column("结业人次", attr("completed"), 4, numeric=True),
        Column("学时合计", attr("hours"), 5, numeric=True),
    )


class BreakdownModel(RecordTableModel):
    """One row per class kind, unit, category or rank: 人次, completed, hours."""
    columns = (
        Column("名称", attr("label"), 16),
        Column("人次", attr("person_times"), 5, numeric=True),
        Column("结业人次", attr("completed"), 5, numeric=True),
        Column("学时", attr("hours"), 6, numeric=True),
    )


class HoursModel(RecordTableModel):
    columns = (
        Column("姓名", attr("name"), 5),
        Column("工作单位", attr("unit_name"), 10),
        Column("职级", attr("rank"), 6),
        Column("层次", attr("level"), 6),
        Column("本年班次学时", attr("classes"), 6, numeric=True),
        Column("其他集中学时", attr("other"), 6, numeric=True),
        Column("网络学习", attr("online"), 5, numeric=True),
        Column("计入要求学时", attr("window_hours"), 6, numeric=True),
        Column("要求", attr("required"), 4, numeric=True),
        Column("差额", attr("shortfall"), 4, numeric=True),
        Column("网络学习差额", attr("online_shortfall"), 6, numeric=True),
        Column("状态", attr("status"), 6),
    )


class CoverageModel(RecordTableModel):
    columns = (
        Column("姓名", attr("name"), 5),
        Column("工作单位", attr("unit_name"), 12),
        Column("职务", attr("post"), 8),
        Column("职级", attr("rank"), 6),
        Column("干部类别", attr("cadre_category"), 8),
        Column("联系电话", attr("phone"), 10),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.due: set[int] = set()  # people who are 待补训 (a roll-call class): marked, not merely uncovered
        self.columns = (*type(self).columns, Column("补训", lambda p: "待补训" if p.id in self.due else "", 5))

    def set_missing(self, missing: list, due: set[int]) -> None:
        self.due = set(due)
        self.set_rows(missing)
