"""A period's roster as a formatted .xlsx, in the order official lists use."""
from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from . import settings
from .roster import period_of, period_title, roster
from .xlsx_export import XlsxColumn, write_table

COLUMNS = [
    XlsxColumn("序号", 2.5, center=True),
    XlsxColumn("姓名", 5, center=True),
    XlsxColumn("性别", 2.5, center=True),
    XlsxColumn("民族", 3.5, center=True),
    XlsxColumn("出生日期", 6, center=True),
    XlsxColumn("身份证号码", 10, text=True),
    XlsxColumn("工作单位", 11),
    XlsxColumn("职务", 10),
    XlsxColumn("职级", 6),
    XlsxColumn("联系电话", 7, text=True),
    XlsxColumn("状态", 4, center=True),
    XlsxColumn("重点难点问题或典型案例", 18),
]


def export_roster(db: Database, period_id: int, path: str | Path, order: str = "unit") -> Path:
    """Everyone on the roster except those replaced, numbered in the chosen order."""
    period = period_of(db, period_id)
    lines = [line for line in roster(db, period_id, order) if line.status != "已替换"]
    rows = [[number, line.name, line.gender, line.ethnicity, line.birth_date, line.id_number, line.unit_name,
             line.post, line.rank, line.phone, line.status, line.key_problems]
            for number, line in enumerate(lines, start=1)]
    office = settings.get(db, "office_name") or ""
    subtitle = f"{office}　报到：{period.report_time or period.start_date}　{period.report_place}　共{len(rows)}人".strip("　")
    return write_table(path, "学员名单", f"{period_title(period)}学员名单", COLUMNS, rows,
                       subtitle=subtitle, landscape=True)
