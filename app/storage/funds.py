"""Funds: a period's budget lines and spending, spending summed by item over many periods, and the fees
trainees paid (enrollments.fee_paid, fee_paid_on)."""
from __future__ import annotations

from app.domain.models import BudgetLine, Expense
from app.storage import conditions, tables
from app.storage.connection import Database
from app.storage.records import rows, to_row
from app.storage.writers import BUMP, STAMP_COLUMNS, stamps


def budget_lines(db: Database, period_id: int) -> list[BudgetLine]:
    return tables.budget_lines(db).where("period_id = ?", [period_id], order_by="sort_order, id")


def expenses(db: Database, period_id: int) -> list[Expense]:
    return tables.expenses(db).where("period_id = ?", [period_id], order_by="day, id")


def next_budget_order(db: Database, period_id: int) -> int:
    found = db.execute("SELECT max(sort_order) FROM budget_lines WHERE period_id = ?", [period_id]).fetchone()[0]
    return (found or 0) + 1


def fees_received(db: Database, period_id: int) -> tuple[int, float]:
    """How many trainees paid, and how much in all."""
    sql = """SELECT coalesce(sum(CASE WHEN fee_paid > 0 THEN 1 ELSE 0 END), 0), coalesce(sum(fee_paid), 0)
             FROM enrollments WHERE period_id = ?"""
    paid, total = db.execute(sql, [period_id]).fetchone()
    return int(paid), float(total)


def active_enrollments_of_unit(db: Database, period_id: int, unit_id: int) -> list[int]:
    sql = f"SELECT e.id FROM enrollments e WHERE e.period_id = ? AND e.unit_id = ? AND {conditions.active()} ORDER BY e.id"
    return [row["id"] for row in rows(db, sql, [period_id, unit_id])]


def set_fee(db: Database, enrollment_ids: list[int], amount: float, day: str) -> None:
    stamp = stamps(db)
    db.executemany(f"UPDATE enrollments SET fee_paid = ?, fee_paid_on = ?, {BUMP} WHERE id = ?",
                        [(amount, day, *stamp, enrollment_id) for enrollment_id in enrollment_ids])


def fee_units(db: Database, period_id: int) -> list[tuple[int, str, int]]:
    """The units with trainees holding a seat: id, name, how many."""
    sql = f"""SELECT u.id, u.name, count(*) AS n FROM enrollments e JOIN units u ON u.id = e.unit_id
              WHERE e.period_id = ? AND {conditions.active()} GROUP BY u.id, u.name, u.sort_order
              ORDER BY u.sort_order, u.id"""
    return [(row["id"], row["name"], row["n"]) for row in rows(db, sql, [period_id])]


def date_fees_paid(db: Database, period_id: int, day: str) -> None:
    """Fees recorded without a date get this one (the demo's: the day the trainees reported)."""
    db.execute(f"UPDATE enrollments SET fee_paid_on = ?, {BUMP} WHERE period_id = ? AND fee_paid > 0 AND fee_paid_on = ''",
               [day, *stamps(db), period_id])


def expense_or_none(db: Database, expense_id: int) -> Expense | None:
    found = tables.expenses(db).where("id = ?", [expense_id])
    return found[0] if found else None


def put_back_expense(db: Database, expense: Expense) -> None:
    """An expense deleted and brought back (undo) keeps its id."""
    row = to_row(expense, Expense)
    columns = ", ".join(["id", *row, STAMP_COLUMNS])
    db.execute(f"INSERT INTO expenses ({columns}) VALUES ({', '.join('?' for _ in range(len(row) + 3))})",
               [expense.id, *row.values(), *stamps(db)])
