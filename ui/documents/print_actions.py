"""One-click printing where the work happens (a roster's 打印入学通知书, a quota table's 打印选调函, a
plan's 打印计划通知 …): each opens the print dialog on the document, with its preview, 打印… and 保存PDF…,
as the print centre does. Any character no font has is reported in the preview, before a page is printed.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from app.services.documents import DocumentRequest
from app.services.teaching.timetable import has_timetable
from ui.documents.output import Printable, of_request
from ui.documents.print_dialog import PrintDialog, PrintOption
from ui.shell.session import Session


def open_print_dialog(parent: QWidget, session: Session, printable: Printable,
                      option: PrintOption | None = None) -> PrintDialog:
    """Opens the dialog over the parent's window (it makes the preview at once) and returns it."""
    dialog = PrintDialog(parent, session, printable, option)
    dialog.open()
    return dialog


def print_document(parent: QWidget, session: Session, request: DocumentRequest) -> PrintDialog:
    return open_print_dialog(parent, session, of_request(session.db, request))


def print_admission_letters(parent: QWidget, session: Session, period_id: int, unit_id: int | None = None):
    """The letters, with 附课程表 to put the period's timetable after each one when it has a timetable."""
    request = DocumentRequest("letters", period_id=period_id, unit_id=unit_id)
    if not has_timetable(session.db, period_id):
        return print_document(parent, session, request)
    option = PrintOption("附课程表", "每份入学通知书后附本期课程表（作为附件）",
                         lambda on: of_request(session.db, replace(request, with_timetable=on)))
    return open_print_dialog(parent, session, of_request(session.db, request), option)


def print_unit_letters(parent: QWidget, session: Session, period_id: int, unit_id: int | None = None):
    return print_document(parent, session, DocumentRequest("unit-letters", period_id=period_id, unit_id=unit_id))


def print_sign_in_sheets(parent: QWidget, session: Session, period_id: int, half_days: bool = False):
    return print_document(parent, session, DocumentRequest("sign-in", period_id=period_id, half_days=half_days))


def print_roster(parent: QWidget, session: Session, period_id: int, order: str = "unit"):
    return print_document(parent, session, DocumentRequest("roster", period_id=period_id, order=order))


def print_certificates(parent: QWidget, session: Session, period_id: int):
    return print_document(parent, session, DocumentRequest("certificates", period_id=period_id))


def print_plan_notice(parent: QWidget, session: Session, plan_id: int):
    return print_document(parent, session, DocumentRequest("plan-notice", plan_id=plan_id))


def print_period_summary(parent: QWidget, session: Session, period_id: int):
    return print_document(parent, session, DocumentRequest("summary", period_id=period_id))


def print_year_summary(parent: QWidget, session: Session, year: int):
    return print_document(parent, session, DocumentRequest("summary", year=year))


def print_hours_certificate(parent: QWidget, session: Session, person_id: int, year: int):
    return print_document(parent, session, DocumentRequest("hours", person_id=person_id, year=year))
