"""Reading the sheets units send: .xlsx and .xls (also as saved by WPS) through python-calamine,
.csv and .txt through csv_reader; every cell comes back as the value the reader gave, turned into text
on demand.

Every file passes spreadsheet_guard first (zip and XML bombs, renamed, encrypted, truncated files, sheets
too large to allocate); formulas whose result the file does not carry come back as bad cells, never as
empty ones (they are looked for on a second thread while python-calamine parses, which it does without
holding the GIL). Macros are never run: the readers only read cell values. This is the one place a file
is parsed, so it is where every parser's failure becomes a one-line reason in Chinese (`_PARSER_FAILURES`).
Hidden sheets are read too, and say so: a unit sometimes hides the sheet that holds the list.
"""
from __future__ import annotations

import csv
import ctypes
import os
import re
import sys
import threading
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from app.domain.errors import UserError
from app.services.importing.csv_reader import MAX_CELL_CHARS, TOO_LONG, read_text_list
from app.services.safety.spreadsheet_guard import (
    MAX_ROWS,
    UnsafeSpreadsheet,
    check_spreadsheet,
    damaged,
    uncached_formulas,
)

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
SUFFIXES = (*EXCEL_SUFFIXES, ".csv", ".txt")
FILE_FILTER = "名单文件 (*.xlsx *.xls *.xlsm *.csv *.txt);;所有文件 (*)"
HIDDEN_NOTE = "名单在隐藏的工作表“{name}”中，已读取"

# What the parsers raise on a damaged file past the guard. Seen when fuzzing (tests/app/test_fuzz_import.py
# and longer runs of its generator): calamine's CalamineError, XmlError, ZipError and WorksheetNotFound;
# zlib.error from the formula scan of a spoiled part; OverflowError from a duration no timedelta holds;
# csv.Error and UnicodeDecodeError from text lists. Kept for what no run produced but the same calls
# document: zipfile's BadZipFile and EOFError, ValueError from a conversion, MemoryError on absurd sizes.
_PARSER_FAILURES = (CalamineError, zlib.error, zipfile.BadZipFile, EOFError, csv.Error, UnicodeError,
                    ValueError, OverflowError, MemoryError)


MACRO_NOTE = "文件含有宏（VBA代码）：本程序只读取表格中的数据，不会运行宏"
UNCACHED_FORMULA = "单元格{cell}是公式，但文件中没有保存它的计算结果，无法读取；请在Excel或WPS中打开、保存后重新导入"


@dataclass
class Sheet:
    name: str
    rows: list[list]  # row 0 is the sheet's first row, column 0 its column A
    bad_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> why it cannot be read
    notes: list[str] = field(default_factory=list)  # about the whole file, shown with the preview
    hidden: bool = False  # hidden (or "very hidden") in Excel: chosen only when no shown sheet has a list


def read_sheets(path: str | Path, only: str | None = None) -> list[Sheet]:
    """Every worksheet, shown ones first (or only the one named), with merged cells filled from their
    first cell.

    Raises UnsafeSpreadsheet (a UserError with a one-line reason) before any parser sees a hostile file,
    and UserError with a reason in Chinese when a parser fails on a damaged one."""
    path = _checked(path)
    report = check_spreadsheet(path)
    try:
        with _native_stderr_quiet():
            if report.kind == "csv":
                return [_read_text(path)]
            return _read_workbook(path, report.kind, report.has_macros, only)
    except UserError:
        raise
    except _PARSER_FAILURES as error:
        raise UnsafeSpreadsheet(_failure(path, error)) from error
    except BaseException as error:
        # a Rust panic inside python-calamine arrives as pyo3's PanicException, which derives from
        # BaseException and cannot be imported by name
        if type(error).__name__ == "PanicException":
            raise UnsafeSpreadsheet(_failure(path, error)) from error
        raise


def _failure(path: Path, error: BaseException) -> str:
    if isinstance(error, MemoryError):
        return f"“{path.name}”的内容过大，内存不足，无法读取；请只保留名单部分后另存，再导入"
    if isinstance(error, (ValueError, OverflowError)) and not isinstance(error, UnicodeError):
        return f"“{path.name}”中有无法识别的日期或数值（文件可能已损坏）；请在Excel或WPS中打开、检查后另存，再导入"
    if isinstance(error, UnicodeError):
        return f"无法识别“{path.name}”中的文字编码（文件可能已损坏）；请在Excel或WPS中打开后另存为.xlsx，再导入"
    return damaged(path)


def _read_text(path: Path) -> Sheet:
    found = read_text_list(path.read_bytes(), path.name, MAX_ROWS)
    return _capped(path, Sheet(path.stem, found.rows, found.bad_cells))


def _read_workbook(path: Path, kind: str, has_macros: bool, only: str | None) -> list[Sheet]:
    workbook = _open(path)
    try:
        shown, hidden = _worksheets(workbook)
        names = [*shown, *hidden]
        if only is not None and only not in names:
            raise UserError(f"“{path.name}”中没有名为“{only}”的工作表（有：{'、'.join(names)}）")
        with ThreadPoolExecutor(max_workers=1) as pool:
            formulas = pool.submit(uncached_formulas, path) if kind == "xlsx" else None
            try:
                sheets = [_read(path, workbook, name, name in hidden) for name in names if only in (None, name)]
            finally:
                # a damaged part fails both readers: the guard's reason (said in the office's words)
                # then replaces calamine's
                unreadable = formulas.result() if formulas else {}
    finally:
        workbook.close()
    release_freed_memory()  # python-calamine's cells, freed with their sheets: 140 MB for 100,000 rows
    for sheet in sheets:
        if has_macros:
            sheet.notes.append(MACRO_NOTE)
        for reference in unreadable.get(sheet.name, ()):
            sheet.bad_cells[cell_index(reference)] = UNCACHED_FORMULA.format(cell=reference)
    return sheets


def release_freed_memory() -> None:
    """Hands the memory a parser freed back to the system, where the C library keeps it otherwise (glibc
    on Linux): the checks and the write of a large list then fit in it instead of adding to it."""
    if _libc is not None:
        _libc.malloc_trim(0)


def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


_libc = _glibc()
_quiet_lock = threading.Lock()
_quiet_depth = 0
_saved_stderr: int | None = None


@contextmanager
def _native_stderr_quiet():
    """A panic inside python-calamine prints Rust's English straight to the process's stderr before it
    becomes an exception: the user sees one line of ours instead. Only file descriptor 2 is moved, only
    where there is one (a windowed program may have none), and back when the last reader is done."""
    global _quiet_depth, _saved_stderr
    with _quiet_lock:
        if _quiet_depth == 0:
            _saved_stderr = _move_stderr()
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0 and _saved_stderr is not None:
                os.dup2(_saved_stderr, 2)
                os.close(_saved_stderr)
                _saved_stderr = None


def _move_stderr() -> int | None:
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, AttributeError, ValueError):
        return None
    with open(os.devnull, "w") as sink:
        os.dup2(sink.fileno(), 2)
    return saved


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


def _checked(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise UserError(f"不支持“{path.suffix or path.name}”文件，请选择 .xlsx、.xls、.csv 或 .txt 文件")
    if not path.is_file():
        raise UserError(f"找不到文件：{path}")
    return path


def _open(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError as error:
        raise UserError(f"“{path.name}”设有打开密码，请先在 Excel 或 WPS 中取消密码再导入") from error


def _worksheets(workbook: CalamineWorkbook) -> tuple[list[str], list[str]]:
    """The names of the shown worksheets and of the hidden ones (chart sheets hold no list)."""
    sheets = [sheet for sheet in workbook.sheets_metadata if sheet.typ == SheetTypeEnum.WorkSheet]
    shown = [sheet.name for sheet in sheets if sheet.visible == SheetVisibleEnum.Visible]
    return shown, [sheet.name for sheet in sheets if sheet.name not in shown]


def _read(path: Path, workbook: CalamineWorkbook, name: str, hidden: bool) -> Sheet:
    sheet = workbook.get_sheet_by_name(name)
    if sheet.height > MAX_ROWS:  # known from the sheet's extent, before a single row is built
        raise UnsafeSpreadsheet(_too_many(path, name, sheet.height))
    rows = sheet.to_python(skip_empty_area=False)
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
        _fill_merged(rows, top, left, bottom, right)
    found = Sheet(name, rows, _too_long(rows), hidden=hidden)
    if hidden:
        found.notes.append(HIDDEN_NOTE.format(name=name))
    return found


def _too_long(rows: list[list]) -> dict[tuple[int, int], str]:
    """Cells longer than Excel allows (only a damaged or hand-made file has them), emptied with a reason."""
    found = {}
    for row_index, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell.__class__ is str and len(cell) > MAX_CELL_CHARS:
                found[row_index, column] = TOO_LONG.format(count=len(cell))
                row[column] = ""
    return found


def _fill_merged(rows: list[list], top: int, left: int, bottom: int, right: int) -> None:
    """A unit's name merged down over its people belongs to each of them."""
    if top >= len(rows) or left >= len(rows[top]):
        return
    value = rows[top][left]
    for row in rows[top:bottom + 1]:
        for column in range(left, min(right, len(row) - 1) + 1):
            if row[column] == "":
                row[column] = value
