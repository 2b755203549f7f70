"""Units: list in display order, save with validation, delete only when nobody belongs to them."""
from __future__ import annotations

from app.domain.errors import UserError, ValidationError
from app.domain.models import Unit
from app.domain.phone import normalize_phone
from app.domain.text import clean
from app.domain.validation import unit_errors
from app.services.safety import audit
from app.storage import people, tables
from app.storage import survey as survey_queries
from app.storage import units as unit_queries
from app.storage.connection import Database

list_units = unit_queries.list_units


def save_unit(db: Database, unit: Unit) -> Unit:
    unit.name = clean(unit.name)
    unit.contact_phone = normalize_phone(unit.contact_phone)
    errors = unit_errors(unit)
    same = unit_queries.by_name(db, unit.name)
    if same and same.id != unit.id:
        errors.setdefault("name", f"单位“{unit.name}”已存在")
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.units(db).save(unit)
        audit.record(db, "保存单位", "unit", saved.id, saved.name)
    return saved


def delete_unit(db: Database, unit_id: int) -> None:
    unit = tables.units(db).get(unit_id)
    members = people.count_in_unit(db, unit_id)
    if members:
        raise UserError(f"单位“{unit.name}”下还有{members}名人员，不能删除；请先把他们调到其他单位")
    if surveyed := survey_queries.return_years_of_unit(db, unit_id):
        raise UserError(f"单位“{unit.name}”报送过{'、'.join(map(str, surveyed))}年的需求调研表，不能删除（调研汇总要用）")
    with db.atomic():
        tables.units(db).delete(unit_id)
        audit.record(db, "删除单位", "unit", unit_id, unit.name)


def move_unit(db: Database, unit_id: int, step: int) -> None:
    """Moves a unit up (step -1) or down (+1) in the official order; the order is renumbered by tens."""
    ordered = [unit.id for unit in unit_queries.list_units(db)]
    index = ordered.index(unit_id)
    target = index + step
    if not 0 <= target < len(ordered):
        return
    ordered[index], ordered[target] = ordered[target], ordered[index]
    with db.atomic():
        unit_queries.set_order(db, ordered)
        audit.record(db, "调整单位顺序", "unit", unit_id)
