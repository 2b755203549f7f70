"""The people page's columns: people, and one person's hours records."""
from __future__ import annotations

from app.domain.idcard import mask_id
from ui.common.record_model import Column, RecordTableModel, attr


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
