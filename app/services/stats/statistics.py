"""The statistics page's figures, also printed in the yearly summary and used by the print centre: the year
at a glance (periods and trainees planned against held; 人次 and 学时 by class kind, unit, cadre category and
rank; attendance rate; how many people are behind their hours), and the per-class and per-period summaries."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.funds import OWN
from app.services import attendance
from app.services.hours import ledger
from app.services.stats import organisers
from app.services.stats.organisers import OrganiserFigures
from app.services.teaching import pool
from app.storage import periods, plans, stats
from app.storage.connection import Database

BREAKDOWNS = {"kind": "班次类型", "unit": "单位", "category": "干部类别", "rank": "职级", "organiser": "举办方式"}


@dataclass
class Line:
    label: str
    person_times: int  # 人次: selected trainees, not counting the replaced and withdrawn
    completed: int
    hours: float


@dataclass
class YearOverview:
    """The year's figures: the totals here are of every 举办方式 (by_organiser keeps them apart)."""
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
    leader_lectures: pool.LeaderLectures = field(default_factory=lambda: pool.LeaderLectures(0, 0, 0.0))
    by_organiser: list[OrganiserFigures] = field(default_factory=list)  # 本级举办, 上级调训, 单位自办

    @property
    def own(self) -> OrganiserFigures:
        """The office's own classes (本级举办): the headline figures."""
        return self.by_organiser[0] if self.by_organiser else OrganiserFigures(OWN)


@dataclass
class YearPage:
    """What the statistics page shows for a year, read in one go (off the UI thread)."""
    overview: YearOverview
    ledger: list[ledger.PersonHours]  # every person's hours, in unit order
    behind: list[ledger.PersonHours]  # 应训未训, furthest behind first


def year_page(db: Database, year: int) -> YearPage:
    """The year's figures and its hours ledger, the ledger and 应训未训 computed once for both."""
    people_hours = ledger.ledger(db, year)
    behind = ledger.behind_of(people_hours)
    return YearPage(overview(db, year, len(behind)), people_hours, behind)


def overview(db: Database, year: int, behind: int | None = None) -> YearOverview:
    """The year at a glance; behind is the number 应训未训 when the caller has counted them already."""
    behind = len(ledger.behind(db, year)) if behind is None else behind
    planned = stats.planned(db, year)
    scheduled, held = stats.scheduled(db, year)
    totals = Line(**stats.year_totals(db, year))
    result = YearOverview(
        year, planned[0], planned[1], held, scheduled, totals.person_times, totals.completed, totals.hours,
        attendance.attendance_rate(db, year), behind, stats.people_count(db))
    result.lines = {key: breakdown(db, year, key) for key in BREAKDOWNS}
    result.leader_lectures = pool.leader_lectures(db, year)
    result.by_organiser = organisers.by_organiser(db, year)
    return result


def breakdown(db: Database, year: int, key: str) -> list[Line]:
    return [Line(**row) for row in stats.year_breakdown(db, year, key)]


def years(db: Database) -> list[int]:
    """Years that have plans or periods, newest first."""
    return sorted(plans.plan_years(db) | set(periods.start_years(db)), reverse=True)


FIGURE_LABELS = ("计划期数", "已排期数", "已结班期数", "计划培训人数", "调训人次", "结业人次", "学时合计", "出勤率", "应训未训")


def figures(o: YearOverview) -> list[tuple[str, object, str]]:
    """The year's headline numbers as (label, value, text shown): the overview's figures and its export. Periods,
    places, 人次 and 学时 are the office's own classes (本级举办); attendance and 应训未训 are of everyone."""
    own = o.own
    rate = "—" if o.attendance_rate is None else f"{o.attendance_rate:.1%}"
    values = (own.planned_periods, own.scheduled_periods, own.held_periods, own.planned_trainees, own.person_times,
              own.completed, own.hours, rate, o.behind)
    texts = [*(str(value) for value in values[:6]), f"{own.hours:g}", rate, f"{o.behind}人"]
    return list(zip(FIGURE_LABELS, values, texts, strict=False))


OWN_FIGURES = FIGURE_LABELS[:7]  # the office's own classes (本级举办); the rest count every kind's trainees


def export_label(label: str) -> str:
    """A figure's label where it stands alone (an exported sheet): 本级举办计划期数."""
    return f"本级举办{label}" if label in OWN_FIGURES else label


LEADER_FIGURE_LABELS = ("领导干部上讲台人数", "领导干部授课节数", "领导干部授课学时")


def leader_figures(o: YearOverview) -> list[tuple[str, object, str]]:
    """领导干部上讲台 (seed 000 item 6): how many leaders of the pool taught in the year, sessions and 学时."""
    taught = o.leader_lectures
    values = (taught.leaders, taught.sessions, taught.hours)
    texts = (f"{taught.leaders}人", f"{taught.sessions}节", f"{taught.hours:g}学时")
    return list(zip(LEADER_FIGURE_LABELS, values, texts, strict=True))


def leader_text(o: YearOverview) -> str:
    taught = o.leader_lectures
    return f"领导干部上讲台：{taught.leaders}人，授课{taught.sessions}节、{taught.hours:g}学时"


class_summaries = stats.class_summaries  # per class: periods scheduled and closed, 人次, completed, 学时
period_summaries = stats.period_summaries  # per live period: 人次, seats allocated, units called
