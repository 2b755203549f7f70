"""The checks of an import that need the database: people already in the archive (what would change),
the period's roster (already on it, busy in an overlapping period), the period's capacity and the units'
seats. Going past a capacity or a seat count is a warning, never a refusal, and never silent."""
from __future__ import annotations

from typing import Callable

from app.domain.models import Person
from app.domain.vocab import standard_set
from app.services.importing.check import RowCheck
from app.services.importing.columns import LABELS
from app.services.importing.plan import ImportPlan
from app.storage import quotas, roster, tables
from app.storage.connection import Database

# Archive fields an import may update; an empty cell never blanks what the archive holds.
UPDATABLE = ("gender", "ethnicity", "birth_date", "post", "rank", "cadre_category", "political_status",
             "education", "phone", "notes")


def existing_people(db: Database, plan: ImportPlan, lookup: Callable[[Database, list[str]], dict[str, Person]]) -> None:
    """Marks each row add, update, keep or reject, by the mode and whether its ID number is known."""
    numbers = [row.values["id_number"] for row in plan.rows if "id_number" not in row.errors]
    found = lookup(db, numbers) if numbers else {}
    units = {unit.id: unit.name for unit in tables.units(db).all()} if found else {}
    mode = plan.options.mode
    for row in plan.rows:
        person = found.get(row.values["id_number"]) if "id_number" not in row.errors else None
        if person is not None:
            row.person_id, row.archive_unit_id = person.id, person.unit_id
            if person.name != row.values["name"]:
                row.errors.setdefault("name", f"此身份证号码在档案中登记为“{person.name}”，与本表姓名不符")
            elif mode != "add":
                row.changes = changes(person, row, units)
        elif mode == "update" and not row.errors:
            row.errors[""] = "档案中没有此人（当前为“仅更新”方式，不新增人员）"
        if row.errors:
            row.action = "reject"
        else:
            row.action = "add" if person is None else ("update" if row.changes else "keep")


def changes(person: Person, row: RowCheck, units: dict[int, str]) -> dict[str, tuple[str, str]]:
    """field -> (archive value, file value) for every filled cell that differs from the archive; a word that
    is not standard is not one, where the archive holds a standard word (the row says so)."""
    found = {}
    for key in UPDATABLE:
        new = row.values.get(key, "")
        old = getattr(person, key)
        if new and new != old:
            if key in row.kept and old in standard_set(key):
                _keep_standard(row, key, old)
                continue
            found[key] = (old, new)
    if row.unit_text and row.unit_id is None:
        found["unit"] = (units.get(person.unit_id, ""), row.unit_text)
    elif row.unit_id is not None and row.unit_id != person.unit_id:
        found["unit"] = (units.get(person.unit_id, ""), units.get(row.unit_id, ""))
    return found


def _keep_standard(row: RowCheck, key: str, held: str) -> None:
    """A word that is not standard never replaces the standard word the archive holds (主任科员 over
    二级主任科员 would lose what the office knows)."""
    word = row.kept.pop(key)
    row.notices[key] = f"{LABELS[key]}“{word}”不是标准名称，档案中已是“{held}”，未更改"


def period_checks(db: Database, plan: ImportPlan) -> None:
    """Who joins the period, who is on it already, who is busy elsewhere, and units over their seats."""
    period_id = plan.options.period_id
    if period_id is None:
        return
    period = tables.periods(db).get(period_id)
    on_roster = roster.enrolled_ids(db, period_id)
    busy = roster.busy_elsewhere(db, period)
    for row in plan.rows:
        if row.rejected:
            continue
        row.enrol = "already" if row.person_id in on_roster else "enrol"
        if row.enrol == "already":
            row.warnings.append("已在本期名单中，不重复加入")
        elif row.person_id in busy:
            row.warnings.append("多头调训：同时在" + "、".join(busy[row.person_id]))
    plan.warnings += capacity_warnings(db, plan, period.capacity)
    plan.warnings += quota_warnings(db, plan)


def seat_warnings(db: Database, period_id: int) -> list[str]:
    """The period's capacity and its units' seats as they stand (read inside the import's transaction, so
    that an import that landed meanwhile counts): what is over."""
    found = []
    capacity, held = tables.periods(db).get(period_id).capacity, roster.active_count(db, period_id)
    if capacity and held > capacity:
        found.append(f"本期容量{capacity}人，现有{held}人，超出{held - capacity}人")
    for usage in quotas.quota_usage(db, period_id):
        if usage.seats is not None and usage.used > usage.seats:
            found.append(f"{usage.unit_name}：分配名额{usage.seats}人，现有{usage.used}人，超出{usage.used - usage.seats}人")
    return found


def capacity_warnings(db: Database, plan: ImportPlan, capacity: int) -> list[str]:
    """The period's capacity (0: none set) against the trainees it has and those the import adds."""
    joining = plan.to_enrol
    if not capacity or not joining:
        return []
    enrolled = roster.active_count(db, plan.options.period_id)
    total = enrolled + joining
    if total <= capacity:
        return []
    return [f"本期容量{capacity}人，已有{enrolled}人，导入后将有{total}人，超出{total - capacity}人"]


def quota_warnings(db: Database, plan: ImportPlan) -> list[str]:
    """Once a period has seats allocated, a unit going past its seats (or holding none) is warned about."""
    usage = {u.unit_id: u for u in quotas.quota_usage(db, plan.options.period_id)}
    if not any(u.seats is not None for u in usage.values()):
        return []
    joining: dict[int, int] = {}
    for row in plan.rows:
        if row.enrol == "enrol" and row.unit_id is not None:
            joining[row.unit_id] = joining.get(row.unit_id, 0) + 1
    names = {unit.id: unit.name for unit in tables.units(db).all()}
    warnings = []
    for unit_id, count in joining.items():
        quota = usage.get(unit_id)
        seats, total = (quota.seats if quota else None), (quota.used if quota else 0) + count
        if seats is None:
            warnings.append(f"{names[unit_id]}：本期未分配名额，导入后将有{total}人")
        elif total > seats:
            warnings.append(f"{names[unit_id]}：分配名额{seats}人，导入后将有{total}人，超出{total - seats}人")
    return warnings
