"""Timetables as Party schools and hosts send them, written by the tests: .xlsx (openpyxl) with a title, a
note under it and a day's date merged down over its sessions; .xls (xlwt) with dates written as text;
CSV in GBK. `week(first)` is a four-day plan starting on `first`, as the rows of HEADER."""
from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import xlwt
from openpyxl import Workbook

from app.domain.status import PeriodStatus
from app.domain.teaching_records import Lecturer, TeachingBase
from app.services.teaching import lecturers, timetable
from app.storage import tables

HEADER = ["日期", "时间", "教学内容", "授课人", "职务职称", "教学地点", "教学形式", "学时", "备注"]
POOL_NAME = "苏晓岚"  # a lecturer of the pool, matched by name
TYPED_NAME = "贺明远"  # a lecturer the pool does not know: kept as typed
BASE = "王良故居党性教育基地"


def week(first: date) -> list[list]:
    """Rows in HEADER's order: 8 sessions over 4 days, with a lunch and a free evening between them."""
    days = [first + timedelta(days=n) for n in range(4)]
    return [
        [days[0], "上午8:30-9:00", "开班式", "", "", "县委党校报告厅", "", "", ""],
        [days[0], "上午9:00-11:30", "学习贯彻党的二十大精神", f"{POOL_NAME}", "市委党校教授", "县委党校报告厅", "专题辅导", "", ""],
        [days[0], "12:00-14:00", "午餐、午休", "", "", "", "", "", ""],
        [days[0], "14:30～17:30", "乡村振兴战略与县域实践", f"{TYPED_NAME} 县农业农村局局长", "", "", "专题讲座", 3, ""],
        [days[1], "上午", "重温入党誓词", "", "", "王良故居", "现场教学", "", "带党徽"],
        [days[1], "下午", "党性分析交流", "", "", "", "分组研讨", "", ""],
        [days[1], "晚上", "", "", "", "", "", "", ""],
        [days[2], "全天", "实岗锻炼", "", "", "", "", 8, ""],
        [days[3], "下午2:30-5:00", "结业式", "", "", "县委党校报告厅", "", "", ""],
    ]


def sessions_in_week() -> int:
    return 8  # the full day counts twice; the lunch and the free evening are skipped


def write_xlsx(path: Path, rows: list[list], header: list[str] = HEADER, *,
               title: str = "县管领导干部专题培训班课程安排表", merge_days: bool = True) -> Path:
    """A title merged over the table, a note under it, the header on row 3, each day's date merged down."""
    book = Workbook()
    sheet = book.active
    sheet.title = "课程表"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(["（培训地点：县委党校　联系人：李老师）"])
    sheet.append(header)
    first_row = 4
    for row in rows:
        sheet.append(row)
    for cell in sheet["A"][first_row - 1:]:
        if isinstance(cell.value, date):
            cell.number_format = "m月d日"
    if merge_days:
        _merge_days(sheet, rows, first_row)
    sheet.append([])
    sheet.append(["注：课程如有调整，另行通知。"])
    book.save(path)
    return path


def _merge_days(sheet, rows: list[list], first_row: int) -> None:
    """The date cell of a day's first row merged over the rows below that repeat it (they are emptied)."""
    start = 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or rows[index][0] != rows[start][0]:
            if index - start > 1:
                for below in range(first_row + start + 1, first_row + index):
                    sheet.cell(below, 1).value = None
                sheet.merge_cells(start_row=first_row + start, start_column=1, end_row=first_row + index - 1,
                                  end_column=1)
            start = index


def write_xls(path: Path, rows: list[list], header: list[str] = HEADER) -> Path:
    """An old .xls as WPS saves it: a merged title, dates typed as text (3月2日（星期一）), merged down."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    sheet.write_merge(0, 0, 0, len(header) - 1, "课程表")
    for column, text in enumerate(header):
        sheet.write(1, column, text)
    start = 0
    for index, row in enumerate(rows):
        for column, value in enumerate(row[1:], start=1):
            sheet.write(index + 2, column, value)
        if index + 1 == len(rows) or rows[index + 1][0] != rows[start][0]:
            day = rows[start][0]
            text = f"{day.month}月{day.day}日（星期{'一二三四五六日'[day.weekday()]}）" if isinstance(day, date) else day
            sheet.write_merge(start + 2, index + 2, 0, 0, text)
            start = index + 1
    book.save(str(path))
    return path


def write_csv(path: Path, rows: list[list], header: list[str] = HEADER, encoding: str = "gbk") -> Path:
    """Dates as 2020.3.2, the date left blank under a day's first row (as a sheet without merged cells)."""
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        previous = None
        for row in rows:
            day = row[0]
            shown = "" if day == previous else (f"{day.year}.{day.month}.{day.day}" if isinstance(day, date) else day)
            previous = day
            writer.writerow([shown, *row[1:]])
    return path


def open_period(db, min_days: int = 5):
    """An open period of at least min_days with no timetable (a demo timetable is cleared first)."""
    period = next(p for p in tables.periods(db).all() if not PeriodStatus.is_closed(p.status) and p.days >= min_days)
    if timetable.has_timetable(db, period.id):
        timetable.replace_timetable(db, period.id, [], "清空课程表")
    return period


def pool(db) -> tuple[int, int]:
    """(the pool lecturer's id, the base's id): made unless the database has them."""
    found = [lecturer for lecturer in lecturers.list_lecturers(db) if lecturer.name == POOL_NAME]
    lecturer = found[0] if found else lecturers.save_lecturer(
        db, Lecturer(POOL_NAME, unit="市委党校", post="教授", title="正高级", kind="党校教师"))
    bases = [base for base in lecturers.list_bases(db) if base.name == BASE]
    base = bases[0] if bases else lecturers.save_base(db, TeachingBase(BASE, kind="党性教育基地"))
    return lecturer.id, base.id
