"""讲课费发放表 from wherever the clerk is: printed through the print dialog (preview, 打印…, 保存PDF…) or saved
as Excel, for a period (the 师资 page, the period's window) or a lecturer's year; and the 讲课费标准 dialog."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.services.documents import DocumentRequest
from app.services.exports import lecture_fees
from ui.common import messages
from ui.common.files import XLSX_FILTER, ask_save_file, export_workbook
from ui.common.write_access import edit_settings
from ui.documents import print_actions
from ui.shell.changes import Changed


def print_period_fees(parent: QWidget, session, period_id: int):
    return print_actions.print_document(parent, session, DocumentRequest("lecture-fees", period_id=period_id))


def print_lecturer_fees(parent: QWidget, session, lecturer_id: int, year: int):
    return print_actions.print_document(parent, session,
                                        DocumentRequest("lecture-fees", lecturer_id=lecturer_id, year=year))


def ask_path(parent: QWidget, name: str) -> Path | None:
    """Where to save (None when cancelled); tests replace this."""
    return ask_save_file(parent, "导出讲课费发放表", name, XLSX_FILTER)


def _export(parent: QWidget, table, write) -> Path | None:
    if len(table.rows) <= 1:  # the total alone
        messages.info(parent, "导出讲课费发放表", f"{table.title.removesuffix('讲课费发放表')}没有安排授课人的课程。")
        return None
    return export_workbook(parent, "导出讲课费发放表", f"{table.title}.xlsx", write,
                           ask=lambda parent, name: ask_path(parent, name))


def export_period_fees(parent: QWidget, session, period_id: int) -> Path | None:
    db = session.db
    return _export(parent, lecture_fees.period_table(db, period_id),
                   lambda path: lecture_fees.export_period(db, period_id, path))


def export_lecturer_fees(parent: QWidget, session, lecturer_id: int, year: int) -> Path | None:
    db = session.db
    return _export(parent, lecture_fees.lecturer_table(db, lecturer_id, year),
                   lambda path: lecture_fees.export_lecturer(db, lecturer_id, year, path))


def edit_fee_rules(parent: QWidget, session) -> bool:
    from ui.teaching.fee_settings import FeeSettingsDialog

    return edit_settings(parent, session, "讲课费标准", lambda: FeeSettingsDialog(session.db, parent), Changed.SETTINGS)
