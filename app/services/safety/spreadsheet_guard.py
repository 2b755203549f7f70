"""Units' spreadsheets are untrusted input: checks that run before any parser touches a file.

`check_spreadsheet` reads the file's first bytes and the zip directory (plus the first bytes of each
XML part), so a hostile file is refused in about a millisecond instead of costing minutes and gigabytes;
then, for a file that passed, the extent of each worksheet's cells (python-calamine allocates a cell for
every position between the first and the last, and a process that asks for gigabytes dies without a
word), reading each worksheet part once; an .xls goes through xls_guard, which walks its structure as
calamine will.
`uncached_formulas` then reads the worksheets of a file that passed, to find formulas with no saved result;
it mostly waits on zlib, so the reader runs it beside python-calamine's parse of the same file.
"""
from __future__ import annotations

import errno
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree

from app.domain.errors import UserError
from app.services.safety import xls_guard

MAX_TOTAL_BYTES = 300 * 1024 * 1024  # all parts of an .xlsx, uncompressed
MAX_PART_BYTES = 150 * 1024 * 1024
MAX_RATIO = 150  # uncompressed / compressed, for parts large enough to matter
RATIO_FLOOR_BYTES = 2 * 1024 * 1024
MAX_CSV_BYTES = 100 * 1024 * 1024
MAX_ROWS = 100_000  # no unit sends more; a sheet claiming a million rows must not freeze the window
MAX_CELLS = xls_guard.MAX_CELLS
MAX_STRINGS = 10_000_000  # calamine reserves room for the count a shared-string table declares
MAX_XLS_BYTES = 100 * 1024 * 1024

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of .xls, and of password-protected .xlsx
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')
_FORMULA = re.compile(rb"<f[ >/]")  # a regex finds it about twice as fast as `b"<f" in data`
_UNIQUE_COUNT = re.compile(rb'<sst [^>]*uniqueCount="(\d+)"')
_WIDE = re.compile(rb'<c r="[A-Z](?:[A-Z]|\d{6})')  # a column past Z, or a row past 99,999 in A to Z
_VALUE_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*(?<!/)>')  # an empty <c .../> is not allocated
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+\d+)"[^>/]*>(?:(?!</c>).){0,400}?<f[ >/]', re.DOTALL)


class UnsafeSpreadsheet(UserError):
    """The file is refused; the message is one line saying why and, where possible, how to fix it."""


@dataclass
class GuardReport:
    kind: str  # "xlsx", "xls" or "csv"
    has_macros: bool = False


def check_spreadsheet(path: str | Path) -> GuardReport:
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except PermissionError as error:
        raise UnsafeSpreadsheet(f"没有权限读取文件“{path.name}”（可能正被Excel或WPS打开，请关闭后再试）") from error
    except OSError as error:
        raise UnsafeSpreadsheet(f"无法读取文件“{path.name}”：{error.strerror or error}") from error
    if size == 0:
        raise UnsafeSpreadsheet(f"文件中没有数据：“{path.name}”是空的（0字节），请让单位重新发送")
    suffix = path.suffix.lower()
    if head.startswith(_ZIP):
        return _check_zip(path, suffix)
    if head.startswith(_OLE):
        return _check_ole(path, suffix, head)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        raise UnsafeSpreadsheet(f"“{path.name}”不是有效的Excel文件（可能已损坏，或是改了扩展名的其他文件）")
    if suffix in (".csv", ".txt"):
        if size > MAX_CSV_BYTES:
            raise UnsafeSpreadsheet(f"“{path.name}”超过{MAX_CSV_BYTES // 1024 // 1024}MB，不像是单位报送的名单")
        return GuardReport("csv")
    raise UnsafeSpreadsheet(f"“{path.name}”不是Excel（.xlsx、.xls）或CSV文件")


def _check_ole(path: Path, suffix: str, head: bytes) -> GuardReport:
    with open(path, "rb") as handle:
        directory = handle.read(64 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in directory or "EncryptedPackage".encode("utf-16-le") in directory:
        raise UnsafeSpreadsheet(f"“{path.name}”设置了打开密码，请在Excel或WPS中取消密码后另存，再导入")
    if suffix in (".xlsx", ".xlsm"):
        raise UnsafeSpreadsheet(f"“{path.name}”实际是旧版.xls格式却用了.xlsx扩展名；请把扩展名改为.xls，或在Excel/WPS中另存为.xlsx")
    if path.stat().st_size > MAX_XLS_BYTES:
        raise UnsafeSpreadsheet(f"“{path.name}”超过{MAX_XLS_BYTES // 1024 // 1024}MB，不像是单位报送的名单")
    try:
        xls_guard.check_xls(path.read_bytes())
    except xls_guard.Damaged as error:
        raise UnsafeSpreadsheet(damaged(path)) from error
    except xls_guard.TooLarge as error:
        raise UnsafeSpreadsheet(_too_wide(path, error.rows, error.columns)) from error
    return GuardReport("xls")


def _check_zip(path: Path, suffix: str) -> GuardReport:
    if suffix == ".xls":
        raise UnsafeSpreadsheet(f"“{path.name}”实际是新版.xlsx格式却用了.xls扩展名；请把扩展名改为.xlsx后再导入")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "xl/workbook.xml" not in names:
                raise UnsafeSpreadsheet(f"“{path.name}”是压缩包而不是Excel工作簿")
            _check_sizes(path, infos)
            report = GuardReport("xlsx", has_macros="xl/vbaProject.bin" in names)
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _check_part(path, archive, info)
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    _check_extent(path, archive.read(info))
            return report
    except (zipfile.BadZipFile, zlib.error, UnicodeDecodeError, RuntimeError) as error:
        # zlib: compressed data spoiled in transit; UnicodeDecodeError: a spoiled member name;
        # RuntimeError: zipfile's "password required" for a flipped flag bit (Excel never encrypts a zip member)
        raise UnsafeSpreadsheet(damaged(path)) from error
    except OSError as error:
        if error.errno == errno.EINVAL:  # a spoiled zip directory sends zipfile seeking before the start
            raise UnsafeSpreadsheet(damaged(path)) from error
        raise
    except (EOFError, zipfile.LargeZipFile, NotImplementedError) as error:
        raise UnsafeSpreadsheet(f"“{path.name}”使用了本程序不支持的压缩方式，无法解压；"
                                "请在Excel或WPS中打开后另存为.xlsx，再导入") from error


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or (info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
            raise UnsafeSpreadsheet(f"“{path.name}”解压后异常庞大（其中一部分达 {info.file_size // 1024 // 1024}MB），"
                                    "可能是恶意文件，已拒绝")
    if total > MAX_TOTAL_BYTES:
        raise UnsafeSpreadsheet(f"“{path.name}”解压后超过{MAX_TOTAL_BYTES // 1024 // 1024}MB，可能是恶意文件，已拒绝")


def _check_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    with archive.open(info) as part:
        start = part.read(4096)
    if _DOCTYPE.search(start):
        raise UnsafeSpreadsheet(f"“{path.name}”含有不安全的XML声明，可能是恶意文件，已拒绝")
    count = _UNIQUE_COUNT.search(start) if info.filename == "xl/sharedStrings.xml" else None
    if count and int(count.group(1)) > MAX_STRINGS:
        raise UnsafeSpreadsheet(f"“{path.name}”声称有{int(count.group(1)):,}个不同的文字，可能是恶意文件，已拒绝")
    if not info.filename.startswith("xl/worksheets/"):
        return
    rows = _DIMENSION.search(start)
    if rows and int(rows.group(1)) > MAX_ROWS:
        raise UnsafeSpreadsheet(f"“{path.name}”的工作表声称有{int(rows.group(1)):,}行，超过{MAX_ROWS:,}行上限；请只保留名单部分")


def _check_extent(path: Path, data: bytes) -> None:
    """Rows x columns from A1 to the farthest cell holding something, refused past MAX_CELLS.

    One scan finds whether any cell lies past column Z or row 99,999; only then are the cells counted
    (a list of 26 columns and under 100,000 rows is always within the limit)."""
    if not _WIDE.search(data):
        return
    letters, rows = set(), set()
    for column, row in _VALUE_CELL.findall(data):
        letters.add(column)
        rows.add(row)
    if letters:
        columns, last_row = max(_column_number(letter) for letter in letters), max(map(int, rows))
        if columns * last_row > MAX_CELLS:
            raise UnsafeSpreadsheet(_too_wide(path, last_row, columns))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _too_wide(path: Path, rows: int, columns: int) -> str:
    return (f"“{path.name}”的工作表数据范围过大（{rows:,}行×{columns:,}列，可能是远处单元格中有内容，或文件已损坏）；"
            "请只保留名单部分后另存，再导入")


def uncached_formulas(path: str | Path) -> dict[str, list[str]]:
    """Sheet name -> the cells holding a formula whose result the file does not carry, for an .xlsx
    that passed check_spreadsheet; such a cell would otherwise read as empty."""
    path = Path(path)
    found = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    data = archive.read(info)  # the whole part: a damaged one (bad CRC) is found here
                    if _FORMULA.search(data):
                        cells = [m.group(1).decode() for m in _FORMULA_CELL.finditer(data) if not _has_value(data, m.end())]
                        if cells:
                            found[info.filename] = cells
            if not found:
                return {}
            parts = _sheet_parts(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError, RuntimeError) as error:
        raise UnsafeSpreadsheet(damaged(path)) from error
    except OSError as error:
        if error.errno == errno.EINVAL:
            raise UnsafeSpreadsheet(damaged(path)) from error
        raise
    return {name: found[part] for name, part in parts.items() if part in found}


def damaged(path: Path) -> str:
    """The reason given for any file that is damaged in a way no parser can read past."""
    return f"“{path.name}”不完整或已损坏（可能下载、复制时中断），请让单位重新发送"


def _has_value(data: bytes, formula_start: int) -> bool:
    """A formula cell carries its last result in <v>; without it, or with an empty <v></v> (as openpyxl 3.1.5
    and some other writers save a formula they could not compute), the cell would read as empty."""
    end = data.find(b"</c>", formula_start)
    if end == -1:
        return False
    cell = data[formula_start:end]
    start = cell.find(b"<v>")
    return start != -1 and not cell.startswith(b"</v>", start + 3)


_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part, from the workbook and its relationships (both already checked)."""
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ValueError, ElementTree.ParseError):  # defusedxml refusals are ValueErrors
        return {}
    targets = {item.get("Id"): item.get("Target", "") for item in relations}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATIONSHIPS), "")
        parts[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl", target))
    return parts
