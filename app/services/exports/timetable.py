"""A period's 课程表 as a formatted .xlsx: the printed columns, each date merged over its day's rows (the
timetable import reads such merged cells back as the date of each row), a total line; logged."""
from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Font

from app.domain.errors import UserError
from app.services.documents.formats import month_day, weekday
from app.services.documents.timetable import form_text, lecturer_text
from app.services.exports.xlsx import XlsxColumn, add_table, new_workbook, save
from app.services.roster import period_of
from app.services.safety import audit
from app.services.teaching import timetable
from app.services.teaching.shares import hours_text, totals
from app.storage.connection import Database

COLUMNS = [
    XlsxColumn("日期", 6, center=True),
    XlsxColumn("时间", 6, center=True),
    XlsxColumn("课程内容", 16),
    XlsxColumn("教学形式", 5, center=True),
    XlsxColumn("授课人（职务职称）", 12),
    XlsxColumn("地点", 9),
    XlsxColumn("学时", 3, center=True),
]


def export_timetable(db: Database, period_id: int, path: str | Path) -> Path:
    period = period_of(db, period_id)
    title = f"{period.class_name}第{period.number}期课程表"
    rows = timetable.timetable(db, period_id)
    if not rows:
        raise UserError(f"{title[:-3]}还没有课程表，没有可导出的内容")
    values = [[f"{month_day(s.day)}（{weekday(s.day)}）", _time(s), s.topic, form_text(s), lecturer_text(s), s.where,
               s.credited_hours] for s in rows]
    values.append(["合计", "", "", "", "", "", totals(rows).hours])
    book = new_workbook()
    sheet = add_table(book, "课程表", title, COLUMNS, values,
                      subtitle=f"培训时间：{period.start_date}至{period.end_date}　共{len(rows)}节课", landscape=False)
    first = sheet.max_row - len(values) + 1
    _merge_days(sheet, first, [s.day for s in rows])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=6)
    for column in range(1, 8):
        sheet.cell(sheet.max_row, column).font = Font(name="宋体", bold=True)
    saved = save(book, path)
    if audit.can_record(db):
        audit.record(db, "导出课程表", "period", period_id,
                     f"{title}：{len(rows)}节课，{hours_text(totals(rows).hours)}学时，保存为 {saved.name}")
    return saved


def _time(s) -> str:
    return f"{s.half} {s.start_time}-{s.end_time}" if s.start_time and s.end_time else s.half


def _merge_days(sheet, first_row: int, days: list[str]) -> None:
    start = 0
    for index in range(1, len(days) + 1):
        if index == len(days) or days[index] != days[start]:
            if index - start > 1:
                sheet.merge_cells(start_row=first_row + start, start_column=1,
                                  end_row=first_row + index - 1, end_column=1)
            start = index
