"""Saving the calendar to files the user names: the year as .ics, the month as a PDF page."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domain.errors import UserError
from app.services import calendar_events
from app.services.calendar_events import CalendarEntry, CalendarFilter
from ui.calendar.grid_painter import Marks
from ui.calendar.printing import print_month_pdf
from ui.common import messages
from ui.common.files import ask_save_file


def ask_path(parent: QWidget, title: str, name: str, kind: str) -> Path | None:
    """The file the user chose (None when cancelled); tests replace this."""
    return ask_save_file(parent, title, name, kind)


def export_ics(parent: QWidget, db, year: int, where: CalendarFilter) -> Path | None:
    path = ask_path(parent, "导出日历", f"{year}年干部教育培训日历.ics", "iCalendar 日历文件 (*.ics)")
    if path is None:
        return None
    text = calendar_events.ics_text(db, year, where)
    try:
        path.write_bytes(text.encode("utf-8"))
    except OSError as error:
        messages.error(parent, "未能导出", f"无法写入 {path}：{error.strerror or error}")
        return None
    messages.info(parent, "已导出", f"已把{year}年的{text.count('BEGIN:VEVENT')}期导出到：\n{path}\n\n"
                                  "可在 Outlook、WPS 日历或手机日历中导入。")
    return path


def print_month(parent: QWidget, anchor: date, first_day: date, weeks: int, entries: list[CalendarEntry],
                marks: Marks, subtitle: str, legend: list[tuple[str, str]]) -> Path | None:
    title = f"{anchor.year}年{anchor.month}月干部教育培训日历"
    path = ask_path(parent, "打印本月（保存为 PDF）", f"{title}.pdf", "PDF 文件 (*.pdf)")
    if path is None:
        return None
    try:
        print_month_pdf(path, first_day, weeks, title, entries, marks, subtitle, legend, parent.font())
    except UserError as error:
        messages.error(parent, "未能打印", str(error))
        return None
    messages.info(parent, "已保存", f"本月日历已保存为 PDF：\n{path}")
    return path
