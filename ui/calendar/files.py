"""The calendar in files: the year as .ics saved where the user names, the month as a PDF page in the print
dialog."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from app.services import calendar_events
from app.services.calendar_events import CalendarEntry, CalendarFilter
from app.services.documents import record_made
from ui.calendar.grid_painter import Marks
from ui.calendar.printing import print_month_pdf
from ui.common import messages
from ui.common.files import ask_save_file
from ui.documents.output import Printable
from ui.documents.print_actions import open_print_dialog
from ui.documents.print_dialog import PrintDialog


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


def print_month(parent: QWidget, session, anchor: date, first_day: date, weeks: int, entries: list[CalendarEntry],
                marks: Marks, subtitle: str, legend: list[tuple[str, str]]) -> PrintDialog:
    """The month on one A4 page, in the print dialog: preview, then 打印… or 保存PDF… (the text PDF)."""
    title = f"{anchor.year}年{anchor.month}月干部教育培训日历"
    font = QFont(parent.font())

    def make(db, target: Path, progress) -> int:
        print_month_pdf(target, first_day, weeks, title, entries, marks, subtitle, legend, font)
        return 1

    return open_print_dialog(parent, session, Printable(
        "日历", f"{title}.pdf", make, lambda db, pages, how: record_made(db, "calendar", title, pages, how)))
