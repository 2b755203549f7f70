"""Copying a plan, or one class, to the next year: the office rebuilds each year from the last,
with every date moved to the same weekday a year on."""
from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.errors import UserError
from app.domain.models import Plan, TrainingClass
from app.domain.schedule import next_year_iso
from app.services.classes import copy_class, load_draft
from app.services.safety import audit
from app.storage import classes as class_queries
from app.storage import plans as plan_queries
from app.storage import tables
from app.storage.connection import Database


@dataclass(frozen=True)
class CopyPreview:
    """What 复制到下一年 will make, for the question asked before it is made."""
    title: str  # the copied plan's title, or the class's name
    year: int
    items: int  # work points of the plan
    classes: int
    periods: int  # live periods, each moved a year on
    plan: Plan | None = None  # a class's: the next year's plan it joins


def _next_title(source: Plan) -> str:
    title = source.title.replace(str(source.year), str(source.year + 1))
    return title if title != source.title else f"{source.title}（{source.year + 1}年）"


def _live_periods(db: Database, class_id: int) -> int:
    return sum(not p.archived for p in load_draft(db, class_id).periods)


def plan_copy_preview(db: Database, plan_id: int) -> CopyPreview:
    source = tables.plans(db).get(plan_id)
    copied = class_queries.classes_of_plan(db, plan_id)
    items = sum(len(plan_queries.items(db, section.id)) for section in plan_queries.sections(db, plan_id))
    return CopyPreview(_next_title(source), source.year + 1, items, len(copied),
                       sum(_live_periods(db, c.id) for c in copied))


def class_copy_preview(db: Database, class_id: int) -> CopyPreview:
    """Raises UserError, as the copy would, for a class with no year at all."""
    training_class = tables.classes(db).get(class_id)
    year = class_year(db, training_class) + 1
    return CopyPreview(training_class.name, year, 0, 1, _live_periods(db, class_id),
                       next_year_plan(db, training_class))


def copy_plan_to_next_year(db: Database, plan_id: int) -> Plan:
    """A new plan for the next year with the same headings, work points, contacts and classes."""
    source = tables.plans(db).get(plan_id)
    year, title = source.year + 1, _next_title(source)
    plan = replace(source, id=None, year=year, title=title, doc_number="", archived=False,
                   issue_date=next_year_iso(source.issue_date))
    with db.atomic():
        saved = tables.plans(db).insert(plan)
        items = _copy_outline(db, plan_id, saved.id)
        for contact in plan_queries.plan_contacts(db, plan_id):
            tables.contacts(db).insert(replace(contact, id=None, plan_id=saved.id))
        for training_class in class_queries.classes_of_plan(db, plan_id):
            copy_class(db, training_class.id, saved.id, items.get(training_class.plan_item_id))
        audit.record(db, "复制计划到下一年", "plan", saved.id, f"{source.title} → {saved.title}")
    return saved


def _copy_outline(db: Database, from_plan: int, to_plan: int) -> dict[int, int]:
    """Copies headings and work points; returns the new work point id for each old one."""
    mapping = {}
    for section in plan_queries.sections(db, from_plan):
        new_section = tables.plan_sections(db).insert(replace(section, id=None, plan_id=to_plan))
        for item in plan_queries.items(db, section.id):
            mapping[item.id] = tables.plan_items(db).insert(replace(item, id=None, section_id=new_section.id)).id
    return mapping


def class_year(db: Database, training_class: TrainingClass) -> int:
    if training_class.plan_id:
        return tables.plans(db).get(training_class.plan_id).year
    periods = load_draft(db, training_class.id).periods
    if not periods:
        raise UserError("班次既不属于任何计划，也没有期次，无法确定它的年度")
    return int(min(p.start_date for p in periods)[:4])


def next_year_plan(db: Database, training_class: TrainingClass) -> Plan | None:
    """The plan a copied class joins: next year's plan with the same title (year changed), else the
    only next-year plan of the same kind, else none."""
    year = class_year(db, training_class) + 1
    if not training_class.plan_id:
        return None
    source = tables.plans(db).get(training_class.plan_id)
    candidates = plan_queries.plans_of_year(db, year)
    same_title = [p for p in candidates if p.title == source.title.replace(str(source.year), str(year))]
    same_kind = [p for p in candidates if p.kind == source.kind]
    return (same_title or (same_kind if len(same_kind) == 1 else [None]))[0]


def copy_class_to_next_year(db: Database, class_id: int) -> tuple[TrainingClass, Plan | None]:
    training_class = tables.classes(db).get(class_id)
    class_year(db, training_class)  # refuses a class with no year at all
    plan = next_year_plan(db, training_class)
    item_id = _matching_item(db, training_class.plan_item_id, plan.id) if plan else None
    with db.atomic():
        saved = copy_class(db, class_id, plan.id if plan else None, item_id)
        audit.record(db, "复制班次到下一年", "class", saved.id, saved.name)
    return saved, plan


def _matching_item(db: Database, item_id: int | None, plan_id: int) -> int | None:
    """The next-year work point with the same number as the class's current one."""
    if item_id is None:
        return None
    number = tables.plan_items(db).get(item_id).number
    return plan_queries.item_by_number(db, plan_id, number)
