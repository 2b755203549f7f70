"""Needs survey forms filled as a unit fills them: the program's own form opened with openpyxl, the unit and
contact typed, people per cadre category and months chosen in the topic rows, topics of the unit's own and a
comment written in, then saved (as .xlsx, or as another name)."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.services.survey.form import SHEET, columns, write_form


def blank_form(db, year: int, path: Path) -> Path:
    return write_form(db, year, path)


def rows_by_key(sheet) -> dict[str, int]:
    """Column A's keys -> their row (the first row of each key; extra rows listed as extra, extra2 …)."""
    found: dict[str, int] = {}
    extra = 0
    for row in range(1, sheet.max_row + 1):
        key = sheet.cell(row, 1).value
        if key == "extra":
            extra += 1
            key = "extra" if extra == 1 else f"extra{extra}"
        if key:
            found.setdefault(str(key), row)
    return found


def column_of(head: str) -> int:
    return columns().index(head) + 2


def fill(blank: Path, out: Path, unit: str, answers: dict[str, dict], *, contact: str = "李敏 023-61234567",
         own: list[tuple[str, dict]] = (), comments: str = "") -> Path:
    """answers: listed topic text -> {"people": {category: n}, "months": ("3月", "9月"), "notes": ""};
    own: (topic, that same dict) for the unit's own topics."""
    book = load_workbook(blank)
    sheet = book[SHEET]
    keys = rows_by_key(sheet)
    sheet.cell(keys["unit"], 4).value = unit
    sheet.cell(keys["contact"], 4).value = contact
    by_topic = {sheet.cell(row, 3).value: row for key, row in keys.items() if key.startswith("topic:")}
    for topic, wanted in answers.items():
        _row(sheet, by_topic[topic], wanted)
    for number, (topic, wanted) in enumerate(own, start=1):
        row = keys["extra" if number == 1 else f"extra{number}"]
        sheet.cell(row, 3).value = topic
        _row(sheet, row, wanted)
    if comments:
        sheet.cell(keys["comments"], 4).value = comments
    book.save(out)
    return out


def _row(sheet, row: int, wanted: dict) -> None:
    for category, people in wanted.get("people", {}).items():
        sheet.cell(row, column_of(category)).value = people
    for head, month in zip(("首选月份", "备选月份"), wanted.get("months", ()), strict=False):
        sheet.cell(row, column_of(head)).value = month
    if wanted.get("notes"):
        sheet.cell(row, column_of("备注")).value = wanted["notes"]


def as_xls(filled: Path, out: Path) -> Path:
    """The filled form saved again as .xls (as WPS or an old Excel saves it): every cell's value, the hidden keys
    too, merges left out."""
    import xlwt

    sheet = load_workbook(filled)[SHEET]
    book = xlwt.Workbook(encoding="utf-8")
    target = book.add_sheet(SHEET)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                target.write(cell.row - 1, cell.column - 1, cell.value)
    book.save(str(out))
    return out
