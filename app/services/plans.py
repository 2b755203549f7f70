"""Yearly plans with their headings and numbered work points, as the plans page and its editor use them:
listing, the outline, saving a plan with its outline and contacts in one transaction (numbers follow the
order), delete (refused while classes belong to it) or archive."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlite_utils import Database

from app.domain.errors import UserError, ValidationError
from app.domain.models import Contact, Plan, PlanItem, PlanSection
from app.domain.validation import Errors, contact_errors, plan_errors
from app.services.archive import set_archived
from app.services.safety import audit, backups
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


def outline_errors(sections: list[SectionOutline]) -> Errors:
    """Keys "sections.2" for a heading, "items.7" for the 8th work point counted across the plan."""
    errors: Errors = {}
    count = 0
    for index, outline in enumerate(sections):
        if not outline.section.title.strip():
            errors[f"sections.{index}"] = f"第{index + 1}个标题不能为空"
        for item in outline.items:
            if not item.title.strip():
                errors[f"items.{count}"] = f"第{count + 1}条要点的标题不能为空"
            count += 1
    return errors


def plan_draft_errors(plan: Plan, sections: list[SectionOutline], contacts: list[Contact]) -> Errors:
    errors = dict(plan_errors(plan))
    errors.update(outline_errors(sections))
    for index, contact in enumerate(contacts):
        errors.update({f"contacts.{index}.{key}": message for key, message in contact_errors(contact).items()})
    return errors


def save_plan(db: Database, plan: Plan, sections: list[SectionOutline], contacts: list[Contact]) -> Plan:
    """Saves the plan as the editor holds it; headings and work points are numbered by their order."""
    if errors := plan_draft_errors(plan, sections, contacts):
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.plans(db).save(plan)
        _save_outline(db, saved.id, sections)
        db.execute("DELETE FROM contacts WHERE plan_id = ?", [saved.id])
        for order, contact in enumerate(contacts):
            tables.contacts(db).insert(replace(contact, id=None, plan_id=saved.id, class_id=None, sort_order=order))
        audit.record(db, "保存计划", "plan", saved.id, saved.title)
    return saved


def _save_outline(db: Database, plan_id: int, sections: list[SectionOutline]) -> None:
    kept_sections = {o.section.id for o in sections if o.section.id}
    kept_items = {item.id for o in sections for item in o.items if item.id}
    for stored in tables.plan_sections(db).where("plan_id = ?", [plan_id]):
        for item in tables.plan_items(db).where("section_id = ?", [stored.id]):
            if item.id not in kept_items:  # its classes keep existing, unlinked (ON DELETE SET NULL)
                tables.plan_items(db).delete(item.id)
        if stored.id in kept_sections:  # park the number: the order may have changed
            db.execute("UPDATE plan_sections SET number = ? WHERE id = ?", [-stored.id, stored.id])
        else:
            tables.plan_sections(db).delete(stored.id)
    number = 0
    for position, outline in enumerate(sections, start=1):
        section = tables.plan_sections(db).save(replace(outline.section, plan_id=plan_id, number=position))
        for item in outline.items:
            number += 1
            tables.plan_items(db).save(replace(item, section_id=section.id, number=number))


def delete_plan(db: Database, plan_id: int) -> None:
    plan = tables.plans(db).get(plan_id)
    if count := tables.classes(db).count("plan_id = ?", [plan_id]):
        raise UserError(f"计划“{plan.title}”下还有{count}个班次，不能删除；可以归档，内容会保留")
    backups.before_change(db, "删除前", "删除计划")  # the plan goes with its headings, work points and contacts
    with db.atomic():
        tables.plans(db).delete(plan_id)  # headings, work points and contacts go with it
        audit.record(db, "删除计划", "plan", plan_id, plan.title)


def set_plan_archived(db: Database, plan_id: int, archived: bool) -> Plan:
    return set_archived(db, tables.plans(db), "plan", plan_id, archived)
