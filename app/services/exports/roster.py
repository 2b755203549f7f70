"""A period's roster as a formatted .xlsx, in the order official lists use.

ID numbers are masked unless full ones are asked for (个人信息保护法): a list that circulates needs no
more than 110101********1234. Every export is written to the audit log, saying which it was.
"""
from __future__ import annotations

from pathlib import Path

from app.domain.errors import UserError
from app.domain.idcard import mask_id
from app.domain.status import EnrollmentStatus
from app.services import settings
from app.services.exports.xlsx import XlsxColumn, write_table
from app.services.roster import period_of, period_title, roster
from app.services.safety import audit
from app.storage.connection import Database

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


def id_shown(full_ids: bool) -> str:
    """How an export showed ID numbers, in the audit log's words."""
    return "含完整身份证号" if full_ids else "身份证号已隐去中间部分"


def export_roster(db: Database, period_id: int, path: str | Path, order: str = "unit", *,
                  full_ids: bool = False) -> Path:
    """Everyone on the roster except those replaced, numbered in the chosen order."""
    logged = audit.can_record(db)  # not when opened read-only: then only masked numbers leave
    if full_ids and not logged:
        raise UserError("只读打开时不能导出完整身份证号码（无法记入操作日志）")
    period = period_of(db, period_id)
    lines = [line for line in roster(db, period_id, order) if not EnrollmentStatus.is_replaced(line.status)]
    shown = (lambda number: number) if full_ids else mask_id
    rows = [[number, line.name, line.gender, line.ethnicity, line.birth_date, shown(line.id_number), line.unit_name,
             line.post, line.rank, line.phone, line.status, line.key_problems]
            for number, line in enumerate(lines, start=1)]
    office = settings.get(db, "office_name") or ""
    subtitle = f"{office}　报到：{period.report_time or period.start_date}　{period.report_place}　共{len(rows)}人".strip("　")
    saved = write_table(path, "学员名单", f"{period_title(period)}学员名单", COLUMNS, rows,
                        subtitle=subtitle, landscape=True)
    if logged:
        audit.record(db, "导出学员名单", "period", period_id,
                     f"{period_title(period)}：{len(rows)}人，{id_shown(full_ids)}，保存为 {saved.name}")
    return saved
