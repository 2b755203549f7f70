"""Seats per unit in a period (名额分配): the allocation as stored, how many of each unit's people hold one,
and the units a period calls on."""
from __future__ import annotations

from dataclasses import dataclass

from app.storage import conditions
from app.storage.connection import Database
from app.storage.records import from_row, rows


@dataclass
class QuotaUsage:
    """A unit's seats in a period (None: no seats allocated) and how many of its people hold one."""
    unit_id: int
    unit_name: str
    unit_order: int
    seats: int | None
    used: int

    @property
    def remaining(self) -> int | None:
        return None if self.seats is None else self.seats - self.used

    @property
    def over(self) -> bool:
        return self.seats is not None and self.used > self.seats


def quota_usage(db: Database, period_id: int, every_unit: bool = False) -> list[QuotaUsage]:
    """Every unit with seats in the period or people on its roster (or every unit), in display order."""
    called = "" if every_unit else """WHERE u.id IN (SELECT unit_id FROM quotas WHERE period_id = ?)
                 OR u.id IN (SELECT unit_id FROM enrollments WHERE period_id = ?)"""
    sql = f"""SELECT u.id AS unit_id, u.name AS unit_name, u.sort_order AS unit_order,
                     (SELECT q.seats FROM quotas q WHERE q.period_id = ? AND q.unit_id = u.id) AS seats,
                     (SELECT count(*) FROM enrollments e
                        WHERE e.period_id = ? AND e.unit_id = u.id AND {conditions.active()}) AS used
              FROM units u {called}
              ORDER BY u.sort_order, u.id"""
    params = [period_id] * (2 if every_unit else 4)
    return [from_row(QuotaUsage, row) for row in rows(db, sql, params)]


def replace_quotas(db: Database, period_id: int, seats: dict[int, int]) -> None:
    """The period's allocation becomes unit id -> seats (call inside a transaction)."""
    db.execute("DELETE FROM quotas WHERE period_id = ?", [period_id])
    db.executemany("INSERT INTO quotas (period_id, unit_id, seats) VALUES (?, ?, ?)",
                        [(period_id, unit_id, value) for unit_id, value in seats.items()])


def called_units(db: Database, period_id: int) -> list[tuple[int, str]]:
    """(id, name) of the units with seats or trainees holding one in the period, in display order."""
    sql = f"""SELECT u.id, u.name FROM units u WHERE
                EXISTS (SELECT 1 FROM quotas q WHERE q.period_id = ? AND q.unit_id = u.id) OR
                EXISTS (SELECT 1 FROM enrollments e WHERE e.period_id = ? AND e.unit_id = u.id AND {conditions.active()})
              ORDER BY u.sort_order, u.id"""
    return [tuple(row) for row in db.execute(sql, [period_id, period_id]).fetchall()]


def unit_seats(db: Database, period_id: int, unit_id: int | None = None) -> list[tuple[int, int]]:
    """(unit, seats) for the units with a quota or trainees in the period (or that one unit), in display order."""
    sql = f"""SELECT u.id, coalesce(q.seats, 0) AS seats FROM units u
              LEFT JOIN quotas q ON q.unit_id = u.id AND q.period_id = ?
              WHERE (q.id IS NOT NULL OR EXISTS (SELECT 1 FROM enrollments e
                     WHERE e.period_id = ? AND e.unit_id = u.id AND {conditions.active()})) {'AND u.id = ?' if unit_id else ''}
              ORDER BY u.sort_order, u.id"""
    params = [period_id, period_id] + ([unit_id] if unit_id else [])
    return [tuple(row) for row in db.execute(sql, params).fetchall()]
