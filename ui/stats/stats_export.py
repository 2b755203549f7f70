"""导出Excel on the statistics page: a table as the user sees it (filtered and sorted), numbers kept as
numbers, saved as a formatted .xlsx through the app's table export (which logs lists of people)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTableView, QWidget

from app.services.exports.tables import ExportTable, export_tables
from app.services.exports.xlsx import XlsxColumn
from ui.common.files import XLSX_FILTER, ask_save_file, export_workbook
from ui.common.record_model import SORT_ROLE


def view_table(view: QTableView, sheet: str, title: str, subtitle: str = "") -> ExportTable:
    """The rows a table view shows, in its order; the columns are its record model's."""
    model = view.model()
    columns = getattr(model, "sourceModel", lambda: model)().columns
    rows = [[_cell(model.index(row, index), column) for index, column in enumerate(columns)]
            for row in range(model.rowCount())]
    widths = [XlsxColumn(c.header, max(c.width, len(c.header), 3), text=not c.numeric) for c in columns]
    return ExportTable(sheet, title, widths, rows, subtitle)


def _cell(index, column) -> object:
    if column.numeric:
        value = index.data(SORT_ROLE)
        if isinstance(value, (int, float)):
            return value
    return index.data() or ""


def ask_path(parent: QWidget, name: str) -> Path | None:
    """Where to save (None when cancelled); tests replace this."""
    return ask_save_file(parent, "导出Excel", name, XLSX_FILTER)


def export(parent: QWidget, db, tables: list[ExportTable], *, personal: bool) -> Path | None:
    return export_workbook(parent, "导出Excel", f"{tables[0].title}.xlsx",
                           lambda path: export_tables(db, path, tables, personal=personal),
                           ask=lambda parent, name: ask_path(parent, name))
