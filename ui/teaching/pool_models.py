"""The 师资 page's columns: lecturers (phones masked), bases, a lecturer's or a base's sessions, the course library."""
from __future__ import annotations

from ui.common.record_model import Column, RecordTableModel, attr


def _state(record) -> str:
    return "停用" if record.archived else ""


class LecturerModel(RecordTableModel):
    columns = (
        Column("姓名", attr("name"), 5),
        Column("类别", attr("kind"), 5),
        Column("职称", attr("title_shown"), 9),
        Column("工作单位", attr("unit"), 10),
        Column("职务", attr("post"), 6),
        Column("授课方向", attr("fields"), 8),
        Column("联系电话", attr("masked_phone"), 9),
        Column("授课次数", attr("sessions"), 4, numeric=True),
        Column("状态", _state, 3),
        Column("评估满意率", attr("evaluation"), 8),
    )


class BaseModel(RecordTableModel):
    columns = (
        Column("基地名称", attr("name"), 14),
        Column("类别", attr("kind"), 7),
        Column("地址", attr("address"), 14),
        Column("联系人", attr("contact_name"), 5),
        Column("联系电话", attr("contact_phone"), 9),
        Column("容量", attr("capacity"), 4, numeric=True),
        Column("教学次数", attr("sessions"), 4, numeric=True),
        Column("状态", _state, 3),
    )


def _session(name: str):
    return lambda taught: getattr(taught.session, name)


class TaughtModel(RecordTableModel):
    """A lecturer's sessions (or a base's): each opens its period's window."""
    columns = (
        Column("日期", _session("day"), 7),
        Column("时段", _session("half"), 3),
        Column("期次", attr("period_label"), 12, elide_middle=True),
        Column("课程内容", _session("topic"), 14),
        Column("教学形式", _session("form"), 5),
        Column("授课人", _session("lecturer"), 5),
        Column("地点", _session("where"), 7),
        Column("学时", _session("credited_hours"), 3, numeric=True),
    )


class TopicModel(RecordTableModel):
    columns = (
        Column("课程内容", attr("topic"), 18),
        Column("标记", attr("kind"), 5),
        Column("授课次数", attr("sessions"), 4, numeric=True),
        Column("期次数", attr("periods"), 4, numeric=True),
        Column("授课人", attr("lecturers"), 14),
        Column("首次", attr("first_day"), 7),
        Column("最近", attr("last_day"), 7),
        Column("评估满意率", attr("evaluation"), 8),
    )
