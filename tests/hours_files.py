"""Hours sheets as the online college and other institutions send them, written by the tests:
.xlsx with a title row and real date cells, .xls (xlwt), CSV in GBK."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import xlwt
from openpyxl import Workbook

HEADER = ["序号", "姓名", "身份证号", "学习时长（学时）", "完成日期", "学习平台", "课程名称"]


def write_xlsx(path: Path, rows: list[list], header: list[str] = HEADER, title: str = "2020年度网络学习学时统计表") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "学时"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_xls(path: Path, rows: list[list], header: list[str] = HEADER) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for column, text in enumerate(header):
        sheet.write(0, column, text)
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for index, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, date):
                sheet.write(index, column, value, dates)
            else:
                sheet.write(index, column, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: list[list], header: list[str] = HEADER, encoding: str = "gbk") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([[value.isoformat() if isinstance(value, date) else value for value in row] for row in rows])
    return path
