"""Unit lists as offices receive them, written by the tests: .xlsx (openpyxl), .xls (xlwt), CSV in GBK.

`good_rows()` are valid new people of the demo units; `BAD_ROWS` each carry one mistake that refuses the row
(the person cannot be identified, the row contradicts itself, the unit is unknown), with the field that must
be marked and a word of the expected reason; `NOTED_ROWS` are imported with a note on one cell.
"""
from __future__ import annotations

import csv
from pathlib import Path

import xlwt
from openpyxl import Workbook

from app.domain.idcard import check_digit

HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "工作单位", "现任职务", "职级", "干部类别",
          "政治面貌", "学历", "手机号码", "重点难点问题或典型案例"]


def id_number(birth: str, order: int, region: str = "500236") -> str:
    first17 = f"{region}{birth.replace('-', '')}{order:03d}"
    return first17 + check_digit(first17)


def person(name: str, birth: str, order: int, unit: str = "县委办公室", **changes) -> list:
    """A row in HEADER's order; order's parity decides the sex (odd: 男)."""
    values = {"序号": "", "姓名": name, "性别": "男" if order % 2 else "女", "民族": "汉族", "出生日期": birth,
              "公民身份号码": id_number(birth, order), "工作单位": unit, "现任职务": "科员", "职级": "一级科员",
              "干部类别": "公务员", "政治面貌": "中共党员", "学历": "大学本科", "手机号码": f"139{order:08d}",
              "重点难点问题或典型案例": "如何做好基层减负"}
    values.update(changes)
    return [values[key] for key in HEADER]


def good_rows(count: int = 3) -> list[list]:
    units = ["县委办公室", "县委组织部", "县财政局", "青龙乡"]
    surnames = "赵钱孙李周吴郑王冯陈"
    return [person(f"{surnames[i % 10]}{'明华'[i % 2]}{'伟芳'[i % 2]}", f"198{i % 10}-0{1 + i % 9}-1{i % 10}",
                   101 + i * 2 % 800, units[i % 4]) for i in range(count)]


def wrong_check_digit(number: str) -> str:
    return number[:17] + ("1" if number[17] == "0" else "0")


# (row, field that must be marked, word of the reason)
BAD_ROWS = [
    (person("钱科学", "1990-01-01", 301, 公民身份号码=1.10101199001011e17), "id_number", "科学计数法"),
    (person("孙校验", "1990-02-02", 303, 公民身份号码=wrong_check_digit(id_number("1990-02-02", 303))),
     "id_number", "校验位"),
    (person("李性别", "1990-03-03", 305, 性别="女"), "gender", "性别与身份证号码不符"),
    (person("周生日", "1990-04-04", 307, 出生日期="1990-05-04"), "birth_date", "出生日期与身份证号码不符"),
    (person("郑单位", "1990-06-06", 311, 工作单位="县新成立办公室"), "unit", "不在单位名录"),
]


# (row, field that must be noted, word of the note): imported as written, with the note
NOTED_ROWS = [
    (person("吴电话", "1990-05-05", 309, 手机号码="1381234"), "phone", "11位"),
]


def fullwidth_row() -> list:
    """Full-width digits in the ID, spaces in the name and around the unit: normalised, not refused."""
    row = person("王  五", "1985-07-08", 401, 工作单位=" 县委办公室 ")
    row[HEADER.index("公民身份号码")] = row[HEADER.index("公民身份号码")].translate(
        {ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    return row


def write_xlsx(path: Path, rows: list[list], *, title: str = "2020年科级干部培训班学员名单", sheet: str = "名单",
               extra_sheet: bool = False) -> Path:
    """A title merged over the table, the header, the rows; the ID column stays as the row gives it."""
    book = Workbook()
    if extra_sheet:
        book.active.title = "说明"
        book.active["A1"] = "本表由县委办公室报送"
        target = book.create_sheet(sheet)
    else:
        target = book.active
        target.title = sheet
    target.append([title])
    target.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    target.append(HEADER)
    for row in rows:
        target.append(row)
    target.append([])
    target.append(["填表人：张三　　联系电话：023-57720001"])
    book.save(path)
    return path


def write_xls(path: Path, rows: list[list]) -> Path:
    """An old .xls as WPS saves it, with a title row merged over the table."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    sheet.write_merge(0, 0, 0, len(HEADER) - 1, "学员名单")
    for column, header in enumerate(HEADER):
        sheet.write(1, column, header)
    for index, row in enumerate(rows, start=2):
        for column, value in enumerate(row):
            sheet.write(index, column, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: list[list], encoding: str = "gbk") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path
