"""Yearly plans with their headings and numbered work points, as the plans page and its editor use them:
listing, the outline, saving a plan with its outline and contacts in one transaction (numbers follow the
order), delete (refused while classes belong to it) or archive."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.domain.errors import UserError, ValidationError
from app.domain.funds import UNIT
from app.domain.models import Contact, Plan, PlanItem, PlanSection
from app.domain.validation import Errors, contact_errors, plan_errors
from app.services.archive import set_archived
from app.services.safety import audit, backups
from app.storage import classes as class_queries
from app.storage import plans as plan_queries
from app.storage import tables
from app.storage.connection import Database

list_plans = plan_queries.list_plans


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


def get_plan(db: Database, plan_id: int) -> Plan:
    return tables.plans(db).get(plan_id)


def plan_outline(db: Database, plan_id: int) -> PlanOutline:
    plan = get_plan(db, plan_id)
    outlines = [SectionOutline(section, plan_queries.items(db, section.id))
                for section in plan_queries.sections(db, plan_id)]
    return PlanOutline(plan, outlines, plan_queries.plan_contacts(db, plan_id))


def classes_by_item(db: Database, plan_id: int) -> dict[int, list[str]]:
    """For each work point of the plan, the names of the classes that carry it out."""
    found: dict[int, list[str]] = {}
    for training_class in class_queries.classes_of_plan(db, plan_id, include_archived=True):
        if training_class.plan_item_id is not None:
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
    before = tables.plans(db).get(plan.id).organiser_kind if plan.id else plan.organiser_kind
    with db.atomic():
        saved = tables.plans(db).save(plan)
        if before != saved.organiser_kind != UNIT:  # its classes follow, save those set otherwise (a unit's own needs its unit)
            class_queries.change_organiser_kind(db, saved.id, before, saved.organiser_kind)
        _save_outline(db, saved.id, sections)
        plan_queries.delete_plan_contacts(db, saved.id)
        for order, contact in enumerate(contacts):
            tables.contacts(db).insert(replace(contact, id=None, plan_id=saved.id, class_id=None, sort_order=order))
        audit.record(db, "保存计划", "plan", saved.id, saved.title)
    return saved


def _save_outline(db: Database, plan_id: int, sections: list[SectionOutline]) -> None:
    kept_sections = {o.section.id for o in sections if o.section.id}
    kept_items = {item.id for o in sections for item in o.items if item.id}
    for stored in plan_queries.sections(db, plan_id):
        for item in plan_queries.items(db, stored.id):
            if item.id not in kept_items:  # its classes keep existing, unlinked (ON DELETE SET NULL)
                tables.plan_items(db).delete(item.id)
        if stored.id in kept_sections:  # park the number: the order may have changed
            plan_queries.park_section_number(db, stored.id)
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
    if count := class_queries.count_of_plan(db, plan_id):
        raise UserError(f"计划“{plan.title}”下还有{count}个班次，不能删除；可以归档，内容会保留")
    backups.before_change(db, "删除前", "删除计划")  # the plan goes with its headings, work points and contacts
    with db.atomic():
        tables.plans(db).delete(plan_id)  # headings, work points and contacts go with it
        audit.record(db, "删除计划", "plan", plan_id, plan.title)


def set_plan_archived(db: Database, plan_id: int, archived: bool) -> Plan:
    return set_archived(db, tables.plans(db), "plan", plan_id, archived)
