"""Formatted .xlsx tables for the office: a title, a bordered header, column widths, a frozen header,
a print area on A4 fitted to the page width, and cells marked in colour. Used for rosters, import
receipts and statistics.

Text is always written as text: a value beginning with = + - @ could otherwise run as a formula in
Excel (a name or note from a unit's list must never do that). Characters XML cannot hold are dropped,
and a carriage return is kept (XML readers would turn a raw one into a line feed).
"""
from __future__ import annotations

import os
import re
import weakref
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.errors import UserError

FONT = "宋体"
FORMULA_STARTS = ("=", "+", "-", "@")
MARK_FILLS = {  # what a mark means -> the cell's background
    "error": PatternFill("solid", fgColor="F8D0CC"),
    "notice": PatternFill("solid", fgColor="FFF2C6"),
    "good": PatternFill("solid", fgColor="DDEFD9"),
}
_HEADER_FILL = PatternFill("solid", fgColor="E7E9EE")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(vertical="center", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WITH_CR: "weakref.WeakSet[Workbook]" = weakref.WeakSet()  # books holding a carriage return somewhere


@dataclass(frozen=True)
class XlsxColumn:
    header: str
    width: float  # in Chinese characters
    text: bool = False  # shown as text in Excel (ID numbers, phone numbers): never turned into a number
    center: bool = False


def new_workbook() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book


def add_table(book: Workbook, sheet_name: str, title: str, columns: list[XlsxColumn], rows: Iterable[list[Any]],
              *, subtitle: str = "", marks: dict[tuple[int, int], str] | None = None,
              landscape: bool | None = None) -> Worksheet:
    """A sheet holding one table; marks maps (row index, column index or -1 for the row) to a MARK_FILLS key."""
    sheet = book.create_sheet(_sheet_title(sheet_name))
    width = len(columns)
    top = _title_rows(sheet, title, subtitle, width)
    header_row = top + 1
    for index, column in enumerate(columns, start=1):
        cell = put(sheet, header_row, index, column.header)
        cell.font, cell.fill, cell.border, cell.alignment = Font(name=FONT, bold=True), _HEADER_FILL, _BORDER, _CENTER
        sheet.column_dimensions[get_column_letter(index)].width = column.width * 2 + 2
    last = header_row
    for offset, values in enumerate(rows):
        last = header_row + 1 + offset
        _data_row(sheet, last, columns, values, marks or {}, offset)
    _page_setup(sheet, header_row, last, width, landscape if landscape is not None else width > 8)
    return sheet


def save(book: Workbook, path: str | Path) -> Path:
    """Writes beside the target first, then replaces it, so a failure never leaves half a file."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    temporary = path.with_name(f".{path.name}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(temporary)
        if book in _WITH_CR:
            _keep_carriage_returns(temporary)
        os.replace(temporary, path)
    except PermissionError as error:
        _discard(temporary)
        raise UserError(f"无法写入“{path.name}”：文件可能正在 Excel 或 WPS 中打开，请关闭后再试") from error
    except OSError as error:
        _discard(temporary)
        raise UserError(f"无法写入“{path}”：{error.strerror or error}") from error
    return path


def _discard(temporary: Path) -> None:
    try:
        temporary.unlink(missing_ok=True)
    except OSError:
        pass  # its folder could not be made or written: there is nothing to remove


def write_table(path: str | Path, sheet_name: str, title: str, columns: list[XlsxColumn],
                rows: Iterable[list[Any]], **options) -> Path:
    book = new_workbook()
    add_table(book, sheet_name, title, columns, rows, **options)
    return save(book, path)


def put(sheet: Worksheet, row: int, column: int, value: Any):
    """Sets a cell; text stays text even when it looks like a formula (or an error such as #N/A)."""
    cell = sheet.cell(row, column)
    if not isinstance(value, str):
        cell.value = value
        return cell
    value = _NOT_XML.sub("", value)
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # and Excel keeps it text when someone edits the cell
    if "\r" in value:
        _WITH_CR.add(sheet.parent)
    return cell


def _keep_carriage_returns(path: Path) -> None:
    """openpyxl writes a CR raw, and every XML reader reads that as LF; &#13; survives. Raw CRs can only be
    in cell text: attributes are escaped and the markup itself uses LF."""
    rewritten = path.with_name(path.name + ".cr")
    try:
        with zipfile.ZipFile(path) as old, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as new:
            for info in old.infolist():
                data = old.read(info)
                if info.filename.startswith("xl/worksheets/"):
                    data = data.replace(b"\r", b"&#13;")
                new.writestr(info, data)
        os.replace(rewritten, path)
    finally:
        rewritten.unlink(missing_ok=True)


def _sheet_title(name: str) -> str:
    cleaned = "".join("_" if char in "[]:*?/\\" else char for char in _NOT_XML.sub("", name)).strip("'")
    return (cleaned or "表")[:31]


def _title_rows(sheet: Worksheet, title: str, subtitle: str, width: int) -> int:
    put(sheet, 1, 1, title).font = Font(name=FONT, size=16, bold=True)
    sheet.cell(1, 1).alignment = _CENTER
    sheet.row_dimensions[1].height = 32
    if width > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    if not subtitle:
        return 1
    put(sheet, 2, 1, subtitle).font = Font(name=FONT, size=10, color="555555")
    sheet.cell(2, 1).alignment = Alignment(horizontal="left", vertical="center")
    if width > 1:
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    return 2


def _data_row(sheet: Worksheet, row: int, columns: list[XlsxColumn], values: list[Any],
              marks: dict[tuple[int, int], str], offset: int) -> None:
    font = Font(name=FONT)
    row_mark = marks.get((offset, -1))
    for index, column in enumerate(columns, start=1):
        cell = put(sheet, row, index, values[index - 1] if index - 1 < len(values) else "")
        cell.font, cell.border = font, _BORDER
        cell.alignment = _CENTER if column.center else _WRAP
        if column.text:
            cell.number_format = "@"
        mark = marks.get((offset, index - 1), row_mark)
        if mark:
            cell.fill = MARK_FILLS[mark]


def _page_setup(sheet: Worksheet, header_row: int, last_row: int, width: int, landscape: bool) -> None:
    last_column = get_column_letter(width)
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_area = f"A1:{last_column}{last_row}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
