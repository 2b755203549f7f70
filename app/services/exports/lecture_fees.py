"""讲课费发放表 as Excel: the period's or the lecturer's year's lines with numbers kept as numbers, phones
masked, and the total; noted in the audit log like any list of people."""
from __future__ import annotations

from pathlib import Path

from app.domain.phone import mask_phone
from app.services.exports.tables import ExportTable, export_tables
from app.services.exports.xlsx import XlsxColumn
from app.services.teaching import fees
from app.storage import tables
from app.storage.connection import Database

PERIOD_COLUMNS = [XlsxColumn("序号", 3), XlsxColumn("日期", 6, text=True), XlsxColumn("时段", 3),
                  XlsxColumn("课程内容", 16), XlsxColumn("授课人", 5), XlsxColumn("职称", 5),
                  XlsxColumn("联系电话", 7, text=True), XlsxColumn("学时", 3), XlsxColumn("标准（元/学时）", 6),
                  XlsxColumn("金额（元）", 6), XlsxColumn("备注", 10)]
LECTURER_COLUMNS = [XlsxColumn("序号", 3), XlsxColumn("日期", 6, text=True), XlsxColumn("时段", 3),
                    XlsxColumn("期次", 14), XlsxColumn("课程内容", 16), XlsxColumn("学时", 3),
                    XlsxColumn("标准（元/学时）", 6), XlsxColumn("金额（元）", 6), XlsxColumn("备注", 10)]


def period_table(db: Database, period_id: int) -> ExportTable:
    sheet = fees.period_sheet(db, period_id)
    phones = {lecturer.id: lecturer.phone for lecturer in tables.lecturers(db).all()}
    rows = [[n, line.session.day, line.session.half, line.session.topic, line.lecturer, line.title,
             mask_phone(phones.get(line.session.lecturer_id, "")), line.paid_hours, line.rate, line.amount, line.note]
            for n, line in enumerate(sheet.lines, start=1)]
    rows.append(["合计", "", "", "", "", "", "", sheet.total_hours, "", sheet.total_amount, ""])
    return ExportTable("讲课费", sheet.title, PERIOD_COLUMNS, rows)


def lecturer_table(db: Database, lecturer_id: int, year: int) -> ExportTable:
    sheet = fees.lecturer_sheet(db, lecturer_id, year)
    rows = [[n, line.session.day, line.session.half, line.period_label, line.session.topic, line.paid_hours, line.rate,
             line.amount, line.note] for n, line in enumerate(sheet.lines, start=1)]
    rows.append(["合计", "", "", "", "", sheet.total_hours, "", sheet.total_amount, ""])
    return ExportTable("讲课费", sheet.title, LECTURER_COLUMNS, rows)


def export_period(db: Database, period_id: int, path: str | Path) -> Path:
    return export_tables(db, path, [period_table(db, period_id)], personal=True)


def export_lecturer(db: Database, lecturer_id: int, year: int, path: str | Path) -> Path:
    return export_tables(db, path, [lecturer_table(db, lecturer_id, year)], personal=True)
