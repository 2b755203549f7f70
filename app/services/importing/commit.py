"""Writing an import plan: new units, new and updated people, enrollments, all in one transaction.

A backup is taken first, and if it fails nothing is imported. Cancelling (progress raises Cancelled),
any error, a full disk or a killed process leave the database as it was; the plan itself is never
changed, so it can be committed again.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from operator import itemgetter

from app.domain.errors import UserError
from app.domain.pinyin import initials
from app.domain.status import EnrollmentStatus
from app.services.bulk import without_cycle_collector
from app.services.importing.check import RowCheck, unit_key
from app.services.importing.marker import importing
from app.services.importing.plan import ImportPlan
from app.services.importing.plan_checks import seat_warnings
from app.services.progress import NO_PROGRESS, Progress
from app.services.safety import audit, backups
from app.storage import people_bulk, roster, units
from app.storage.backup import reason_of
from app.storage.connection import Database

CHUNK = 2000
_PERSON_COLUMNS = ("name", "id_number", "gender", "ethnicity", "birth_date", "political_status", "education",
                   "post", "rank", "cadre_category", "phone", "notes")
_COLUMN = {"unit": "unit_id"}


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    enrolled: int = 0
    already: int = 0
    rejected: int = 0
    units_created: list[str] = field(default_factory=list)
    seat_warnings: list[str] = field(default_factory=list)  # the period's seats as they are once it landed

    def summary(self) -> str:
        text = f"新增{self.added}人，更新{self.updated}人，未变{self.unchanged}人"
        if self.enrolled or self.already:
            text += f"，加入名单{self.enrolled}人" + (f"（另有{self.already}人已在名单中）" if self.already else "")
        text += f"，未导入{self.rejected}行"
        if self.units_created:
            text += f"；新建单位{len(self.units_created)}个：" + "、".join(self.units_created)
        return text


class _Writer:
    def __init__(self, db: Database, plan: ImportPlan, progress: Progress):
        self.db, self.plan, self.progress = db, plan, progress
        self.accepted = [row for row in plan.rows if not row.rejected]
        self.done = 0
        self.total = len(self.accepted) * 2
        self.new_units: dict[str, int] = {}
        self.person_ids: dict[str, int] = {}

    def step(self, count: int) -> None:
        self.done += count
        self.progress.step(self.done, self.total)

    def unit_of(self, row: RowCheck) -> int | None:
        return row.unit_id if row.unit_id is not None else self.new_units.get(unit_key(row.unit_text))

    def create_units(self) -> list[str]:
        names = {unit_key(r.unit_text): r.unit_text for r in self.accepted if r.unit_text and r.unit_id is None}
        if not names:
            return []
        self.new_units = dict(zip(names, units.add_after_last(self.db, list(names.values())), strict=True))
        return list(names.values())

    def add_people(self) -> int:
        adds = [row for row in self.accepted if row.action == "add"]
        # another clerk's import may have added some of them since the preview (on a server): enrolled as they are
        arrived = people_bulk.ids_by_number(self.db, [row.values["id_number"] for row in adds])
        self.person_ids = {id(row): arrived[row.values["id_number"]] for row in adds if row.values["id_number"] in arrived}
        adds = [row for row in adds if id(row) not in self.person_ids]
        top = people_bulk.last_id(self.db)
        # New people get the ids SQLite would give them (max + 1, ...), so enrolling them needs no look-up.
        self.person_ids.update({id(row): top + offset for offset, row in enumerate(adds, start=1)})
        columns = ("id", *_PERSON_COLUMNS, "unit_id", "name_initials")
        values = itemgetter(*_PERSON_COLUMNS)
        for start in range(0, len(adds), CHUNK):
            chunk = adds[start:start + CHUNK]
            people_bulk.add_many(self.db, columns, (
                (top + start + offset, *values(row.values),
                 row.unit_id if row.unit_id is not None else self.unit_of(row), initials(row.values["name"]))
                for offset, row in enumerate(chunk, start=1)))
            self.step(len(chunk))
        if adds:
            people_bulk.ids_follow(self.db)
        return len(adds)

    def update_people(self) -> int:
        updates = [row for row in self.accepted if row.action == "update"]
        for row in updates:
            values = {_COLUMN.get(key, key): (self.unit_of(row) if key == "unit" else new)
                      for key, (_, new) in row.changes.items()}
            people_bulk.update_fields(self.db, row.person_id, values)
        self.step(len(updates))
        return len(updates)

    def enrol(self, period_id: int) -> tuple[int, int]:
        # the roster read again inside the transaction: another clerk's import may have landed since the preview
        on_roster = roster.enrolled_ids(self.db, period_id)
        joining = [row for row in self.accepted if row.enrol == "enrol" and self._person(row) not in on_roster]
        for start in range(0, len(joining), CHUNK):
            chunk = joining[start:start + CHUNK]
            roster.enrol_many(self.db, (
                (period_id, self._person(row), self._enrolled_unit(row), EnrollmentStatus.PROPOSED,
                 row.values["key_problems"]) for row in chunk))
            self.step(len(chunk))
        already = [row for row in self.accepted if row.enrol == "already"
                   or (row.enrol == "enrol" and self._person(row) in on_roster)]
        roster.set_key_problems(self.db, period_id, {self._person(row): row.values["key_problems"]
                                                      for row in already if row.values["key_problems"]})
        return len(joining), len(already)

    def _person(self, row: RowCheck) -> int | None:
        return row.person_id or self.person_ids.get(id(row))

    def _enrolled_unit(self, row: RowCheck) -> int | None:
        """The unit the file names, else the one the archive holds: the unit at the time of selection."""
        if row.unit_id is not None:
            return row.unit_id
        unit = self.unit_of(row) if row.unit_text else None
        return unit if unit is not None else row.archive_unit_id


def commit(db: Database, plan: ImportPlan, progress: Progress = NO_PROGRESS) -> ImportResult:
    with importing(db, plan.file_name):  # a killed import is told at the next start
        backups.before_change(db, "导入前", "导入")
        try:
            return _write(db, plan, progress)
        except sqlite3.Error as error:  # the transaction was rolled back: say why in the office's words
            raise UserError(f"导入未完成，数据未作任何改动：{reason_of(error)}") from error


def _write(db: Database, plan: ImportPlan, progress: Progress) -> ImportResult:
    writer = _Writer(db, plan, progress)
    result = ImportResult(rejected=len(plan.rows) - len(writer.accepted), unchanged=plan.count("keep"))
    with without_cycle_collector(), db.atomic():
        people_bulk.one_import_at_a_time(db)  # on a server, a second clerk's import waits for this one
        result.units_created = writer.create_units()
        result.added = writer.add_people()
        result.updated = writer.update_people()
        if plan.options.period_id is not None:
            result.enrolled, result.already = writer.enrol(plan.options.period_id)
            result.seat_warnings = seat_warnings(db, plan.options.period_id)
        audit.record(db, "导入名单", "period" if plan.options.period_id else "", plan.options.period_id,
                     f"{plan.file_name}：{result.summary()}")
        progress.step(writer.total, writer.total)
    return result
