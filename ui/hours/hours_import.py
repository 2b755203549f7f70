"""导入学时 (the statistics page's button): pick a file, say what rows take when it lacks a column, import
as an operation (off the UI thread with progress and cancel), then show what was imported and every refused row."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.services.hours.importer import HoursImport, import_hours
from ui.common.files import ask_open_file
from ui.hours.hours_import_dialogs import HoursImportOptionsDialog, HoursImportResultDialog
from ui.shell.changes import NOTHING, Changed
from ui.shell.ops import run_op
from ui.shell.session import Session
from ui.shell.tasks import Task

FILE_FILTER = "学时表格 (*.xlsx *.xls *.xlsm *.csv *.txt);;所有文件 (*)"


def ask_file(parent: QWidget) -> Path | None:
    """The file the user picked (None when cancelled); tests replace this."""
    return ask_open_file(parent, "选择学时文件", FILE_FILTER)


def import_hours_file(parent: QWidget, session: Session) -> Task | None:
    path = ask_file(parent)
    if path is None:
        return None
    dialog = HoursImportOptionsDialog(parent, path.name)
    if not dialog.exec():
        return None
    options = dialog.options()

    def done(result: HoursImport) -> None:
        dialog = HoursImportResultDialog(parent, result)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal without a nested event loop inside the task's signal

    return run_op(parent, session, lambda db, progress: import_hours(db, path, options, progress=progress),
                  changed=written, label="正在导入学时…", on_done=done)


def written(result: HoursImport) -> Changed:
    """An import whose every row was refused changed nothing."""
    return Changed.HOURS if result.written else NOTHING
