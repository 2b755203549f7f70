"""The figures of the summaries: one period's trainees by status and unit, and a year by class, class
kind, unit and cadre category (periods held against planned, 人次, 学时)."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.funds import ORGANISER_KINDS, OWN
from app.domain.status import CAME, EnrollmentStatus
from app.storage import stats, summaries
from app.storage.connection import Database


@dataclass
class Tally:
    """Trainee counts of one row of a summary table."""
    label: str
    enrolled: int = 0  # 人次
    reported: int = 0
    on_leave: int = 0
    absent: int = 0
    completed: int = 0
    hours: float = 0.0
    planned_periods: int = 0
    held_periods: int = 0
    planned_trainees: int = 0
    organiser_kind: str = ""  # a class's 举办方式 (本级举办, 上级调训, 单位自办)

    def add(self, status: str, hours: float) -> None:
        self.enrolled += 1
        self.reported += status in CAME
        self.on_leave += status == EnrollmentStatus.ON_LEAVE
        self.absent += status == EnrollmentStatus.ABSENT
        self.completed += EnrollmentStatus.is_completed(status)
        self.hours += hours or 0.0


@dataclass
class YearSummary:
    year: int
    by_class: list[Tally] = field(default_factory=list)
    by_kind: list[Tally] = field(default_factory=list)
    by_unit: list[Tally] = field(default_factory=list)
    by_category: list[Tally] = field(default_factory=list)
    by_organiser: list[Tally] = field(default_factory=list)  # 本级举办, 上级调训, 单位自办: never summed unlabelled

    @property
    def own(self) -> Tally:
        return self.by_organiser[0]


def total(tallies: list[Tally], label: str = "合计") -> Tally:
    result = Tally(label)
    for tally in tallies:
        for name in ("enrolled", "reported", "on_leave", "absent", "completed", "hours", "planned_periods",
                     "held_periods", "planned_trainees"):
            setattr(result, name, getattr(result, name) + getattr(tally, name))
    return result


def _group(records: list[dict], key: str) -> list[Tally]:
    groups: dict[str, Tally] = {}
    for record in records:
        label = record[key] or "未填写"
        groups.setdefault(label, Tally(label)).add(record["status"], record["hours"])
    return list(groups.values())


def period_by_unit(db: Database, period_id: int) -> list[Tally]:
    return _group(summaries.period_trainees(db, period_id), "unit")


def year_summary(db: Database, year: int) -> YearSummary:
    records = stats.year_records(db, year)
    classes = summaries.year_classes(db, year)
    by_class = [_class_tally(row, [r for r in records if r["class_id"] == row["id"]]) for row in classes]
    kinds: dict[str, Tally] = {}
    for row, tally in zip(classes, by_class, strict=False):
        kind = row["kind"] or "未分类"
        if tally.organiser_kind == OWN:  # the class kinds of the office's own classes
            kinds[kind] = total([kinds[kind], tally] if kind in kinds else [tally], kind)
    by_category = sorted(_group(records, "cadre_category"), key=lambda t: -t.enrolled)
    by_class.sort(key=lambda tally: ORGANISER_KINDS.index(tally.organiser_kind))  # stable: the plans' order kept
    by_organiser = [total([t for t in by_class if t.organiser_kind == kind], kind) for kind in ORGANISER_KINDS]
    return YearSummary(year, by_class, list(kinds.values()), _group(records, "unit"), by_category, by_organiser)


def _class_tally(row: dict, records: list[dict]) -> Tally:
    planned = row["planned_periods"] if row["in_plan"] else 0  # a class in no plan of the year was not planned
    tally = Tally(row["name"], planned_periods=planned, held_periods=row["held"],
                  planned_trainees=planned * row["trainees_per_period"],
                  organiser_kind=row["organiser_kind"])
    for record in records:
        tally.add(record["status"], record["hours"])
    return tally


years = summaries.years  # every year with live periods, newest first: periods, held, 人次
