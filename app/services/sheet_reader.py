"""Reading the sheets units send: .xlsx and .xls (also as saved by WPS) through python-calamine,
.csv in UTF-8 or GBK; every cell comes back as the value the reader gave, turned into text on demand.

Every file passes spreadsheet_guard first (zip and XML bombs, renamed, encrypted, truncated files);
formulas whose result the file does not carry come back as bad cells, never as empty ones (they are
looked for on a second thread while python-calamine parses, which it does without holding the GIL).
Macros are never run: the readers only read cell values.
"""
from __future__ import annotations

import csv
import io
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from ..domain.errors import UserError
from .spreadsheet_guard import MAX_CSV_BYTES, MAX_ROWS, UnsafeSpreadsheet, check_spreadsheet, uncached_formulas

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
SUFFIXES = (*EXCEL_SUFFIXES, ".csv")
FILE_FILTER = "名单文件 (*.xlsx *.xls *.xlsm *.csv);;所有文件 (*)"


MACRO_NOTE = "文件含有宏（VBA代码）：本程序只读取表格中的数据，不会运行宏"
UNCACHED_FORMULA = "单元格{cell}是公式，但文件中没有保存它的计算结果，无法读取；请在Excel或WPS中打开、保存后重新导入"


@dataclass
class Sheet:
    name: str
    rows: list[list]  # row 0 is the sheet's first row, column 0 its column A
    bad_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> why it cannot be read
    notes: list[str] = field(default_factory=list)  # about the whole file, shown with the preview


def cell_text(value: object) -> str:
    """A cell as the text the user sees; numbers too long for Excel appear as Excel shows them."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            # Excel keeps 15 significant digits: a longer number (an ID typed as a number) has lost its end.
            return f"{value:.14E}" if abs(value) >= 1e15 else str(int(value))
        return f"{value:.15g}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def sheet_names(path: str | Path) -> list[str]:
    path = _checked(path)
    if check_spreadsheet(path).kind == "csv":
        return [path.stem]
    return [sheet.name for sheet in _visible(_open(path))]


def read_sheets(path: str | Path, only: str | None = None) -> list[Sheet]:
    """Every visible sheet (or only the one named), with merged cells filled from their first cell.

    Raises UnsafeSpreadsheet (a UserError with a one-line reason) before any parser sees a hostile file."""
    path = _checked(path)
    report = check_spreadsheet(path)
    if report.kind == "csv":
        return [_capped(path, Sheet(path.stem, read_csv(path.read_bytes())))]
    workbook = _open(path)
    names = [sheet.name for sheet in _visible(workbook)]
    if only is not None and only not in names:
        workbook.close()
        raise UserError(f"“{path.name}”中没有名为“{only}”的工作表（有：{'、'.join(names)}）")
    notes = [MACRO_NOTE] if report.has_macros else []
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            formulas = pool.submit(uncached_formulas, path) if report.kind == "xlsx" else None
            try:
                sheets = [_read(path, workbook, name) for name in names if only is None or name == only]
            finally:
                # a damaged part fails both readers: the guard's reason (said in the office's words)
                # then replaces calamine's
                unreadable = formulas.result() if formulas else {}
    except UserError:
        raise
    except Exception as error:  # calamine raises its own kinds for broken parts of a file
        raise UserError(f"无法读取“{path.name}”：文件已损坏或格式不受支持（{error}）") from error
    finally:
        workbook.close()
    for sheet in sheets:
        sheet.notes.extend(notes)
        for reference in unreadable.get(sheet.name, ()):
            sheet.bad_cells[cell_index(reference)] = UNCACHED_FORMULA.format(cell=reference)
    return sheets


def cell_index(reference: str) -> tuple[int, int]:
    """The 0-based (row, column) of an A1 reference: "B3" -> (2, 1)."""
    letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", reference).groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(digits) - 1, column - 1


def _capped(path: Path, sheet: Sheet) -> Sheet:
    if len(sheet.rows) > MAX_ROWS:
        raise UnsafeSpreadsheet(_too_many(path, sheet.name, len(sheet.rows)))
    return sheet


def _too_many(path: Path, name: str, rows: int) -> str:
    return f"“{path.name}”的工作表“{name}”有{rows:,}行，超过{MAX_ROWS:,}行上限；请只保留名单部分"


def read_csv(data: bytes) -> list[list]:
    """CSV rows; UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GBK (GB 18030)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as error:
            raise UserError("无法识别 CSV 文件的编码（应为 UTF-8 或 GBK）") from error
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    # A cell may be as long as the file the guard lets through: such a cell (a pasted page, a million
    # characters for a unit's name) refuses its row with a reason instead of stopping the whole import.
    if csv.field_size_limit() < MAX_CSV_BYTES:
        csv.field_size_limit(MAX_CSV_BYTES)
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _checked(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise UserError(f"不支持“{path.suffix or path.name}”文件，请选择 .xlsx、.xls 或 .csv 文件")
    if not path.is_file():
        raise UserError(f"找不到文件：{path}")
    return path


def _open(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError as error:
        raise UserError(f"“{path.name}”设有打开密码，请先在 Excel 或 WPS 中取消密码再导入") from error
    except Exception as error:
        raise UserError(f"无法读取“{path.name}”：文件已损坏或不是 Excel 文件（{error}）") from error


def _visible(workbook: CalamineWorkbook) -> list:
    return [sheet for sheet in workbook.sheets_metadata
            if sheet.visible == SheetVisibleEnum.Visible and sheet.typ == SheetTypeEnum.WorkSheet]


def _read(path: Path, workbook: CalamineWorkbook, name: str) -> Sheet:
    sheet = workbook.get_sheet_by_name(name)
    if sheet.height > MAX_ROWS:  # known from the sheet's extent, before a single row is built
        raise UnsafeSpreadsheet(_too_many(path, name, sheet.height))
    rows = sheet.to_python(skip_empty_area=False)
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
        _fill_merged(rows, top, left, bottom, right)
    return Sheet(name, rows)


def _fill_merged(rows: list[list], top: int, left: int, bottom: int, right: int) -> None:
    """A unit's name merged down over its people belongs to each of them."""
    if top >= len(rows) or left >= len(rows[top]):
        return
    value = rows[top][left]
    for row in rows[top:bottom + 1]:
        for column in range(left, min(right, len(row) - 1) + 1):
            if row[column] == "":
                row[column] = value
