"""The columns of each list the pages show."""
from __future__ import annotations

from app.domain.idcard import mask_id
from ui.models.record_model import Column, RecordTableModel, attr


class PeopleModel(RecordTableModel):
    columns = (
        Column("姓名", attr("name"), 6),
        Column("性别", attr("gender"), 3),
        Column("民族", attr("ethnicity"), 5),
        Column("出生日期", attr("birth_date"), 8),
        Column("身份证号码", attr("id_number"), 14, mask=mask_id),
        Column("工作单位", attr("unit_name"), 12),
        Column("职务", attr("post"), 8),
        Column("职级", attr("rank"), 8),
        Column("干部类别", attr("cadre_category"), 8),
        Column("政治面貌", attr("political_status"), 6),
        Column("联系电话", attr("phone"), 10),
    )


class UnitsModel(RecordTableModel):
    columns = (
        Column("顺序", attr("sort_order"), 4, numeric=True),
        Column("单位名称", attr("name"), 16),
        Column("单位类型", attr("kind"), 7),
        Column("人数", attr("people_count"), 4, numeric=True),
        Column("联系人", attr("contact_name"), 6),
        Column("联系电话", attr("contact_phone"), 11),
    )


class PlansModel(RecordTableModel):
    columns = (
        Column("年度", attr("year"), 4, numeric=True),
        Column("计划名称", attr("title"), 18),
        Column("类型", attr("kind"), 6),
        Column("发文机关", attr("issuer"), 10),
        Column("文号", attr("doc_number"), 10),
        Column("成文日期", attr("issue_date"), 8),
        Column("计划期数", attr("planned_periods"), 5, numeric=True),
        Column("计划人数", attr("planned_trainees"), 5, numeric=True),
    )



class ClassesModel(RecordTableModel):
    columns = (
        Column("所属计划", attr("plan_title"), 14),
        Column("序号", attr("seq"), 3, numeric=True),
        Column("班次名称", attr("name"), 22),
        Column("类型", attr("kind"), 5),
        Column("承办", attr("host"), 10),
        Column("计划期数", attr("planned_periods"), 4, numeric=True),
        Column("每期人数", attr("trainees_per_period"), 4, numeric=True),
        Column("学制(天)", attr("length_days"), 4, numeric=True),
        Column("总课时", attr("total_hours"), 4, numeric=True),
        Column("调训对象", attr("target_trainees"), 16),
    )



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


class ClassSummaryModel(RecordTableModel):
    columns = (
        Column("所属计划", attr("plan_title"), 14),
        Column("班次", attr("name"), 22),
        Column("类型", attr("kind"), 5),
        Column("计划期数", attr("planned_periods"), 4, numeric=True),
        Column("已排期数", attr("scheduled_periods"), 4, numeric=True),
        Column("已结班", attr("closed_periods"), 4, numeric=True),
        Column("计划人数", attr("planned_trainees"), 4, numeric=True),
        Column("调训人次", attr("enrolled"), 4, numeric=True),
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


class HoursRecordsModel(RecordTableModel):
    """A person's hours from outside the office's classes: entered by hand or imported."""
    columns = (
        Column("年度", attr("year"), 4, numeric=True),
        Column("类别", attr("kind"), 5),
        Column("学时", attr("hours"), 4, numeric=True),
        Column("来源", attr("source"), 14),
        Column("日期", attr("date"), 7),
        Column("备注", attr("notes"), 12),
    )
