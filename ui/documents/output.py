"""What the print centre and the print dialog share: a document to make (Printable), making it off the UI
thread, what a failed preview says, sending the finished PDF to a printer, saving a copy of it, and saving
it as an editable Word file (made again from the data, in a worker with progress and cancel).

A saved PDF is always the file that was previewed, copied: the text PDF reportlab (or the calendar's
QPdfWriter) made, never pages rendered for a printer. Printing and saving are noted in the audit log.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import QMainWindow, QWidget

from app.domain.errors import UserError
from app.services.documents import KINDS, DocumentRequest, file_name, record_output, render
from app.services.progress import Cancelled, Progress
from app.services.safety import error_log
from ui.common import messages
from ui.common.files import ask_save_file
from ui.documents import printing
from ui.shell.changes import NOTHING
from ui.shell.ops import run_op
from ui.shell.tasks import Task, run_task


@dataclass(frozen=True)
class Printable:
    """A document as the window prints it: its name, how it is made and how its leaving is logged."""
    label: str  # 入学通知书
    file_name: str  # offered when saving
    make: Callable[[Any, Path, Progress], int]  # (db, target, progress) -> pages, in a worker
    record: Callable[[Any, int, str], None]  # (db, pages, "打印" or "保存") -> the audit log's line
    key: object = None  # what was asked for: the print centre prints only the preview of its current choice
    word: Callable[[Any, Path, Progress], int] | None = None  # (db, target, progress) -> letters, as .docx
    record_word: Callable[[Any, int], None] | None = None  # (db, letters) -> the audit log's line


def of_request(db, request: DocumentRequest) -> Printable:
    """A reportlab document of app.services.documents."""
    def make(worker_db, target: Path, progress: Progress) -> int:
        return render(worker_db, request, target, progress)

    return Printable(KINDS[request.kind].label, file_name(db, request), make,
                     lambda log_db, pages, how: record_output(log_db, request, pages, how), request,
                     word=make, record_word=lambda log_db, count: record_output(log_db, request, count, "保存", word=True))


@dataclass(frozen=True)
class Shown:
    """A finished preview: what printing and saving send out."""
    printable: Printable
    pages: int
    path: Path


def make(parent: QWidget, session, printable: Printable, target: Path, on_done: Callable[[int], None],
         on_error: Callable[[BaseException], None]) -> Task:
    """Makes the PDF at target in a worker, on the session's connection; on_done(pages)."""
    return run_op(parent, session, lambda db, progress: printable.make(db, target, progress), changed=NOTHING,
                  label=f"正在生成{printable.label}…", on_done=on_done, on_error=on_error)


def problem_text(error: BaseException) -> str:
    """Why there is no preview, in Chinese; an unforeseen failure goes to the log."""
    if isinstance(error, Cancelled):
        return "已取消预览。"
    if isinstance(error, UserError):
        return str(error)
    return "预览未能生成。" + error_log.internal_error(error)


def show_status(parent: QWidget, text: str) -> None:
    """A line in the status bar of the main window the widget belongs to (or opened from)."""
    widget = parent
    while widget is not None and not isinstance(widget.window(), QMainWindow):
        widget = widget.window().parentWidget()
    if widget is not None:
        widget.window().statusBar().showMessage(text, 8000)


def send_to_printer(parent: QWidget, session, shown: Shown, on_sent: Callable[[int], None] | None = None
                    ) -> Task | None:
    """The system's print dialog, then the pages to the printer in a worker; None when the user cancelled."""
    label = shown.printable.label
    printer = printing.new_printer(label)
    if not printing.ask_printer(parent, printer):
        return None

    def sent(pages: int) -> None:
        shown.printable.record(session.db, pages, "打印")
        show_status(parent, f"{label}已送往打印机，共{pages}页")
        if on_sent is not None:
            on_sent(pages)

    return run_task(parent, f"正在打印{label}…", lambda progress: printing.print_pdf(shown.path, printer, progress), sent)


def save_copy(parent: QWidget, session, shown: Shown) -> Path | None:
    """Asks where, then copies the previewed PDF there; the saved path, or None (cancelled or refused)."""
    chosen = ask_save_file(parent, "保存为 PDF 文件", shown.printable.file_name, "PDF 文件 (*.pdf)")
    if chosen is None:
        return None
    target = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")
    try:
        shutil.copyfile(shown.path, target)
    except OSError as error:
        messages.error(parent, "未能保存", f"无法保存到“{target}”：{error.strerror or error}")
        return None
    shown.printable.record(session.db, shown.pages, "保存")
    show_status(parent, f"已保存：{target}")
    return target


WORD_SUFFIX = ".docx"  # as app.services.documents.word.SUFFIX, which imports python-docx: not at start-up
WORD_FILTER = "Word 文件 (*.docx)"
# under the reason a PDF cannot be made for a character no font here has: Word files take the reader's fonts
WORD_STILL = "\n\n仍可单击“保存为Word…”保存为 Word 文件，由打开文件的电脑提供字体。"


def save_word(parent: QWidget, session, printable: Printable, on_saved: Callable[[Path], None] | None = None
              ) -> Task | None:
    """Asks where, then makes the document as a Word file there in a worker (progress and cancel, the file
    written whole or not at all); None when there is no Word form of it or the user cancelled."""
    if printable.word is None:
        return None
    chosen = ask_save_file(parent, "保存为 Word 文件", str(Path(printable.file_name).with_suffix(WORD_SUFFIX)),
                           WORD_FILTER)
    if chosen is None:
        return None
    target = chosen if chosen.suffix.lower() == WORD_SUFFIX else chosen.with_name(chosen.name + WORD_SUFFIX)

    def saved(count: int) -> None:
        if printable.record_word is not None:
            printable.record_word(session.db, count)
        show_status(parent, f"已保存 Word 文件：{target}")
        if on_saved is not None:
            on_saved(target)

    def failed(error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        text = str(error) if isinstance(error, UserError) else error_log.internal_error(error)
        if isinstance(error, OSError):
            text = f"无法保存到“{target}”：{error.strerror or error}"
        messages.error(parent, "未能保存", text)

    return run_op(parent, session, lambda db, progress: printable.word(db, target, progress), changed=NOTHING,
                  label=f"正在保存{printable.label}（Word）…", on_done=saved, on_error=failed)
