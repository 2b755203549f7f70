"""Where files are offered to be saved, and the filter for the workbooks the program writes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
