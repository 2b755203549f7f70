"""Tables the window shows (the statistics page's), saved as a formatted .xlsx, one sheet each; an export
that lists people is noted in the audit log with what it held (never an ID number)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.services.exports.xlsx import XlsxColumn, add_table, new_workbook, save
from app.services.safety import audit
from app.storage.connection import Database


@dataclass
class ExportTable:
    sheet: str
    title: str
    columns: list[XlsxColumn]
    rows: list[list] = field(default_factory=list)
    subtitle: str = ""


def export_tables(db: Database, path: str | Path, tables: list[ExportTable], *, personal: bool = False) -> Path:
    """Writes the tables; with personal (lists of people), the audit log notes the export."""
    book = new_workbook()
    for table in tables:
        add_table(book, table.sheet, table.title, table.columns, table.rows, subtitle=table.subtitle)
    saved = save(book, path)
    if personal:
        audit.record(db, "导出Excel", detail="；".join(_described(table) for table in tables) + f" → {saved.name}")
    return saved


def _described(table: ExportTable) -> str:
    return f"{table.title}（{len(table.rows)}行：{'、'.join(column.header for column in table.columns)}）"
