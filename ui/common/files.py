"""Where files are opened from and saved to, and the filter for the workbooks the program writes.

Every file dialog starts in the folder the user last opened a file from (or saved one to), while that
folder exists, else in Documents; `ask_open_file` and `ask_save_file` remember the folder chosen."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.errors import UserError
from app.domain.text import safe_file_name
from ui.common import messages, settings

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
OPEN, SAVE = "open", "save"


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def documents_folder(kind: str = SAVE) -> Path:
    """The folder a file dialog of that kind starts in."""
    last = settings.text(f"folders/{kind}")
    return Path(last) if last and Path(last).is_dir() else _documents()


def remember_folder(path: str | Path, kind: str) -> None:
    """The folder holding path (or path itself, a folder) becomes where the next dialog of that kind starts."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    if str(folder) not in ("", "."):
        settings.set_text(f"folders/{kind}", str(folder))


def ask_open_file(parent: QWidget | None, title: str, file_filter: str, start: str | Path = "") -> Path | None:
    """The file the user picked (None when cancelled), starting in start or the last folder opened from."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start or documents_folder(OPEN)), file_filter)
    if not chosen:
        return None
    remember_folder(chosen, OPEN)
    return Path(chosen)


def ask_save_file(parent: QWidget | None, title: str, name: str, file_filter: str,
                  folder: str | Path | None = None) -> Path | None:
    """Where to save name (None when cancelled), offered in folder or the last folder saved to."""
    start = Path(folder) if folder else documents_folder(SAVE)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start / name), file_filter)
    if not chosen:
        return None
    remember_folder(chosen, SAVE)
    return Path(chosen)


def export_workbook(parent: QWidget | None, title: str, name: str, write: Callable[[Path], Path],
                    ask: Callable[[QWidget | None, str], Path | None] | None = None) -> Path | None:
    """Asks where to save the workbook `name` (`ask`, else the save dialog), writes it with `write`, and says
    where it went or why it could not; the path written, or None."""
    name = safe_file_name(name)
    path = ask(parent, name) if ask else ask_save_file(parent, title, name, XLSX_FILTER)
    if path is None:
        return None
    try:
        saved = write(path)
    except (UserError, OSError) as problem:
        messages.error(parent, "未能导出", str(problem))
        return None
    messages.info(parent, title, f"已导出：\n{saved}")
    return saved
