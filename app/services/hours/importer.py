"""Importing 学时 from a spreadsheet (e.g. online learning at the cadre online college, with source and
date): people are matched by ID number; a row with an unknown person, bad hours or a bad date is refused
with its reason; a row already imported is skipped; every valid row is written in one transaction,
after a backup, and the import is kept in the audit log."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import UserError
from app.domain.idcard import id_error, mask_id, normalize_id
from app.domain.models import HoursRecord
from app.domain.text import clean, clean_name
from app.domain.validation import date_error
from app.services.hours import ledger
from app.services.hours.columns import (
    TOTAL_WORDS,
    HoursLayout,
    choose_sheet,
    date_value,
    kind_error,
    kind_value,
    year_value,
)
from app.services.importing.cells import cell_text
from app.services.importing.marker import importing
from app.services.importing.reader import read_sheets
from app.services.progress import NO_PROGRESS, Progress
from app.services.safety import audit, backups
from app.storage import people_bulk, tables
from app.storage.connection import Database
from app.storage.db import db_path

IMPORTED, REFUSED, ALREADY = "导入", "未通过", "已导入过"
_CHUNK = 1000  # rows written between two progress reports (and chances to cancel)


@dataclass
class HoursImportOptions:
    """What a row takes when the file has no such column (or the cell is empty)."""
    year: int | None = None
    source: str = ""
    kind: str = "网络学习"

    def check(self) -> None:
        if self.year is not None and not ledger.FIRST_YEAR <= self.year <= ledger.LAST_YEAR:
            raise UserError(f"导入年度应在{ledger.FIRST_YEAR}至{ledger.LAST_YEAR}之间")
        if self.kind not in ledger.KINDS:
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
    notes: list[str] = field(default_factory=list)  # about the file: macros never run, a hidden sheet read

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
    """Checks the rows of one sheet. The values that repeat down a sheet (people, dates, sources, courses)
    are worked out once each: an online college's yearly export runs to tens of thousands of rows."""

    def __init__(self, db: Database, layout: HoursLayout, options: HoursImportOptions):
        self.columns, self.options = layout.columns, options
        self.people = {number: (person_id, name, clean_name(name)) for person_id, name, number
                       in people_bulk.identities(db)}
        self.known = {_key(record) for record in tables.hours_records(db).all()}
        self.seen: dict[tuple, int] = {}
        self._memo: dict[tuple, object] = {}

    def _once(self, kind: str, value: object, compute):
        key = (kind, type(value), value)  # the type too: 1, 1.0 and True are equal keys otherwise
        if key not in self._memo:
            self._memo[key] = compute(value)
        return self._memo[key]

    def _text(self, cells: dict, key: str) -> str:
        return self._once("text", cells.get(key, ""), lambda value: clean(cell_text(value)))

    def check(self, line: int, row: list) -> HoursRow:
        width = len(row)
        cells = {key: row[index] if index < width else "" for key, index in self.columns.items()}
        name = self._once("name", cells.get("name", ""), lambda value: clean_name(cell_text(value)))
        number, person_id, archive_name, reason = self._once("id", cells["id_number"], self._identify)
        found = HoursRow(line, name or archive_name, number)
        reasons = [reason] if reason else []
        if name and archive_name and name != self.people[number][2]:
            reasons.append(f"姓名“{name}”与档案中此身份证号码的“{archive_name}”不符")
        record = self._record(cells, person_id or 0, reasons)
        if not reasons:
            reasons += list(ledger.record_errors(record).values()) or self._repeated(line, record, found)
        found.record = record
        if reasons:
            found.status, found.reason = REFUSED, "；".join(reasons)
        return found

    def _identify(self, value: object) -> tuple[str, int | None, str, str]:
        """(ID number, person, their name in the archive, why the row cannot be matched)."""
        raw = clean(cell_text(value))
        if not raw:
            return "", None, "", "缺少身份证号码"
        number = normalize_id(raw)
        if message := id_error(raw):
            return number, None, "", message
        if number not in self.people:
            return number, None, "", f"档案中没有身份证号码为{mask_id(number)}的人员，请先在“学员”中登记"
        person_id, archive_name, _ = self.people[number]
        return number, person_id, archive_name, ""

    def _record(self, cells: dict, person_id: int, reasons: list[str]) -> HoursRecord:
        amount, problem = self._once("hours", cells.get("hours", ""), _hours)
        day, date_problem = self._once("date", cells.get("date", ""), _day)
        year, year_problem = self._year(cells, day)
        kind, kind_problem = self._kind(cells)
        reasons += [text for text in (problem, date_problem, year_problem, kind_problem) if text]
        return HoursRecord(person_id, year or 0, amount, kind, self._text(cells, "source") or self.options.source,
                           day, self._text(cells, "notes"))

    def _year(self, cells: dict, day: str) -> tuple[int | None, str]:
        typed = self._text(cells, "year")
        if typed:
            year = year_value(cells["year"])
            return year, "" if year else f"年度“{typed}”无效"
        if self.options.year:
            return self.options.year, ""
        if day:
            return int(day[:4]), ""
        return None, "缺少年度（文件中没有年度和日期，请指定导入年度）"

    def _kind(self, cells: dict) -> tuple[str, str]:
        typed = self._text(cells, "kind")
        if not typed:
            return self.options.kind, ""
        kind = kind_value(typed)
        return (kind, "") if kind else (self.options.kind, kind_error(typed))

    def _repeated(self, line: int, record: HoursRecord, found: HoursRow) -> list[str]:
        key = _key(record)
        if key in self.known:
            found.status, found.reason = ALREADY, "与已有学时记录相同，已跳过"
            return []
        if key in self.seen:
            return [f"与第{self.seen[key]}行完全相同"]
        self.seen[key] = line
        return []


def _hours(value: object) -> tuple[float | None, str]:
    typed = clean(cell_text(value))
    if not typed:
        return None, "缺少学时"
    amount = ledger.hours_value(value)
    return amount, "" if amount is not None else f"学时“{typed}”不是数字"


def _day(value: object) -> tuple[str, str]:
    day = date_value(value)
    if day and date_error(day, "日期"):
        return "", f"日期“{clean(cell_text(value))}”无法识别（应如 2020-05-08）"
    return day, ""


def _key(record: HoursRecord) -> tuple:
    return (record.person_id, record.year, record.hours, record.kind, record.source, record.date, record.notes)


def _is_blank(row: list, id_index: int) -> bool:
    """An empty row, or a total row at the bottom (合计 with no ID number)."""
    id_cell = row[id_index] if id_index < len(row) else ""
    if id_cell is not None and (not isinstance(id_cell, str) or id_cell.strip()):
        return False  # the usual row: an ID number is there
    cells = [clean(cell_text(cell)) for cell in row]
    return not any(cells) or any(cell.replace(" ", "") in TOTAL_WORDS for cell in cells)


def check_file(db: Database, path: str | Path, options: HoursImportOptions,
               progress: Progress = NO_PROGRESS) -> HoursImport:
    """Reads and checks every row; writes nothing."""
    options.check()
    path = Path(path)
    sheet, layout = choose_sheet(read_sheets(path), path.name)
    result = HoursImport(path.name, sheet.name, layout, dry_run=True, notes=sheet.notes)
    checker = _RowChecker(db, layout, options)
    body = sheet.rows[layout.header_row + 1:]
    for offset, row in enumerate(body):
        if offset % 200 == 0:
            progress.step(offset, len(body) * 2)
        row_index = layout.header_row + 1 + offset
        unreadable = [reason for (r, c), reason in sheet.bad_cells.items()
                      if r == row_index and c in layout.columns.values()]
        if unreadable or not _is_blank(row, layout.columns["id_number"]):
            found = checker.check(row_index + 1, row)
            if unreadable:  # a formula without its saved result is never read as empty
                found.status, found.reason = REFUSED, "；".join([*unreadable, found.reason] if found.reason else unreadable)
            result.rows.append(found)
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
    with importing(db, result.file_name):  # a killed import is told at the next start
        if db_path(db) is not None:  # an in-memory database (the tests') has nothing to back up
            result.backup = backups.take(db, "导入前")
        _write(db, result, accepted, progress)
    result.written = len(accepted)
    return result


def _write(db: Database, result: HoursImport, accepted: list, progress: Progress) -> None:
    table, total = tables.hours_records(db), len(accepted) * 2
    with db.atomic():
        for start in range(0, len(accepted), _CHUNK):
            progress.step(len(accepted) + start, total)
            table.insert_many(row.record for row in accepted[start:start + _CHUNK])
        audit.record(db, "导入学时", detail=f"{result.file_name}：{result.summary()}")
        progress.step(total, total)
