"""Classes: listed with their plan's title, a plan's classes, their contacts, kinds and hosts in use, how
many enrollment records a class or period has, and removing a class's periods with it."""
from __future__ import annotations

from app.domain.models import ClassRow, Contact, TrainingClass
from app.storage import tables
from app.storage.connection import Database
from app.storage.records import from_row, rows
from app.storage.writers import BUMP, stamps


def list_classes(db: Database, plan_id: int | None = None, include_archived: bool = False) -> list[ClassRow]:
    conditions, params = [], []
    if plan_id is not None:
        conditions.append("c.plan_id = ?")
        params.append(plan_id)
    if not include_archived:
        conditions.append("c.archived = 0")
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    sql = f"""SELECT c.*, coalesce(p.title, '') AS plan_title, coalesce(u.name, '') AS unit_name
              FROM training_classes c LEFT JOIN plans p ON p.id = c.plan_id
              LEFT JOIN units u ON u.id = c.unit_id{where}
              ORDER BY coalesce(p.year, 0), coalesce(p.id, 0), c.seq, c.id"""  # no plan: first, as SQLite sorts NULL
    return [from_row(ClassRow, row) for row in rows(db, sql, params)]


def classes_of_plan(db: Database, plan_id: int, include_archived: bool = False) -> list[TrainingClass]:
    """The plan's classes in the plan's order."""
    condition = "plan_id = ?" + ("" if include_archived else " AND archived = 0")
    return tables.classes(db).where(condition, [plan_id], order_by="seq, id")


def count_of_plan(db: Database, plan_id: int) -> int:
    """Classes that belong to the plan, archived ones too."""
    return tables.classes(db).count("plan_id = ?", [plan_id])


def class_contacts(db: Database, class_id: int) -> list[Contact]:
    return tables.contacts(db).where("class_id = ?", [class_id], order_by="sort_order, id")


def delete_class_contacts(db: Database, class_id: int) -> None:
    db.execute("DELETE FROM contacts WHERE class_id = ?", [class_id])


def delete_periods(db: Database, class_id: int) -> None:
    db.execute("DELETE FROM periods WHERE class_id = ?", [class_id])


def set_coverage(db: Database, class_id: int, coverage: str) -> None:
    db.execute(f"UPDATE training_classes SET coverage = ?, {BUMP} WHERE id = ?", [coverage, *stamps(db), class_id])


def kinds_in_use(db: Database) -> list[str]:
    return [row[0] for row in db.execute(
        "SELECT DISTINCT kind FROM training_classes WHERE kind != '' ORDER BY kind").fetchall()]


def hosts_in_use(db: Database) -> list[str]:
    return [row[0] for row in db.execute(
        "SELECT DISTINCT host FROM training_classes WHERE host != '' ORDER BY host").fetchall()]


def enrollment_count(db: Database, *, class_id: int | None = None, period_id: int | None = None) -> int:
    """Enrollment records of a period or of every period of a class, whatever their status."""
    if period_id is not None:
        return tables.enrollments(db).count("period_id = ?", [period_id])
    return tables.enrollments(db).count("period_id IN (SELECT id FROM periods WHERE class_id = ?)", [class_id])


def change_organiser_kind(db: Database, plan_id: int, before: str, after: str) -> None:
    """The plan's classes of one 举办方式 take another, which is never 单位自办 (that needs each class's unit)."""
    db.execute(f"""UPDATE training_classes SET organiser_kind = ?, unit_id = NULL, {BUMP}
                  WHERE plan_id = ? AND organiser_kind = ?""", [after, *stamps(db), plan_id, before])


def names_and_themes(db: Database) -> list[str]:
    """Every class's name and theme and every plan's title: the office's own words."""
    rows = db.execute("SELECT name, theme FROM training_classes UNION ALL SELECT title, '' FROM plans").fetchall()
    return [text for row in rows for text in row if text]
