""".xls files (the compound file of Excel 97-2003 and WPS) checked before python-calamine opens them.

calamine parses a whole .xls when it opens it, and on a damaged one it can ask for tens of gigabytes
(a sheet's cells spread from A1 to a column past IV, a FAT length or a chain that loops) and the
process dies on the spot: no exception, no message. This module walks the same structures calamine
walks, the same way, and refuses the file with a reason where calamine would run away: sector chains
that loop or point past the end, header counts the file cannot hold, sheets whose cells would span
more than MAX_CELLS. A file Excel or WPS wrote passes untouched.
"""
from __future__ import annotations

import struct

MAX_CELLS = 5_000_000  # rows x columns of one sheet's extent; 100,000 rows of 50 columns

_RESERVED, _DIFSECT, _END = 0xFFFF_FFFA, 0xFFFF_FFFC, 0xFFFF_FFFE
_STREAMS = ("Workbook", "Book", "WORKBOOK", "BOOK")  # the order calamine looks for them
_CELLS = {0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD}  # Number, Label, RString, BoolErr, Rk, LabelSst


class Damaged(Exception):
    """The compound file or its records are not what Excel writes."""


class TooLarge(Exception):
    def __init__(self, rows: int, columns: int):
        super().__init__(rows, columns)
        self.rows, self.columns = rows, columns


def check_xls(data: bytes) -> None:
    """Raises Damaged or TooLarge where calamine would fail badly; the caller words the refusal."""
    try:
        _scan_sheets(_workbook_stream(data))
    except (struct.error, IndexError, ValueError) as error:  # a record shorter than its kind needs
        raise Damaged(str(error)) from error


def _u32s(chunk: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(chunk) // 4}I", chunk))


class _Sectors:
    """Sectors as calamine reads them: a short read at the end of the file is damage, not data."""

    def __init__(self, data: bytes, size: int, offset: int, maxid: int):
        self.data, self.size, self.offset, self.maxid = data, size, offset, maxid

    def get(self, sector: int) -> bytes:
        if sector > self.maxid:
            raise Damaged(f"sector {sector} past the end")
        start = self.offset + sector * self.size
        chunk = self.data[start:start + self.size]
        if len(chunk) < self.size:
            raise Damaged(f"sector {sector} cut short")
        return chunk

    def chain(self, sector: int, fats: list[int], limit: int) -> bytes:
        """A stream's sectors in order, up to limit bytes; a loop would grow it without end in calamine."""
        parts, length, seen = [], 0, set()
        while sector != _END:
            if sector in seen:
                raise Damaged("a sector chain loops")
            seen.add(sector)
            parts.append(self.get(sector))
            length += self.size
            if length >= limit:
                break
            if sector >= len(fats):
                raise Damaged("a sector chain leaves the FAT")
            sector = fats[sector]
        return b"".join(parts)[:limit]


def _workbook_stream(data: bytes) -> bytes:
    if len(data) < 512:
        raise Damaged("shorter than a header")
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise Damaged("sector sizes")
    size = 1 << shift
    version = struct.unpack_from("<H", data, 26)[0]
    fat_len, dir_start = struct.unpack_from("<II", data, 44)
    mini_fat_start, mini_fat_len, difat_start = struct.unpack_from("<III", data, 60)
    maxid = len(data) // size
    # calamine reserves room for these counts before reading a sector: a count no file this size can
    # hold is a request for gigabytes (the second one is read from offset 62, as calamine reads it)
    if fat_len > maxid + 1 or struct.unpack_from("<I", data, 62)[0] > 1 << 24:
        raise Damaged("header counts")
    sectors = _Sectors(data, size, size, maxid)
    fats = _fat(sectors, _u32s(data[76:512]), difat_start)
    directory = sectors.chain(dir_start, fats, 1 << 62)
    entries = [_entry(directory[at:at + 128], size) for at in range(0, len(directory) - 127, 128)]
    if not entries or (version != 3 and entries[0][1] == _END):
        raise Damaged("no root directory")
    mini_stream, mini_fats = b"", []
    if mini_fat_len > 0:
        mini_stream = sectors.chain(entries[0][1], fats, entries[0][2])
        mini_fats = _u32s(sectors.chain(mini_fat_start, fats, mini_fat_len * size))
    for name in _STREAMS:
        for entry_name, start, length in entries:
            if entry_name == name:
                if length < 4096:
                    minis = _Sectors(mini_stream, 64, 0, maxid * 8)
                    return minis.chain(start, mini_fats, length)
                return sectors.chain(start, fats, length)
    raise Damaged("no Workbook stream")


def _fat(sectors: _Sectors, difat: list[int], sector: int) -> list[int]:
    seen = set()
    while sector < _RESERVED:
        if sector in seen:
            raise Damaged("the DIFAT loops")
        seen.add(sector)
        difat.extend(_u32s(sectors.get(sector)))
        sector = difat.pop()
    fats: list[int] = []
    for sector in difat:
        if sector < _DIFSECT:
            fats.extend(_u32s(sectors.get(sector)))
    return fats


def _entry(raw: bytes, size: int) -> tuple[str, int, int]:
    name = raw[:64].decode("utf-16-le", errors="replace").split("\0")[0]
    start = struct.unpack_from("<I", raw, 116)[0]
    length = struct.unpack_from("<I" if size == 512 else "<Q", raw, 120)[0]
    return name, start, length


def _records(stream: bytes, start: int):
    """(kind, data) of each record from start, as calamine's RecordIter cuts them."""
    at, end = start, len(stream)
    while at < end:
        if end - at < 4:
            raise Damaged("a record header is cut short")
        kind, length = struct.unpack_from("<HH", stream, at)
        if end - at - 4 < length:
            raise Damaged("a record is cut short")
        yield kind, stream[at + 4:at + 4 + length]
        at += 4 + length


def _scan_sheets(stream: bytes) -> None:
    positions = []
    for kind, data in _records(stream, 0):
        if kind == 0x000A:  # EOF of the workbook globals
            break
        if kind == 0x0085:  # BoundSheet8: where the sheet's records start
            positions.append(struct.unpack_from("<I", data)[0])
    for position in positions:
        if position > len(stream):
            raise Damaged("a sheet starts past the end of the stream")
        _scan_sheet(stream, position)


def _scan_sheet(stream: bytes, position: int) -> None:
    """The extent calamine will allocate for one sheet's cells and formulas, refused when too large."""
    cells, formulas = _Extent(), _Extent()
    formula_at = (0, 0)
    for kind, data in _records(stream, position):
        if kind == 0x000A:
            break
        if kind in _CELLS and len(data) >= 4:
            cells.add(*struct.unpack_from("<HH", data))
        elif kind == 0x00BD and len(data) >= 6:  # MulRk: one record for a run of cells
            row, first = struct.unpack_from("<HH", data)
            cells.add(row, first)
            cells.add(row, struct.unpack_from("<H", data, len(data) - 2)[0])
        elif kind == 0x0006 and len(data) >= 20:
            formula_at = struct.unpack_from("<HH", data)
            cells.add(*formula_at)
            formulas.add(*formula_at)
        elif kind == 0x0207:  # the text result of the formula before it
            cells.add(*formula_at)
        elif kind == 0x0200:
            _check_dimensions(data)
    cells.check()
    formulas.check()


def _check_dimensions(data: bytes) -> None:
    """calamine reserves rows x columns from this record, with u32 arithmetic that wraps."""
    if len(data) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", data)
    elif len(data) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", data)
    else:
        return  # calamine refuses the record itself
    if first_col > 0xFF or last_col < first_col:
        first_col = 0
    if last_row >= 1 and last_col >= 1:
        rows, columns = (last_row - first_row) & 0xFFFF_FFFF, (last_col - first_col) & 0xFFFF_FFFF
    else:
        rows = columns = 1
    if rows * columns > MAX_CELLS:
        raise TooLarge(rows, columns)


class _Extent:
    def __init__(self):
        self.top = self.left = 1 << 32
        self.bottom = self.right = -1

    def add(self, row: int, column: int) -> None:
        self.top, self.bottom = min(self.top, row), max(self.bottom, row)
        self.left, self.right = min(self.left, column), max(self.right, column)

    def check(self) -> None:
        if self.bottom >= 0:
            rows, columns = self.bottom - self.top + 1, self.right - self.left + 1
            if rows * columns > MAX_CELLS:
                raise TooLarge(rows, columns)
