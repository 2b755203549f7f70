"""The statistics page's figures, also printed in the yearly summary and used by the print centre: the year
at a glance (periods and trainees planned against held; 人次 and 学时 by class kind, unit, cadre category and
rank; attendance rate; how many people are behind their hours), and the per-class and per-period summaries."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from app.services import attendance
from app.services.hours import ledger
from app.storage.classes import ACTIVE, LIVE_PERIODS
from app.storage.records import from_row, rows

BREAKDOWNS = {"kind": ("班次类型", "c.kind"), "unit": ("单位", "coalesce(u.name, '（无单位）')"),
              "category": ("干部类别", "coalesce(nullif(pe.cadre_category, ''), '（未填）')"),
              "rank": ("职级", "coalesce(nullif(pe.rank, ''), '（未填）')")}


@dataclass
class Line:
    label: str
    person_times: int  # 人次: selected trainees, not counting the replaced and withdrawn
    completed: int
    hours: float


@dataclass
class YearOverview:
    year: int
    planned_periods: int
    planned_trainees: int
    held_periods: int  # closed (结班)
    scheduled_periods: int
    person_times: int
    completed: int
    hours: float
    attendance_rate: float | None
    behind: int
    people: int
    lines: dict[str, list[Line]] = field(default_factory=dict)


def overview(db: Database, year: int) -> YearOverview:
    planned = db.execute("""SELECT coalesce(sum(c.planned_periods), 0), coalesce(sum(c.planned_periods * c.trainees_per_period), 0)
                            FROM training_classes c JOIN plans p ON p.id = c.plan_id
                            WHERE p.year = ? AND c.archived = 0""", [year]).fetchone()
    periods = db.execute(f"""SELECT count(*), coalesce(sum(status = '结班'), 0) FROM {LIVE_PERIODS}
                             WHERE substr(start_date, 1, 4) = ?""", [str(year)]).fetchone()
    totals = _totals(db, year)
    result = YearOverview(
        year, planned[0], planned[1], periods[1], periods[0], totals.person_times, totals.completed, totals.hours,
        attendance.attendance_rate(db, year), len(ledger.behind(db, year)),
        db.execute("SELECT count(*) FROM people").fetchone()[0])
    result.lines = {key: breakdown(db, year, key) for key in BREAKDOWNS}
    return result


# The year's enrollments, for the statistics page and the printed yearly summary alike (one parameter: the
# year as text): selected trainees, not the replaced and withdrawn, in the live periods starting that year.
YEAR_ENROLLMENTS = f"""FROM enrollments e JOIN {LIVE_PERIODS} p ON p.id = e.period_id
           JOIN training_classes c ON c.id = p.class_id
           JOIN people pe ON pe.id = e.person_id LEFT JOIN units u ON u.id = e.unit_id
           WHERE substr(p.start_date, 1, 4) = ? AND e.{ACTIVE}"""
_MEASURES = "count(*) AS person_times, coalesce(sum(e.status = '结业'), 0) AS completed, coalesce(sum(e.hours), 0) AS hours"


def _totals(db: Database, year: int) -> Line:
    row = rows(db, f"SELECT '' AS label, {_MEASURES} {YEAR_ENROLLMENTS}", [str(year)])[0]
    return Line(**row)


def breakdown(db: Database, year: int, key: str) -> list[Line]:
    _, expression = BREAKDOWNS[key]
    order = "min(coalesce(u.sort_order, 1e9))" if key == "unit" else "person_times DESC"
    sql = f"SELECT {expression} AS label, {_MEASURES} {YEAR_ENROLLMENTS} GROUP BY label ORDER BY {order}, label"
    return [Line(**row) for row in rows(db, sql, [str(year)])]


def years(db: Database) -> list[int]:
    """Years that have plans or periods, newest first."""
    found = {row[0] for row in db.execute("SELECT year FROM plans")}
    found |= {int(row[0]) for row in db.execute("SELECT DISTINCT substr(start_date, 1, 4) FROM periods")}
    return sorted(found, reverse=True)


FIGURE_LABELS = ("计划期数", "已排期数", "已结班期数", "计划培训人数", "调训人次", "结业人次", "学时合计", "出勤率", "应训未训")


def figures(o: YearOverview) -> list[tuple[str, object, str]]:
    """The year's headline numbers as (label, value, text shown): the overview's figures and its export."""
    rate = "—" if o.attendance_rate is None else f"{o.attendance_rate:.1%}"
    values = (o.planned_periods, o.scheduled_periods, o.held_periods, o.planned_trainees, o.person_times, o.completed,
              o.hours, rate, o.behind)
    texts = [*(str(value) for value in values[:6]), f"{o.hours:g}", rate, f"{o.behind}人"]
    return list(zip(FIGURE_LABELS, values, texts, strict=False))


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
    sql = f"""SELECT c.id AS class_id, coalesce(pl.title, '') AS plan_title, c.seq, c.name, c.kind,
                     c.planned_periods, c.trainees_per_period,
                     (SELECT count(*) FROM {LIVE_PERIODS} pe WHERE pe.class_id = c.id) AS scheduled_periods,
                     (SELECT count(*) FROM {LIVE_PERIODS} pe WHERE pe.class_id = c.id AND pe.status = '结班') AS closed_periods,
                     (SELECT count(*) FROM enrollments e JOIN {LIVE_PERIODS} pe ON pe.id = e.period_id
                        WHERE pe.class_id = c.id AND e.{ACTIVE}) AS enrolled,
                     (SELECT count(*) FROM enrollments e JOIN {LIVE_PERIODS} pe ON pe.id = e.period_id
                        WHERE pe.class_id = c.id AND e.status = '结业') AS completed,
                     (SELECT coalesce(sum(e.hours), 0) FROM enrollments e JOIN {LIVE_PERIODS} pe ON pe.id = e.period_id
                        WHERE pe.class_id = c.id) AS hours
              FROM training_classes c LEFT JOIN plans pl ON pl.id = c.plan_id
              WHERE c.archived = 0 ORDER BY pl.year, pl.id, c.seq, c.id"""
    return [from_row(ClassSummary, row) for row in rows(db, sql)]


def period_summaries(db: Database) -> list[PeriodSummary]:
    sql = f"""SELECT pe.id AS period_id, c.name AS class_name, pe.number, pe.start_date, pe.end_date, pe.status,
                     (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND e.{ACTIVE}) AS enrolled,
                     (SELECT count(*) FROM quotas q WHERE q.period_id = pe.id) AS quota_units,
                     (SELECT coalesce(sum(q.seats), 0) FROM quotas q WHERE q.period_id = pe.id) AS quota_seats,
                     (SELECT count(DISTINCT e.unit_id) FROM enrollments e
                        WHERE e.period_id = pe.id AND e.{ACTIVE}) AS roster_units
              FROM periods pe JOIN training_classes c ON c.id = pe.class_id
              WHERE pe.archived = 0 ORDER BY pe.start_date, c.seq, pe.number"""
    return [from_row(PeriodSummary, row) for row in rows(db, sql)]
