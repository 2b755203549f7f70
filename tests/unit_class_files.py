"""A unit's sheet of its own class, as units send them: a title row naming the class and its dates (merged
across the table), or labelled cells, or columns; written by the tests."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HEADER = ["序号", "姓名", "身份证号码", "职务", "学时", "备注"]
TITLE = "县财政局政府采购业务培训班学员名单（2020年10月12日至16日）"


def write_xlsx(path: Path, rows: list[list], header: list[str] = HEADER, above: list[list] | None = None) -> Path:
    """rows under the header; above: the rows over it (default: the title, merged across the table)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "学员名单"
    for row in [[TITLE]] if above is None else above:
        sheet.append(row)
    if above is None:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def trainee_rows(people: list[tuple[str, str]], hours: object = 30) -> list[list]:
    """(name, ID number) as numbered rows with a post and the hours."""
    return [[index, name, number, "科员", hours, ""] for index, (name, number) in enumerate(people, start=1)]
