"""Plans: listed newest first, a plan's headings, work points and contacts in their order, a year's plans,
and a work point found by its number."""
from __future__ import annotations

from app.domain.models import Contact, Plan, PlanItem, PlanSection
from app.storage import tables
from app.storage.connection import Database


def list_plans(db: Database, include_archived: bool = False) -> list[Plan]:
    return tables.plans(db).where("" if include_archived else "archived = 0", order_by="year DESC, id")


def plans_of_year(db: Database, year: int) -> list[Plan]:
    """The year's live plans."""
    return tables.plans(db).where("year = ? AND archived = 0", [year])


def plan_years(db: Database) -> set[int]:
    return {row[0] for row in db.execute("SELECT year FROM plans")}


def sections(db: Database, plan_id: int) -> list[PlanSection]:
    return tables.plan_sections(db).where("plan_id = ?", [plan_id], order_by="number")


def items(db: Database, section_id: int) -> list[PlanItem]:
    return tables.plan_items(db).where("section_id = ?", [section_id], order_by="number")


def item_by_number(db: Database, plan_id: int, number: int) -> int | None:
    """The id of the plan's work point with this number."""
    found = db.execute("""SELECT i.id FROM plan_items i JOIN plan_sections s ON s.id = i.section_id
                          WHERE s.plan_id = ? AND i.number = ?""", [plan_id, number]).fetchone()
    return found[0] if found else None


def park_section_number(db: Database, section_id: int) -> None:
    """Moves the heading's number out of the way (to minus its id) while the plan's headings are renumbered."""
    db.execute("UPDATE plan_sections SET number = ? WHERE id = ?", [-section_id, section_id])


def plan_contacts(db: Database, plan_id: int) -> list[Contact]:
    return tables.contacts(db).where("plan_id = ?", [plan_id], order_by="sort_order, id")


def delete_plan_contacts(db: Database, plan_id: int) -> None:
    db.execute("DELETE FROM contacts WHERE plan_id = ?", [plan_id])
