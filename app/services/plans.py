"""Yearly plans with their headings and numbered work points."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from app.domain.errors import ValidationError
from app.domain.models import Contact, Plan, PlanItem, PlanSection
from app.domain.validation import plan_errors
from app.services.safety import audit
from app.storage import tables


@dataclass
class SectionOutline:
    section: PlanSection
    items: list[PlanItem] = field(default_factory=list)


@dataclass
class PlanOutline:
    plan: Plan
    sections: list[SectionOutline]
    contacts: list[Contact]

    @property
    def items(self) -> list[PlanItem]:
        return [item for outline in self.sections for item in outline.items]


def list_plans(db: Database, include_archived: bool = False) -> list[Plan]:
    condition = "1" if include_archived else "archived = 0"
    return tables.plans(db).where(condition, order_by="year DESC, id")


def get_plan(db: Database, plan_id: int) -> Plan:
    return tables.plans(db).get(plan_id)


def plan_outline(db: Database, plan_id: int) -> PlanOutline:
    plan = get_plan(db, plan_id)
    sections = tables.plan_sections(db).where("plan_id = ?", [plan_id], order_by="number")
    outlines = [
        SectionOutline(section, tables.plan_items(db).where("section_id = ?", [section.id], order_by="number"))
        for section in sections
    ]
    contacts = tables.contacts(db).where("plan_id = ?", [plan_id], order_by="sort_order, id")
    return PlanOutline(plan, outlines, contacts)


def classes_by_item(db: Database, plan_id: int) -> dict[int, list[str]]:
    """For each work point of the plan, the names of the classes that carry it out."""
    found: dict[int, list[str]] = {}
    for training_class in tables.classes(db).where("plan_id = ? AND plan_item_id IS NOT NULL", [plan_id], "seq"):
        found.setdefault(training_class.plan_item_id, []).append(training_class.name)
    return found


def save_plan(db: Database, plan: Plan) -> Plan:
    if errors := plan_errors(plan):
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.plans(db).save(plan)
        audit.record(db, "保存计划", "plan", saved.id, saved.title)
    return saved
