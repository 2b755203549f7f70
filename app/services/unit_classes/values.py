"""Cells of a unit's class sheet: the one value a column holds for the whole class, and the rows that are
no trainee (empty, or a 合计 line at the bottom)."""
from __future__ import annotations

from app.domain.errors import UserError
from app.domain.text import clean
from app.services.hours.columns import TOTAL_WORDS, date_value
from app.services.importing.cells import cell_text


def column_value(rows: list[list], index: int | None, label: str, dates: bool = False) -> str:
    """The column's value, the same on every row that fills it in; "" when no row does. A file is one class:
    two names (or two dates) in it are refused."""
    if index is None:
        return ""
    values = []
    for row in rows:
        cell = row[index] if index < len(row) else ""
        value = date_value(cell) if dates else clean(cell_text(cell))
        if value and value not in values:
            values.append(value)
    if len(values) > 1:
        raise UserError(f"“{label}”一列有不同的内容（{'、'.join(values[:3])}）：一个文件只能是一个班次的名单")
    return values[0] if values else ""


def is_blank(row: list, columns: dict[str, int]) -> bool:
    """No trainee: no ID number, name or 学时 (a numbered form's unused lines), or a 合计 line at the bottom."""
    def text(index: int | None) -> str:
        return clean(cell_text(row[index])) if index is not None and index < len(row) else ""

    if text(columns["id_number"]):
        return False
    cells = [clean(cell_text(cell)).replace(" ", "") for cell in row]
    return not (text(columns.get("name")) or text(columns["hours"])) or any(cell in TOTAL_WORDS for cell in cells)
