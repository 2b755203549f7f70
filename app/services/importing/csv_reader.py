"""Text lists: .csv and .txt as units save them, in whatever encoding and delimiter the program chose.

Excel's "CSV" is GBK on a Chinese Windows and UTF-8 (with a byte-order mark) when chosen; its
"Unicode 文本" is UTF-16 LE with a byte-order mark, tab-separated and usually named .txt; WPS and
other tools add UTF-16 BE, semicolons and UTF-8 without a mark. A file that is none of these is
refused with a reason in the office's words, as is one with no data at all.
"""
from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections import Counter

from app.domain.errors import UserError

MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell: anything longer is not a list's content
TOO_LONG = "单元格内容过长（{count:,}个字符，超过Excel单元格的上限），不像是名单内容，未读取"
_DELIMITERS = ",\t;"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BLANK = " \t\r\n\0\ufeff,;"
_CONTROL_BYTES = [bytes([byte]) for byte in (*range(1, 9), 11, 12, *range(14, 32))]

# The cap is on the cell, checked below with its reason; the csv module's own (131,072 characters)
# would otherwise stop the whole file with an English error.
csv.field_size_limit(1 << 30)


class CsvRows:
    """The rows of a text list and the cells too long to read (row, column) -> reason."""

    def __init__(self, rows: list[list], bad_cells: dict[tuple[int, int], str]):
        self.rows, self.bad_cells = rows, bad_cells


def read_text_list(data: bytes, name: str, max_rows: int) -> CsvRows:
    """Rows of a .csv/.txt list, at most max_rows + 1 of them (a file of a million empty lines must not
    fill the memory); UserError (one line, in Chinese) for a file that is not a list at all."""
    text = decode(data, name)
    if not text.strip(_BLANK):
        raise UserError(f"文件中没有数据：“{name}”是空的，或只有空白、空行，请让单位重新发送")
    text = text.replace("\0", "")  # NULs are what a damaged copy leaves between the characters
    if _mostly_control(text):
        raise UserError(_not_text(name))
    rows, bad_cells = [], {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    try:
        for index, row in enumerate(reader):
            if index > max_rows:  # one row past the cap is enough for the caller to refuse the file
                break
            for column, cell in enumerate(row):
                if len(cell) > MAX_CELL_CHARS:
                    bad_cells[index, column] = TOO_LONG.format(count=len(cell))
                    row[column] = ""
            rows.append(row)
    except csv.Error as error:
        raise UserError(f"“{name}”第{reader.line_num}行的格式有误，无法按CSV读取（可能已损坏）") from error
    return CsvRows(rows, bad_cells)


def decode(data: bytes, name: str) -> str:
    """By byte-order mark; else UTF-16 told by its zero bytes, UTF-8, then GBK (as GB 18030)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decoded(data, encoding, name)
    guessed = _utf16_without_bom(data[:4096])
    if guessed:
        return _decoded(data, guessed, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decoded(data, "gb18030", name)


def _decoded(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if _binary(data[:20000]):
            raise UserError(_not_text(name)) from error
        raise UserError(f"无法识别“{name}”的文字编码（应为UTF-8、GBK或Unicode文本）；"
                        "请在Excel或WPS中打开后另存为.xlsx，再导入") from error


def _not_text(name: str) -> str:
    return f"“{name}”不是文本格式的名单（可能已损坏，或是改了扩展名的其他文件）"


def _binary(sample: bytes) -> bool:
    """Control bytes, which neither UTF-8 nor GBK text holds (only a tab and line ends)."""
    control = sum(sample.count(byte) for byte in _CONTROL_BYTES)
    return control > max(len(sample) // 100, 3)


def _utf16_without_bom(sample: bytes) -> str | None:
    """Digits, commas and tabs are one byte in UTF-16 with a zero beside it: most of an ID list."""
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 3 * max(even, 1):
        return "utf-16-le"
    if even > 3 * max(odd, 1):
        return "utf-16-be"
    return None


def _mostly_control(text: str) -> bool:
    """Binary junk decodes to control characters; a list has at most a stray one."""
    sample = text[:20000]
    control = sum(1 for char in sample if char not in "\t\r\n" and unicodedata.category(char) == "Cc")
    return control > max(len(sample) // 100, 3)


def delimiter(text: str) -> str:
    """The delimiter that splits most of the first lines into the same number of columns."""
    lines = [line for line in text[:65536].splitlines() if line.strip()][:30]
    best, best_score = ",", (0, 0)
    for candidate in _DELIMITERS:
        counts = Counter(line.count(candidate) for line in lines)
        counts.pop(0, None)
        if counts:
            columns, lines_agreeing = counts.most_common(1)[0]
            if (lines_agreeing, columns) > best_score:
                best, best_score = candidate, (lines_agreeing, columns)
    return best
