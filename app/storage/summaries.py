"""What the printed summaries count: a period's trainees by unit, a year's classes with their periods held,
and every year with its periods and 人次."""
from __future__ import annotations

from dataclasses import dataclass

from app.storage import conditions
from app.storage.conditions import LIVE_PERIODS
from app.storage.connection import Database
from app.storage.records import rows


def period_trainees(db: Database, period_id: int) -> list[dict]:
    """The unit ('未填写单位' when none), status and hours of each trainee holding a seat, in unit order."""
    sql = f"""SELECT coalesce(u.name, '未填写单位') AS unit, e.status, e.hours FROM enrollments e
              LEFT JOIN units u ON u.id = e.unit_id WHERE e.period_id = ? AND {conditions.active()}
              ORDER BY coalesce(u.sort_order, 1e9), u.id"""
    return rows(db, sql, [period_id])


def year_classes(db: Database, year: int) -> list[dict]:
    """The live classes of the year's plans or with periods starting in the year, in the plans' order, with
    whether the year's plans hold them (in_plan: their planned figures count), and how many of their live
    periods starting that year are closed (held)."""
    sql = f"""SELECT c.id, c.name, c.kind, c.organiser_kind, c.planned_periods, c.trainees_per_period,
                     CASE WHEN pl.year = ? THEN 1 ELSE 0 END AS in_plan,
                     (SELECT count(*) FROM {LIVE_PERIODS} pe WHERE pe.class_id = c.id AND {conditions.closed()}
                        AND substr(pe.start_date, 1, 4) = ?) AS held
              FROM training_classes c LEFT JOIN plans pl ON pl.id = c.plan_id
              WHERE c.archived = 0 AND (pl.year = ? OR EXISTS (SELECT 1 FROM periods pe WHERE pe.class_id = c.id
                     AND substr(pe.start_date, 1, 4) = ?))
              ORDER BY coalesce(pl.year, 0), coalesce(pl.id, 0), c.seq, c.id"""
    return rows(db, sql, [year, str(year), year, str(year)])


@dataclass
class YearRow:
    year: int
    periods: int
    held: int
    enrolled: int


def years(db: Database) -> list[YearRow]:
    """Every year that has live periods, newest first, with its periods, those held and 人次."""
    start_year = "CAST(substr(pe.start_date, 1, 4) AS INTEGER)"
    sql = f"""SELECT {start_year} AS year, count(*) AS periods,
                     sum({conditions.counted(conditions.closed())}) AS held,
                     sum((SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND {conditions.active()})) AS enrolled
              FROM {LIVE_PERIODS} pe GROUP BY {start_year} ORDER BY year DESC"""
    return [YearRow(**row) for row in rows(db, sql)]
