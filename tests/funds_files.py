"""Spending lists as finance offices send them: a title over the table, their own header words, a total row."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

HEADER = ["序号", "支付日期", "费用类别", "摘要", "收款单位", "支出金额（元）", "凭证编号"]


def good_rows() -> list[list]:
    return [[1, date(2020, 3, 5), "住宿费", "学员住宿", "县委党校", 12000, "记-001"],
            [2, "2020.3.6", "伙食费", "学员用餐", "县委党校食堂", "8,500.50", "记-002"],
            [3, "3月9日", "资料费", "教材", "新华书店", 1200, ""]]


def bad_rows() -> list[list]:
    return [[4, "2020-02-30", "交通费", "大巴", "客运公司", 900, "记-004"],
            [5, date(2020, 3, 10), "", "无项目", "某单位", 100, ""],
            [6, date(2020, 3, 11), "场地费", "会议室", "@某单位", "三百", ""]]


def write_xlsx(path: Path, rows: list[list], *, total: bool = True) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "支出明细"
    sheet.append(["中青年干部培训班经费支出明细表"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if total:
        sheet.append(["合计", "", "", "", "", 21700.5, ""])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
