"""Importing 学时 from a spreadsheet (e.g. online learning at the cadre online college, with source and
date): people are matched by ID number; a row with an unknown person, bad hours or a bad date is refused
with its reason; a row already imported is skipped; every valid row is written in one transaction,
after a backup, and the import is kept in the audit log."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import UserError
from ..domain.idcard import id_error, mask_id, normalize_id
from ..domain.models import HoursRecord
from ..domain.text import clean, clean_name
from ..domain.validation import date_error
from ..storage import tables
from ..storage.db import db_path
from . import audit, backups, hours
from .hours_columns import TOTAL_WORDS, HoursLayout, choose_sheet, date_value, kind_error, kind_value, year_value
from .progress import NO_PROGRESS, Progress
from .sheet_reader import cell_text, read_sheets

IMPORTED, REFUSED, ALREADY = "导入", "未通过", "已导入过"


@dataclass
class HoursImportOptions:
    """What a row takes when the file has no such column (or the cell is empty)."""
    year: int | None = None
    source: str = ""
    kind: str = "网络学习"

    def check(self) -> None:
        if self.year is not None and not hours.FIRST_YEAR <= self.year <= hours.LAST_YEAR:
            raise UserError(f"导入年度应在{hours.FIRST_YEAR}至{hours.LAST_YEAR}之间")
        if self.kind not in hours.KINDS:
            raise UserError(kind_error(self.kind))


@dataclass
class HoursRow:
    line: int  # the row's number in the sheet, as Excel shows it
    name: str
    id_number: str
    record: HoursRecord | None = None
    status: str = IMPORTED
    reason: str = ""

    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number)


@dataclass
class HoursImport:
    file_name: str
    sheet_name: str
    layout: HoursLayout
    rows: list[HoursRow] = field(default_factory=list)
    dry_run: bool = False
    written: int = 0
    backup: Path | None = None

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    @property
    def refused(self) -> list[HoursRow]:
        return [row for row in self.rows if row.status == REFUSED]

    @property
    def hours(self) -> float:
        return sum(row.record.hours for row in self.rows if row.status == IMPORTED)

    def summary(self) -> str:
        verb = "可导入" if self.dry_run else "导入"
        parts = [f"共{len(self.rows)}行", f"{verb}{self.count(IMPORTED)}条（{self.hours:g}学时）"]
        if self.count(ALREADY):
            parts.append(f"已导入过{self.count(ALREADY)}条（跳过）")
        if self.count(REFUSED):
            parts.append(f"未通过{self.count(REFUSED)}行")
        return "，".join(parts)


class _RowChecker:
    def __init__(self, db: Database, layout: HoursLayout, options: HoursImportOptions):
        self.columns, self.options = layout.columns, options
        self.people = {number: (person_id, name) for person_id, name, number
                       in db.execute("SELECT id, name, id_number FROM people")}
        self.known = {_key(record) for record in tables.hours_records(db).where()}
        self.seen: dict[tuple, int] = {}

    def cell(self, row: list, key: str) -> object:
        index = self.columns.get(key)
        return row[index] if index is not None and index < len(row) else ""

    def text(self, row: list, key: str) -> str:
        return clean(cell_text(self.cell(row, key)))

    def check(self, line: int, row: list) -> HoursRow:
        name, raw_id = clean_name(cell_text(self.cell(row, "name"))), self.text(row, "id_number")
        found = HoursRow(line, name, normalize_id(raw_id))
        reasons = self._person(found, raw_id)
        record, problems = self._record(row, found)
        reasons += problems
        if not reasons:
            reasons += self._repeated(line, record, found)
        found.record = record
        if reasons:
            found.status, found.reason = REFUSED, "；".join(reasons)
        return found

    def _person(self, found: HoursRow, raw_id: str) -> list[str]:
        if not raw_id:
            return ["缺少身份证号码"]
        if message := id_error(raw_id):
            return [message]
        if found.id_number not in self.people:
            return [f"档案中没有身份证号码为{found.masked_id}的人员，请先在“学员”中登记"]
        person_id, archive_name = self.people[found.id_number]
        if found.name and found.name != clean_name(archive_name):
            return [f"姓名“{found.name}”与档案中此身份证号码的“{archive_name}”不符"]
        if not found.name:
            found.name = archive_name
        return []

    def _record(self, row: list, found: HoursRow) -> tuple[HoursRecord, list[str]]:
        reasons = []
        typed_hours = self.text(row, "hours")
        amount = hours.hours_value(self.cell(row, "hours"))
        if not typed_hours:
            reasons.append("缺少学时")
        elif amount is None:
            reasons.append(f"学时“{typed_hours}”不是数字")
        day = date_value(self.cell(row, "date"))
        if day and date_error(day, "日期"):
            reasons.append(f"日期“{self.text(row, 'date')}”无法识别（应如 2020-05-08）")
            day = ""
        year, reason = self._year(row, day)
        reasons += [reason] if reason else []
        kind = self._kind(row, reasons)
        record = HoursRecord(self.people.get(found.id_number, (0,))[0], year or 0, amount, kind,
                             self.text(row, "source") or self.options.source, day, self.text(row, "notes"))
        if not reasons:
            reasons += list(hours.record_errors(record).values())
        return record, reasons

    def _year(self, row: list, day: str) -> tuple[int | None, str]:
        typed = self.text(row, "year")
        if typed:
            year = year_value(self.cell(row, "year"))
            return year, "" if year else f"年度“{typed}”无效"
        if self.options.year:
            return self.options.year, ""
        if day:
            return int(day[:4]), ""
        return None, "缺少年度（文件中没有年度和日期，请指定导入年度）"

    def _kind(self, row: list, reasons: list[str]) -> str:
        typed = self.text(row, "kind")
        if not typed:
            return self.options.kind
        kind = kind_value(typed)
        if kind is None:
            reasons.append(kind_error(typed))
        return kind or self.options.kind

    def _repeated(self, line: int, record: HoursRecord, found: HoursRow) -> list[str]:
        key = _key(record)
        if key in self.known:
            found.status, found.reason = ALREADY, "与已有学时记录相同，已跳过"
            return []
        if key in self.seen:
            return [f"与第{self.seen[key]}行完全相同"]
        self.seen[key] = line
        return []


def _key(record: HoursRecord) -> tuple:
    return (record.person_id, record.year, record.hours, record.kind, record.source, record.date, record.notes)


def _is_blank(row: list, layout: HoursLayout) -> bool:
    """An empty row, or a total row at the bottom (合计 with no ID number)."""
    cells = [clean(cell_text(cell)) for cell in row]
    if not any(cells):
        return True
    id_index = layout.columns["id_number"]
    no_id = id_index >= len(cells) or not cells[id_index]
    return no_id and any(cell.replace(" ", "") in TOTAL_WORDS for cell in cells)


def check_file(db: Database, path: str | Path, options: HoursImportOptions,
               progress: Progress = NO_PROGRESS) -> HoursImport:
    """Reads and checks every row; writes nothing."""
    options.check()
    path = Path(path)
    sheet, layout = choose_sheet(read_sheets(path), path.name)
    result = HoursImport(path.name, sheet.name, layout, dry_run=True)
    checker = _RowChecker(db, layout, options)
    body = sheet.rows[layout.header_row + 1:]
    for offset, row in enumerate(body):
        if offset % 200 == 0:
            progress.step(offset, len(body) * 2)
        if not _is_blank(row, layout):
            result.rows.append(checker.check(layout.header_row + 2 + offset, row))
    if not result.rows:
        raise UserError(f"“{path.name}”的表头下没有数据行")
    return result


def import_hours(db: Database, path: str | Path, options: HoursImportOptions, *, dry_run: bool = False,
                 progress: Progress = NO_PROGRESS) -> HoursImport:
    """Checks the file, then (unless dry_run) backs the database up and writes every valid row at once."""
    result = check_file(db, path, options, progress)
    result.dry_run = dry_run
    accepted = [row for row in result.rows if row.status == IMPORTED]
    if dry_run or not accepted:
        return result
    if db_path(db) is not None:  # an in-memory database (the tests') has nothing to back up
        result.backup = backups.take(db, "导入前")
    table, total = tables.hours_records(db), len(accepted) * 2
    with db.atomic():
        for done, row in enumerate(accepted, start=len(accepted)):
            if done % 200 == 0:
                progress.step(done, total)
            table.insert(row.record)
        audit.record(db, "导入学时", detail=f"{result.file_name}：{result.summary()}")
        progress.step(total, total)
    result.written = len(accepted)
    return result
