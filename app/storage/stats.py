"""The statistics' figures: a year's planned and held periods and its enrollments (in all and broken down),
the per-class and per-period summaries, the years there are figures for, and who attended a class."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from app.storage import conditions
from app.storage.conditions import LIVE_PERIODS
from app.storage.connection import Database
from app.storage.records import from_row, rows

# What a year's enrollments are broken down by: the label's SQL over YEAR_ENROLLMENTS.
BREAKDOWNS = {"kind": "c.kind", "organiser": "c.organiser_kind", "unit": "coalesce(u.name, '（无单位）')",
              "category": "coalesce(nullif(pe.cadre_category, ''), '（未填）')",
              "rank": "coalesce(nullif(pe.rank, ''), '（未填）')"}
# The year's enrollments, for the statistics page and the printed yearly summary alike (one parameter: the
# year as text): selected trainees, not the replaced and withdrawn, in the live periods starting that year.
YEAR_ENROLLMENTS = f"""FROM enrollments e JOIN {LIVE_PERIODS} p ON p.id = e.period_id
           JOIN training_classes c ON c.id = p.class_id
           JOIN people pe ON pe.id = e.person_id LEFT JOIN units u ON u.id = e.unit_id
           WHERE substr(p.start_date, 1, 4) = ? AND {conditions.active()}"""
_MEASURES = (f"count(*) AS person_times, coalesce(sum({conditions.counted(conditions.completed())}), 0) AS completed, "
             "coalesce(sum(e.hours), 0) AS hours")


def planned(db: Database, year: int) -> tuple[int, int]:
    """Periods and trainees the year's plans set out for their live classes."""
    return db.execute("""SELECT coalesce(sum(c.planned_periods), 0), coalesce(sum(c.planned_periods * c.trainees_per_period), 0)
                         FROM training_classes c JOIN plans p ON p.id = c.plan_id
                         WHERE p.year = ? AND c.archived = 0""", [year]).fetchone()


def planned_by_organiser(db: Database, year: int) -> dict[str, tuple[int, int]]:
    """planned() for each 举办方式 of the classes."""
    sql = """SELECT c.organiser_kind, coalesce(sum(c.planned_periods), 0),
                    coalesce(sum(c.planned_periods * c.trainees_per_period), 0)
             FROM training_classes c JOIN plans p ON p.id = c.plan_id
             WHERE p.year = ? AND c.archived = 0 GROUP BY c.organiser_kind"""
    return {row[0]: (row[1], row[2]) for row in db.execute(sql, [year]).fetchall()}


def scheduled_by_organiser(db: Database, year: int) -> dict[str, tuple[int, int]]:
    """scheduled() for each 举办方式 of the periods' classes."""
    sql = f"""SELECT c.organiser_kind, count(*), coalesce(sum({conditions.counted(conditions.closed())}), 0)
              FROM {LIVE_PERIODS} pe JOIN training_classes c ON c.id = pe.class_id
              WHERE substr(pe.start_date, 1, 4) = ? GROUP BY c.organiser_kind"""
    return {row[0]: (row[1], row[2]) for row in db.execute(sql, [str(year)]).fetchall()}


def scheduled(db: Database, year: int) -> tuple[int, int]:
    """Live periods starting in the year, and how many of them are closed."""
    return db.execute(f"""SELECT count(*), coalesce(sum({conditions.counted(conditions.closed())}), 0)
                          FROM {LIVE_PERIODS} pe WHERE substr(pe.start_date, 1, 4) = ?""", [str(year)]).fetchone()


def year_totals(db: Database, year: int) -> dict:
    """人次, completed and hours of the year's enrollments."""
    return rows(db, f"SELECT '' AS label, {_MEASURES} {YEAR_ENROLLMENTS}", [str(year)])[0]


def year_breakdown(db: Database, year: int, key: str) -> list[dict]:
    """The year's 人次, completed and hours by one of BREAKDOWNS: units in their order, the others most first."""
    order = "min(coalesce(u.sort_order, 1e9))" if key == "unit" else "person_times DESC"
    sql = f"SELECT {BREAKDOWNS[key]} AS label, {_MEASURES} {YEAR_ENROLLMENTS} GROUP BY label ORDER BY {order}, label"
    return rows(db, sql, [str(year)])


def year_records(db: Database, year: int) -> list[dict]:
    """Each of the year's enrollments: class and its 举办方式, unit, cadre category, status and hours, in unit order."""
    sql = f"""SELECT c.id AS class_id, c.organiser_kind, coalesce(u.name, '') AS unit, pe.cadre_category, e.status,
                     e.hours {YEAR_ENROLLMENTS} ORDER BY coalesce(u.sort_order, 1e9), u.id"""
    return rows(db, sql, [str(year)])


def people_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM people").fetchone()[0]


@dataclass
class ClassSummary:
    class_id: int
    plan_title: str
    seq: int
    name: str
    kind: str
    planned_periods: int
    trainees_per_period: int
    scheduled_periods: int
    closed_periods: int
    enrolled: int  # 人次 selected, not counting the replaced and withdrawn
    completed: int
    hours: float
    organiser_kind: str = "本级举办"

    @property
    def planned_trainees(self) -> int:
        return self.planned_periods * self.trainees_per_period


@dataclass
class PeriodSummary:
    period_id: int
    class_name: str
    number: int
    start_date: str
    end_date: str
    status: str
    enrolled: int
    quota_units: int
    quota_seats: int
    roster_units: int


def class_summaries(db: Database) -> list[ClassSummary]:
    in_class = f"FROM enrollments e JOIN {LIVE_PERIODS} pe ON pe.id = e.period_id WHERE pe.class_id = c.id"
    sql = f"""SELECT c.id AS class_id, coalesce(pl.title, '') AS plan_title, c.seq, c.name, c.kind, c.organiser_kind,
                     c.planned_periods, c.trainees_per_period,
                     (SELECT count(*) FROM {LIVE_PERIODS} pe WHERE pe.class_id = c.id) AS scheduled_periods,
                     (SELECT count(*) FROM {LIVE_PERIODS} pe WHERE pe.class_id = c.id AND {conditions.closed()})
                       AS closed_periods,
                     (SELECT count(*) {in_class} AND {conditions.active()}) AS enrolled,
                     (SELECT count(*) {in_class} AND {conditions.completed()}) AS completed,
                     (SELECT coalesce(sum(e.hours), 0) {in_class}) AS hours
              FROM training_classes c LEFT JOIN plans pl ON pl.id = c.plan_id
              WHERE c.archived = 0 ORDER BY coalesce(pl.year, 0), coalesce(pl.id, 0), c.seq, c.id"""
    return [from_row(ClassSummary, row) for row in rows(db, sql)]


def period_summaries(db: Database) -> list[PeriodSummary]:
    sql = f"""SELECT pe.id AS period_id, c.name AS class_name, pe.number, pe.start_date, pe.end_date, pe.status,
                     (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND {conditions.active()}) AS enrolled,
                     (SELECT count(*) FROM quotas q WHERE q.period_id = pe.id) AS quota_units,
                     (SELECT coalesce(sum(q.seats), 0) FROM quotas q WHERE q.period_id = pe.id) AS quota_seats,
                     (SELECT count(DISTINCT e.unit_id) FROM enrollments e
                        WHERE e.period_id = pe.id AND {conditions.active()}) AS roster_units
              FROM periods pe JOIN training_classes c ON c.id = pe.class_id
              WHERE pe.archived = 0 ORDER BY pe.start_date, c.seq, pe.number"""
    return [from_row(PeriodSummary, row) for row in rows(db, sql)]


def attended_class(db: Database, class_id: int, statuses: Iterable[str]) -> set[int]:
    """The people on any roster of the class with one of these statuses."""
    status_in, params = conditions.one_of("e.status", statuses)
    sql = f"""SELECT DISTINCT e.person_id FROM enrollments e JOIN periods p ON p.id = e.period_id
              WHERE p.class_id = ? AND {status_in}"""
    return {row[0] for row in db.execute(sql, [class_id, *params])}
