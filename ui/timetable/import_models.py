"""The tables of 导入课程表: the sessions as they will be stored, and the rows not imported with their reasons."""
from __future__ import annotations

from datetime import date

from ui.common.record_model import Column, RecordTableModel

_WEEKDAYS = "一二三四五六日"


def day_text(day: str) -> str:
    """2020-11-09 -> 11月9日 周一."""
    value = date.fromisoformat(day)
    return f"{value.month}月{value.day}日 周{_WEEKDAYS[value.weekday()]}"


def time_text(session) -> str:
    if session.start_time and session.end_time:
        return f"{session.start_time}-{session.end_time}"
    return session.start_time


class PlannedSessionsModel(RecordTableModel):
    """PlannedSession records (app.services.teaching.timetable_import.pipeline)."""
    columns = (
        Column("行号", lambda p: p.line, 3, numeric=True),
        Column("日期", lambda p: day_text(p.session.day), 7),
        Column("时段", lambda p: p.session.half, 3),
        Column("时间", lambda p: time_text(p.session), 6),
        Column("教学内容", lambda p: p.session.topic, 14),
        Column("教学形式", lambda p: p.session.form, 5),
        Column("授课人", lambda p: p.session.lecturer, 5),
        Column("职务职称", lambda p: p.session.lecturer_job, 8),
        Column("地点", lambda p: p.session.where, 8),
        Column("学时", lambda p: p.session.credited_hours, 3, numeric=True),
        Column("党性教育", lambda p: p.session.is_party_spirit, 4),
        Column("说明", lambda p: p.notes, 20),
    )


class LeftOutRowsModel(RecordTableModel):
    """TimetableRow records that are refused or skipped."""
    columns = (
        Column("行号", lambda r: r.label, 3, numeric=True),
        Column("结果", lambda r: r.status, 4),
        Column("教学内容", lambda r: r.topic, 14),
        Column("原因", lambda r: r.reason, 30),
    )
