"""Periods: listed with their class and how many hold a seat (and, for the periods page, with the class's
plan and place), a class's periods, their status, the years they fall in, and the periods a unit is
called into."""
from __future__ import annotations

from app.domain.models import Period, PeriodEntry, PeriodRow
from app.domain.status import PeriodStatus
from app.storage import conditions, tables
from app.storage.connection import Database
from app.storage.records import from_row, rows
from app.storage.writers import BUMP, stamps


def list_periods(db: Database, class_id: int | None = None, year: int | None = None,
                 include_archived: bool = False) -> list[PeriodRow]:
    parts, params = [], []
    if class_id is not None:
        parts.append("pe.class_id = ?")
        params.append(class_id)
    if year is not None:
        parts.append("substr(pe.start_date, 1, 4) <= ? AND substr(pe.end_date, 1, 4) >= ?")
        params += [str(year), str(year)]
    if not include_archived:
        parts.append("pe.archived = 0")
    where = " WHERE " + " AND ".join(parts) if parts else ""
    sql = f"""SELECT pe.*, c.name AS class_name, c.kind AS class_kind,
                     (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND {conditions.active()}) AS enrolled
              FROM periods pe JOIN training_classes c ON c.id = pe.class_id{where}
              ORDER BY pe.start_date, c.seq, pe.number"""
    return [from_row(PeriodRow, row) for row in rows(db, sql, params)]


def period_entries(db: Database, keep: int | None = None) -> list[PeriodEntry]:
    """Every live period (neither it nor its class archived), and the period `keep` whatever it is, with its
    class's name, kind, place and plan, earliest first."""
    sql = f"""SELECT pe.*, c.name AS class_name, c.kind AS class_kind, c.place AS class_place, c.plan_id,
                     c.organiser_kind,
                     coalesce(pl.title, '') AS plan_title,
                     (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND {conditions.active()}) AS enrolled
              FROM periods pe JOIN training_classes c ON c.id = pe.class_id
              LEFT JOIN plans pl ON pl.id = c.plan_id
              WHERE (pe.archived = 0 AND c.archived = 0) OR pe.id = ?
              ORDER BY pe.start_date, c.seq, pe.number"""
    return [from_row(PeriodEntry, row) for row in rows(db, sql, [keep])]


def periods_of_class(db: Database, class_id: int) -> list[Period]:
    """Every period of the class, archived ones too."""
    return tables.periods(db).where("class_id = ?", [class_id])


def park_number(db: Database, period_id: int) -> None:
    """Moves the period's number out of the way (to minus its id) while the class's periods are renumbered."""
    db.execute("UPDATE periods SET number = ? WHERE id = ?", [-period_id, period_id])


def set_status(db: Database, period_id: int, status: PeriodStatus) -> None:
    db.execute(f"UPDATE periods SET status = ?, {BUMP} WHERE id = ?", [status, *stamps(db), period_id])


def start_years(db: Database, include_archived: bool = True) -> list[int]:
    """The years periods start in, earliest first."""
    where = "" if include_archived else " WHERE archived = 0"
    sql = f"SELECT DISTINCT substr(start_date, 1, 4) AS year FROM periods{where} ORDER BY year"
    return [int(row[0]) for row in db.execute(sql).fetchall()]


def first_start(db: Database, year: int) -> str | None:
    """The first day a live period starts in the year."""
    sql = "SELECT min(start_date) FROM periods WHERE archived = 0 AND start_date LIKE ?"
    return db.execute(sql, [f"{year}-%"]).fetchone()[0]


def first_preparing(db: Database) -> int | None:
    """The earliest period still being prepared (筹备)."""
    found = db.execute("SELECT id FROM periods WHERE status = ? ORDER BY start_date LIMIT 1",
                       [PeriodStatus.PREPARING]).fetchone()
    return found[0] if found else None


def calling_unit(db: Database, unit_id: int | None) -> list[int]:
    """The live periods, not yet closed, that give the unit seats or hold its trainees, earliest first."""
    sql = f"""SELECT pe.id FROM periods pe WHERE pe.archived = 0 AND NOT {conditions.closed()} AND (
                EXISTS (SELECT 1 FROM quotas q WHERE q.period_id = pe.id AND q.unit_id = ?) OR
                EXISTS (SELECT 1 FROM enrollments e WHERE e.period_id = pe.id AND e.unit_id = ? AND {conditions.active()}))
              ORDER BY pe.start_date, pe.id"""
    return [row[0] for row in db.execute(sql, [unit_id, unit_id]).fetchall()]
