"""One-click printing where the work happens (a roster's 打印入学通知书, a quota table's 打印选调函, a
plan's 打印计划通知 …): the print dialog opens at once; the document is then made and printed by an
operation (off the UI thread with progress and cancel). Any character no font has is reported before a
page is printed.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QWidget

from app.services.documents import KINDS, DocumentRequest, record_output, render
from app.services.progress import Progress
from ui.documents import printing
from ui.shell.changes import NOTHING
from ui.shell.ops import run_op
from ui.shell.session import Session
from ui.shell.tasks import Task


def _share(progress: Progress, start: int, parts: int) -> Progress:
    """The part of a task's progress bar one step of it fills (making the document, then printing it)."""
    def report(done: int, total: int) -> None:
        progress.report(start * total + done, parts * max(total, 1))
    return Progress(report=report, is_cancelled=progress.is_cancelled)


def make_and_print(db, request: DocumentRequest, printer: QPrinter, progress: Progress) -> int:
    """The worker's part: the PDF in a temporary folder, then the printer, then the audit log's line."""
    with tempfile.TemporaryDirectory(prefix="traindesk-print-") as folder:
        pdf = Path(folder) / "document.pdf"
        render(db, request, pdf, _share(progress, 0, 2))
        pages = printing.print_pdf(pdf, printer, _share(progress, 1, 2))
        record_output(db, request, pages, "打印")
        return pages


def show_status(parent: QWidget, text: str) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


def print_document(parent: QWidget, session: Session, request: DocumentRequest) -> Task | None:
    """Asks for the printer, then makes and prints the document; None when the user cancelled the dialog."""
    label = KINDS[request.kind].label
    printer = printing.new_printer(label)
    if not printing.ask_printer(parent, printer):
        return None
    return run_op(parent, session, lambda db, progress: make_and_print(db, request, printer, progress),
                  changed=NOTHING, label=f"正在打印{label}…",  # the audit log's line is no page's data
                  on_done=lambda pages: show_status(parent, f"{label}已送往打印机，共{pages}页"))


def print_admission_letters(parent: QWidget, session: Session, period_id: int, unit_id: int | None = None):
    return print_document(parent, session, DocumentRequest("letters", period_id=period_id, unit_id=unit_id))


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
