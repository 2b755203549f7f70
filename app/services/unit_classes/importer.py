"""Filing a unit's own class (单位自办) from its sheet: the class with one closed period (结班), its trainees as
结业 with their 学时, which reach their hours ledgers as any closed period's do. People are matched by ID
number; a person the archive does not know is created from the name and the number (sex and birth date come
from it) in the unit, since their hours would otherwise be lost (the trainee import does the same). A row
without a valid ID number, a name or 学时, or whose name differs from the archive's, is refused with its
reason; the file is refused when it names no class, no dates, or a class filed already. Everything is written
in one transaction after a backup, and logged."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import NotFound, UserError
from app.domain.funds import UNIT
from app.domain.idcard import IdNumberError, mask_id, normalize_id, parse_id
from app.domain.models import Enrollment, Period, Person, TrainingClass, Unit
from app.domain.status import EnrollmentStatus, PeriodStatus
from app.domain.text import clean, clean_name
from app.domain.validation import date_error, name_error, range_error
from app.services.hours import ledger
from app.services.importing.cells import cell_text
from app.services.importing.marker import importing
from app.services.importing.reader import read_sheets
from app.services.progress import NO_PROGRESS, Progress
from app.services.safety import audit, backups
from app.services.unit_classes.sheet import UnitClassLayout, choose_sheet, date_range
from app.services.unit_classes.values import column_value, is_blank
from app.storage import people_bulk, tables
from app.storage import unit_classes as filed
from app.storage.connection import Database

MATCHED, CREATED, REFUSED = "导入", "新建人员", "未通过"
KIND = "专题班"  # a unit's class is on one subject; the clerk may change it in the class form


@dataclass
class TraineeRow:
    line: int  # as Excel numbers it
    name: str
    id_number: str
    hours: float = 0.0
    post: str = ""
    notes: str = ""
    person_id: int | None = None
    status: str = MATCHED
    reason: str = ""

    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number)


@dataclass
class UnitClassImport:
    file_name: str
    sheet_name: str
    layout: UnitClassLayout
    unit: Unit
    class_name: str = ""
    start: str = ""
    end: str = ""
    rows: list[TraineeRow] = field(default_factory=list)
    dry_run: bool = True
    backup: Path | None = None
    class_id: int | None = None
    period_id: int | None = None
    notes: list[str] = field(default_factory=list)

    def count(self, *statuses: str) -> int:
        return sum(row.status in statuses for row in self.rows)

    @property
    def accepted(self) -> list[TraineeRow]:
        return [row for row in self.rows if row.status != REFUSED]

    @property
    def refused(self) -> list[TraineeRow]:
        return [row for row in self.rows if row.status == REFUSED]

    @property
    def hours(self) -> float:
        return sum(row.hours for row in self.accepted)

    def heading(self) -> str:
        return f"{self.unit.name}自办：{self.class_name}（{self.start}至{self.end}）"

    def summary(self) -> str:
        verb = "可导入" if self.dry_run else "已导入"
        parts = [f"共{len(self.rows)}行", f"{verb}{len(self.accepted)}人（{self.hours:g}学时）"]
        if self.count(CREATED):
            parts.append(f"其中{self.count(CREATED)}人档案中没有，{'将' if self.dry_run else '已'}新建")
        if self.refused:
            parts.append(f"未通过{len(self.refused)}行")
        return "，".join(parts)


def check_file(db: Database, path: str | Path, unit_id: int, progress: Progress = NO_PROGRESS) -> UnitClassImport:
    """Reads the sheet and checks the class and every row; writes nothing."""
    unit = _unit(db, unit_id)
    path = Path(path)
    sheet, layout = choose_sheet(read_sheets(path), path.name)
    result = UnitClassImport(path.name, sheet.name, layout, unit, notes=[*sheet.notes, *layout.found_in])
    body = [(index, row) for index, row in enumerate(sheet.rows) if index > layout.header_row
            and not is_blank(row, layout.columns)]
    _class_of(result, [row for _, row in body])
    people = {number: (person_id, clean_name(name)) for person_id, name, number in people_bulk.identities(db)}
    seen: dict[str, int] = {}
    for count, (index, row) in enumerate(body):
        if count % 200 == 0:
            progress.step(count, len(body))
        bad = [reason for (r, c), reason in sheet.bad_cells.items() if r == index and c in layout.columns.values()]
        result.rows.append(_row(index + 1, row, layout, people, seen, bad))
    if not result.rows:
        raise UserError(f"“{path.name}”的表头下没有学员")
    return result


def _unit(db: Database, unit_id: int) -> Unit:
    try:
        return tables.units(db).get(unit_id)
    except NotFound:
        raise UserError(f"没有编号为{unit_id}的单位（单位编号见“单位”页）") from None


def _class_of(result: UnitClassImport, rows: list[list]) -> None:
    """The class's name and dates: above the header, else the columns (one class a file)."""
    layout = result.layout
    name = layout.class_name or column_value(rows, layout.columns.get("class_name"), "班次名称")
    start, end = layout.start, layout.end
    if not start and "dates" in layout.columns:
        start, end = date_range(column_value(rows, layout.columns["dates"], "培训时间"))
    if not start:
        start = column_value(rows, layout.columns.get("start"), "开始日期", dates=True)
    end = end or column_value(rows, layout.columns.get("end"), "结束日期", dates=True) or start
    if not name:
        raise UserError(f"“{result.file_name}”中没有找到班次名称：请在标题行写明班次名称，或加“班次名称”一列")
    if not start:
        raise UserError(f"“{result.file_name}”中没有找到培训时间：请在标题中写明（如 2020年6月8日至12日），"
                        "或加“开始日期”“结束日期”两列")
    if message := date_error(start, "开始日期") or date_error(end, "结束日期") or range_error(start, end):
        raise UserError(f"培训时间{start}至{end}：{message}")
    result.class_name, result.start, result.end = clean(name)[:100], start, end


def _row(line: int, row: list, layout: UnitClassLayout, people: dict, seen: dict, bad: list[str]) -> TraineeRow:
    cells = {key: row[index] if index < len(row) else "" for key, index in layout.columns.items()}
    name = clean_name(cell_text(cells.get("name", "")))
    raw = clean(cell_text(cells["id_number"]))
    found = TraineeRow(line, name, normalize_id(raw), post=clean(cell_text(cells.get("post", "")))[:200],
                       notes=clean(cell_text(cells.get("notes", "")))[:500])
    reasons = list(bad) + _identity(found, raw, people)
    hours = ledger.hours_value(cells["hours"])
    typed = clean(cell_text(cells["hours"]))
    if hours is None:
        reasons.append(f"学时“{typed}”不是数字" if typed else "缺少学时")
    elif not 0 < hours <= ledger.MAX_HOURS:
        reasons.append(f"学时{hours:g}不在0至{ledger.MAX_HOURS}之间")
    else:
        found.hours = hours
    if not reasons and found.id_number in seen:
        reasons.append(f"与第{seen[found.id_number]}行是同一人")
    seen.setdefault(found.id_number, line)
    if reasons:
        found.status, found.reason = REFUSED, "；".join(reasons)
    return found


def _identity(found: TraineeRow, raw: str, people: dict) -> list[str]:
    if not raw:
        return ["缺少身份证号码"]
    try:
        parse_id(found.id_number)
    except IdNumberError as error:
        return [str(error)]
    if found.id_number in people:
        found.person_id, archive_name = people[found.id_number]
        if found.name and found.name != archive_name:
            return [f"姓名“{found.name}”与档案中此身份证号码的“{archive_name}”不符"]
        found.name = found.name or archive_name
        return []
    if message := name_error(found.name):
        return [f"{message}（档案中没有此人，需要姓名才能登记）"]
    found.status = CREATED
    return []


def import_unit_class(db: Database, path: str | Path, unit_id: int, *, dry_run: bool = False,
                      progress: Progress = NO_PROGRESS) -> UnitClassImport:
    """Checks the file, then (unless dry_run) backs up and files the class in one transaction."""
    result = check_file(db, path, unit_id, progress)
    if filed.filed_period(db, unit_id, result.class_name, result.start) is not None:
        raise UserError(f"{result.unit.name}的“{result.class_name}”（{result.start}开班）已经导入过，未重复导入")
    result.dry_run = dry_run
    if not result.accepted:
        raise UserError(f"“{result.file_name}”中没有可以导入的学员：" + "；".join(
            f"第{row.line}行 {row.reason}" for row in result.refused[:3]))
    if dry_run:
        return result
    with importing(db, result.file_name):
        result.backup = backups.before_change(db, "导入前", "导入单位自办班")
        _write(db, result)
    return result


def _write(db: Database, result: UnitClassImport) -> None:
    accepted, unit = result.accepted, result.unit
    with db.atomic():
        trainees = [(row.person_id or _new_person(db, row, unit).id, row.hours, row.notes) for row in accepted]
        training_class, period = file_class(db, unit, result.class_name, result.start, result.end, trainees,
                                            f"由{result.file_name}导入")
        result.class_id, result.period_id = training_class.id, period.id
        audit.record(db, "导入单位自办班", "class", training_class.id, f"{result.file_name}：{result.heading()}，"
                     f"{result.summary()}")


def file_class(db: Database, unit: Unit, name: str, start: str, end: str, trainees: list[tuple[int, float, str]],
               notes: str = "") -> tuple[TrainingClass, Period]:
    """Writes a unit's own class: one closed period, each (person, 学时, note) 结业; call inside a transaction."""
    training_class = tables.classes(db).insert(TrainingClass(
        name=name, kind=KIND, organizer=unit.name, host=unit.name, organiser_kind=UNIT, unit_id=unit.id,
        planned_periods=1, trainees_per_period=len(trainees), length_days=Period(0, 1, start, end).days,
        total_hours=max(hours for _, hours, _ in trainees), notes=notes))
    period = tables.periods(db).insert(Period(training_class.id, 1, start, end, capacity=len(trainees),
                                              status=PeriodStatus.CLOSED))
    tables.enrollments(db).insert_many(Enrollment(period.id, person_id, unit.id, EnrollmentStatus.COMPLETED,
                                                  hours=hours, notes=note) for person_id, hours, note in trainees)
    return training_class, period


def _new_person(db: Database, row: TraineeRow, unit: Unit) -> Person:
    info = parse_id(row.id_number)
    return tables.people(db).insert(Person(row.name, row.id_number, info.sex, birth_date=info.birth_iso,
                                           unit_id=unit.id, post=row.post))
