"""Broken and hostile list files for the fuzz test, generated from a fixed seed.

Every case starts from a real list the tests write (.xlsx, .xls, CSV, an hours sheet) or from nothing,
and spoils it the ways files get spoiled: bytes flipped in transit, downloads cut short, zip members
lost or rewritten, CSVs in any encoding and delimiter, cells of a megabyte, NULs, empty files and
random bytes under a spreadsheet's name.
"""
from __future__ import annotations

import codecs
import csv
import io
import random
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from tests import hours_files
from tests.roster_files import BAD_ROWS, HEADER, NOTED_ROWS, good_rows, write_csv, write_xls, write_xlsx

ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "big5", "latin-1",
             "shift_jis", "utf-32")
DELIMITERS = (",", "\t", ";", "|", " ", "，")
CELL_KINDS = ("name", "id", "date", "number", "chinese", "quotes", "newline", "control", "emoji", "empty", "formula")
SHEET = "xl/worksheets/sheet1.xml"


@dataclass
class Case:
    name: str  # the file name, whose suffix says which reader it claims to need
    data: bytes
    how: str  # what was done to it, for the assertion message


def seeds(folder: Path) -> dict[str, bytes]:
    """The valid files every mutation starts from."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = good_rows(8) + [row for row, _, _ in BAD_ROWS + NOTED_ROWS]
    hours_rows = [[1, "张三", "11010519491231002X", 6, date(2020, 11, 2), "学院", "课程"]]
    dated = [row[:4] + [date.fromisoformat(row[4])] + row[5:] for row in good_rows(6)]
    made = {"roster.xlsx": write_xlsx(folder / "r.xlsx", rows, extra_sheet=True),
            "roster.xls": write_xls(folder / "r.xls", rows),
            "dated.xlsx": write_xlsx(folder / "d.xlsx", dated),
            "roster.csv": write_csv(folder / "r.csv", rows),
            "roster-utf8.csv": write_csv(folder / "u.csv", rows, encoding="utf-8-sig"),
            "hours.xlsx": hours_files.write_xlsx(folder / "h.xlsx", hours_rows),
            "hours.xls": hours_files.write_xls(folder / "h.xls", hours_rows)}
    return {name: path.read_bytes() for name, path in made.items()}


def flipped(rng: random.Random, data: bytes) -> bytes:
    spoiled = bytearray(data)
    for _ in range(rng.choice((1, 2, 5, 20, 200))):
        spoiled[rng.randrange(len(spoiled))] ^= rng.randrange(1, 256)
    return bytes(spoiled)


def truncated(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(1, len(data))]


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def member_spoiled(rng: random.Random, data: bytes) -> bytes:
    """One part of the workbook deleted, emptied, cut, flipped, replaced by junk, or given odd cells."""
    members = _members(data)
    name = rng.choice(sorted(members))
    how = rng.randrange(6)
    if how == 0:
        del members[name]
    elif how == 1:
        members[name] = b""
    elif how == 2:
        members[name] = members[name][:rng.randrange(1, max(2, len(members[name])))]
    elif how == 3:
        members[name] = flipped(rng, members[name]) if members[name] else b"\xff"
    elif how == 4:
        members[name] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
    else:
        members[SHEET] = odd_cells(rng)
    return _zipped(members, rng.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)))


_ODD_CELLS = ('<c r="A3" t="n"><v>1e400</v></c>', '<c r="A3" s="1"><v>2958466</v></c>', '<c r="A3" s="1"><v>-5</v></c>',
              '<c r="A3" t="d"><v>99999-99-99T99:99</v></c>', '<c r="A3" t="b"><v>7</v></c>',
              '<c r="A3" t="e"><v>#REF!</v></c>', '<c r="A3" t="s"><v>99999</v></c>', '<c r="A3" t="s"><v>-1</v></c>',
              '<c r="A3" t="n"><v>nan</v></c>', '<c r="A3" t="n"><v>abc</v></c>', '<c r="ZZZZZ3"><v>1</v></c>',
              '<c r="A0"><v>1</v></c>', '<c r="A99999999999"><v>1</v></c>', '<c r="A3" t="inlineStr"><is><t>&#0;</t></is></c>',
              '<c r="A3" t="str"><f>1/0</f></c>', '<c r="B3"><v>1</v></c><c r="A3"><v>2</v></c>')


def odd_cells(rng: random.Random) -> bytes:
    """A worksheet whose header is fine and whose data row holds cells no office program writes."""
    header = "".join(f'<c r="{chr(65 + i)}2" t="inlineStr"><is><t>{text}</t></is></c>'
                     for i, text in enumerate(("姓名", "公民身份号码", "工作单位")))
    odd = "".join(rng.sample(_ODD_CELLS, rng.randrange(1, 4)))
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData><row r="2">{header}</row><row r="3">{odd}</row></sheetData>'
            f'</worksheet>').encode()


_EXTREMES = (b"1e10", b"-1e308", b"1e308", b"inf", b"nan", b"-5", b"2958466", b"99999999999999999999999", b"", b"x")


def odd_values(rng: random.Random, data: bytes) -> bytes:
    """Some of the sheet's values (dates among them) replaced by numbers no date or cell can hold."""
    members = _members(data)
    sheet = members[SHEET]
    values = list(re.finditer(rb"<v>[^<]*</v>", sheet))
    for match in sorted(rng.sample(values, min(len(values), rng.randrange(1, 4))), key=lambda m: -m.start()):
        sheet = sheet[:match.start()] + b"<v>" + rng.choice(_EXTREMES) + b"</v>" + sheet[match.end():]
    members[SHEET] = sheet
    return _zipped(members)


def random_cell(rng: random.Random) -> str:
    kind = rng.choice(CELL_KINDS)
    return {"name": lambda: rng.choice(("张三", "李 四", "王五五五", "欧阳·娜娜")),
            "id": lambda: "".join(rng.choice("0123456789X") for _ in range(rng.choice((15, 17, 18, 19)))),
            "date": lambda: rng.choice(("1980-01-02", "1980.1.2", "19800102", "1980年1月2日", "31/02/1980")),
            "number": lambda: str(rng.choice((0, -1, 1e308, 3.5, 10**30))),
            "chinese": lambda: "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(rng.randrange(1, 12))),
            "quotes": lambda: rng.choice(('"', '""', 'a"b', '"未闭合', "'")),
            "newline": lambda: rng.choice(("甲\n乙", "\r", "\r\n", "a\rb")),
            "control": lambda: "".join(chr(rng.randrange(0, 32)) for _ in range(rng.randrange(1, 5))),
            "emoji": lambda: rng.choice(("😀", "𠮷", "\ufeff", "\u200b", "\ud7ff")),
            "empty": lambda: "",
            "formula": lambda: rng.choice(("=1+1", "=HYPERLINK(\"x\")", "+1", "@SUM(A1)"))}[kind]()


def random_csv(rng: random.Random) -> tuple[str, bytes]:
    """A CSV of random rows, with or without the list's header, in a random encoding and delimiter."""
    delimiter, encoding = rng.choice(DELIMITERS), rng.choice(ENCODINGS)
    width = rng.randrange(1, 16)
    rows = [HEADER] if rng.random() < 0.6 else []
    rows += [[random_cell(rng) for _ in range(rng.choice((width, rng.randrange(1, 20))))]
             for _ in range(rng.randrange(0, 30))]
    if rng.random() < 0.5:
        rows += good_rows(rng.randrange(1, 5))
    text = io.StringIO()
    quoting = rng.choice((csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE))
    for row in rows:  # QUOTE_NONE cannot write a row of one empty field
        csv.writer(text, delimiter=delimiter, quoting=quoting if row != [""] else csv.QUOTE_ALL,
                   escapechar="\\").writerow(row)
    data = text.getvalue().encode(encoding, errors="replace")
    return rng.choice((".csv", ".csv", ".txt")), data


def huge_cell(rng: random.Random) -> tuple[str, bytes]:
    """A list with one cell of 100 kB to 2 MB: a CSV field past the csv module's limit, or an .xlsx cell."""
    size = rng.choice((131_073, 500_000, 2_000_000))
    rows = [HEADER] + good_rows(2)
    rows[1][1] = rng.choice("张李王") * size
    if rng.random() < 0.5:
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        return ".csv", text.getvalue().encode(rng.choice(("utf-8", "gbk")))
    return ".xlsx", _zipped(_members(_book(rows)))


def _book(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def nothing(rng: random.Random) -> tuple[str, bytes]:
    """Files with no data: empty, blank, all NULs, only a byte-order mark or only delimiters."""
    data = rng.choice((b"", b" ", b"\r\n\r\n", b"\0" * rng.randrange(1, 5000), codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                       "\n\t \n".encode("utf-16"), b",,,\n,,,\n", b"\0\n\0\n", codecs.BOM_UTF8 + b"\0" * 100))
    return rng.choice((".csv", ".txt", ".xlsx", ".xls")), data


def junk(rng: random.Random) -> tuple[str, bytes]:
    """Random bytes under a spreadsheet's name, some starting like a zip or a compound file."""
    body = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20000)))
    start = rng.choice((b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe"))
    return rng.choice((".xlsx", ".xls", ".csv", ".txt")), start + body


def nul_sprinkled(rng: random.Random, data: bytes) -> bytes:
    spoiled = bytearray(data)
    for _ in range(rng.randrange(1, 50)):
        spoiled.insert(rng.randrange(len(spoiled)), 0)
    return bytes(spoiled)


MUTATIONS: tuple[tuple[str, Callable], ...] = (("flipped", flipped), ("truncated", truncated),
                                               ("member", member_spoiled), ("nul", nul_sprinkled),
                                               ("values", odd_values))
MAKERS: tuple[tuple[str, Callable], ...] = (("random csv", random_csv), ("huge cell", huge_cell),
                                            ("nothing", nothing), ("junk", junk))


def cases(folder: Path, count: int, seed: int = 14) -> list[Case]:
    """count cases: about half mutations of the valid files, half made from scratch."""
    rng = random.Random(seed)
    originals = seeds(folder)
    found = []
    for index in range(count):
        if index % 2 == 0:
            source = rng.choice(sorted(originals))
            how, mutate = rng.choice(MUTATIONS)
            if how in ("member", "values") and not source.endswith(".xlsx"):
                how, mutate = "flipped", flipped
            suffix, data = Path(source).suffix, mutate(rng, originals[source])
            how = f"{how} {source}"
        else:
            how, make = rng.choice(MAKERS)
            suffix, data = make(rng)
        found.append(Case(f"样本{index:03d}{suffix}", data, how))
    return found
