"""一人一档 as an Excel workbook: the periods year by year on one sheet, the hours records on another; the
ID number masked, the export noted in the audit log."""
from __future__ import annotations

from pathlib import Path

from app.domain.idcard import mask_id
from app.services.exports.tables import ExportTable, export_tables
from app.services.exports.xlsx import XlsxColumn
from app.services.training_record import TrainingRecord, training_record
from app.storage.connection import Database

CLASS_COLUMNS = [XlsxColumn("年度", 5, center=True), XlsxColumn("班次期次", 26), XlsxColumn("开始日期", 10, center=True),
                 XlsxColumn("结束日期", 10, center=True), XlsxColumn("状态", 6, center=True),
                 XlsxColumn("学时", 5, center=True), XlsxColumn("班委", 9), XlsxColumn("结业考核", 10),
                 XlsxColumn("结业理由", 16), XlsxColumn("党性分析", 6, center=True), XlsxColumn("研究报告", 24),
                 XlsxColumn("补训", 18)]
HOURS_COLUMNS = [XlsxColumn("年度", 5, center=True), XlsxColumn("类别", 8, center=True), XlsxColumn("来源", 20),
                 XlsxColumn("日期", 10, center=True), XlsxColumn("学时", 6, center=True), XlsxColumn("备注", 20)]
YEAR_COLUMNS = [XlsxColumn("年度", 5, center=True), XlsxColumn("参加班次（期次）", 10, center=True),
                XlsxColumn("班次学时", 8, center=True), XlsxColumn("网络学习学时", 8, center=True),
                XlsxColumn("其他学时", 8, center=True), XlsxColumn("合计学时", 8, center=True)]


def record_tables(record: TrainingRecord) -> list[ExportTable]:
    p = record.person
    subtitle = "　".join(part for part in (p.name, mask_id(p.id_number), record.unit_name, p.post, p.rank) if part)
    years = [[y.year, len(y.lines), y.class_hours, y.online_hours, y.other_hours, y.total] for y in record.years]
    classes = [[y.year, x.title, x.start_date, x.end_date, x.status, x.credited, x.role, x.assessment,
                x.completion_reason, "已交" if x.party_analysis else "", x.report_title, x.makeup]
               for y in record.years for x in y.lines]
    hours = [[y.year, r.kind, r.source, r.date, r.hours, r.notes] for y in record.years for r in y.records]
    return [ExportTable("逐年汇总", f"{p.name}培训档案", YEAR_COLUMNS, years, subtitle),
            ExportTable("参训记录", f"{p.name}参训记录", CLASS_COLUMNS, classes, subtitle),
            ExportTable("其他学时", f"{p.name}网络学习和其他学时", HOURS_COLUMNS, hours, subtitle)]


def export_record(db: Database, person_id: int, path: str | Path) -> Path:
    return export_tables(db, path, record_tables(training_record(db, person_id)), personal=True)
