"""Builds the demo office from seeds/: the two 2020 plans, their classes and periods, units,
generated people, the lecturer pool, bases and timetables (demo_teaching), and rosters as they would stand
on the demo's "today" (seeds/office.json)."""
from __future__ import annotations

import json
import math
import random
from datetime import date

from app.config import seed_file
from app.domain.errors import UserError
from app.domain.models import (
    Contact,
    Enrollment,
    Period,
    Person,
    Plan,
    PlanItem,
    PlanSection,
    Quota,
    TrainingClass,
    Unit,
)
from app.domain.status import EnrollmentStatus, PeriodStatus
from app.services import attendance, closeout, settings
from app.services.demo_class_management import build_class_management
from app.services.demo_evaluation import build_evaluation
from app.services.demo_funds import build_funds
from app.services.demo_makeup import build_makeup
from app.services.demo_people import generate_people
from app.services.demo_survey import build_survey
from app.services.demo_teaching import build_teaching
from app.services.demo_unit_classes import file_unit_classes
from app.services.safety import audit
from app.storage import attendance as attendance_marks
from app.storage import hours, tables
from app.storage.connection import Database

PLAN_FILES = ("plan_2020_county.json", "plan_2020_civil_servants.json")
_PLAN_KEYS = ("year", "title", "kind", "issuer", "doc_number", "issue_date", "addressees", "preamble",
              "closing", "planned_periods", "planned_trainees", "organiser_kind")
_CLASS_KEYS = ("seq", "name", "kind", "theme", "organizer", "host", "target_trainees", "focus",
               "trainees_per_period", "length_days", "place", "fee", "total_hours", "party_spirit_hours",
               "leader_lecture_hours", "practical_post_days", "party_analysis")


def load_seed(name: str):
    with open(seed_file(name), encoding="utf-8") as handle:
        return json.load(handle)


def build_demo(db: Database) -> dict[str, int]:
    """Fills an empty database with the demo office in one transaction; returns what it added."""
    if tables.units(db).count() or tables.plans(db).count():
        raise UserError("数据库中已有数据，示范数据只能载入空数据库")
    office = load_seed("office.json")
    with db.atomic():
        for key in ("office_name", "section_name", "county"):
            settings.put(db, key, office[key])
        units = [tables.units(db).insert(Unit(**row)) for row in load_seed("units.json")]
        people = [tables.people(db).insert(p) for p in generate_people(load_seed("people.json"), units)]
        for key in ("hours_per_half_day", "hours_per_day"):  # the seeds' course hours: 3 学时 a half-day
            settings.put(db, key, office[key])
        periods = [period for name in PLAN_FILES for period in _load_plan(db, load_seed(name))]
        timetables = build_teaching(db, [(p, c) for p, c, _ in periods], load_seed("teaching.json"))
        rosters = _Rosters(people, office)
        for period, training_class, select in periods:
            rosters.fill(db, period, training_class, select)
        file_unit_classes(db, units, people, rosters.busy, random.Random("单位自办"))  # its own: the rest stay as they were
        _online_hours(db, people, rosters.rng, office)
        build_makeup(db)
        build_funds(db, rosters.today)
        build_class_management(db)
        build_evaluation(db)
        build_survey(db)
        audit.record(db, "载入示范数据", detail=f"{len(units)}个单位，{len(people)}人")
    return {"units": len(units), "people": len(people), "periods": len(periods),
            "enrollments": tables.enrollments(db).count(), "timetables": timetables}


def _load_plan(db: Database, data: dict) -> list[tuple[Period, TrainingClass, dict]]:
    plan = tables.plans(db).insert(Plan(**{key: data[key] for key in _PLAN_KEYS if key in data}))
    items_by_number = {}
    for number, section_data in enumerate(data["sections"], start=1):
        section = tables.plan_sections(db).insert(PlanSection(plan.id, number, section_data["title"]))
        for item_data in section_data["items"]:
            item = tables.plan_items(db).insert(PlanItem(section.id, **item_data))
            items_by_number[item.number] = item
    for order, contact in enumerate(data["contacts"]):
        tables.contacts(db).insert(Contact(plan_id=plan.id, sort_order=order, **contact))
    periods = []
    for class_data in data["classes"]:
        item = items_by_number.get(class_data.get("plan_item"))
        training_class = tables.classes(db).insert(TrainingClass(
            plan_id=plan.id, plan_item_id=item.id if item else None, organiser_kind=plan.organiser_kind,
            planned_periods=len(class_data["periods"]), **{key: class_data[key] for key in _CLASS_KEYS if key in class_data},
            coverage=json.dumps(class_data["coverage"], ensure_ascii=False) if "coverage" in class_data else "",
        ))
        for number, dates in enumerate(class_data["periods"], start=1):
            period = tables.periods(db).insert(Period(
                class_id=training_class.id, number=number, start_date=dates["start"], end_date=dates["end"],
                report_time=f"{dates['start']} {class_data['report_clock']}", report_place=class_data["report_place"],
                capacity=training_class.trainees_per_period,
            ))
            periods.append((period, training_class, class_data["demo_select"]))
    return periods


def _online_hours(db: Database, people: list[Person], rng: random.Random, office: dict) -> None:
    """Most cadres also study online; their hours arrive as records, as the office imports them."""
    rows = [(p.id, 2020, float(rng.choice(range(10, 72, 2))), "网络学习", office["online_source"], office["demo_as_of"])
            for p in people if rng.random() < 0.8]
    hours.add_records(db, rows)


def period_status(start: str, end: str, today: date) -> PeriodStatus:
    """Where a period would stand on `today`: 筹备 → 通知 → 报名 → 开班 → 结班."""
    days_to_start = (date.fromisoformat(start) - today).days
    if date.fromisoformat(end) < today:
        return PeriodStatus.CLOSED
    if days_to_start <= 0:
        return PeriodStatus.OPEN
    if days_to_start <= 30:
        return PeriodStatus.ENROLLING
    return PeriodStatus.NOTICE if days_to_start <= 60 else PeriodStatus.PREPARING


class _Rosters:
    """Picks trainees for each demo period, never booking one person into overlapping periods."""

    _STATUS = {PeriodStatus.OPEN: EnrollmentStatus.REPORTED, PeriodStatus.ENROLLING: EnrollmentStatus.SELECTED,
               PeriodStatus.NOTICE: EnrollmentStatus.PROPOSED}

    def __init__(self, people: list[Person], office: dict):
        self.people = people
        self.today = date.fromisoformat(office["demo_as_of"])
        self.fill_share = office["fill_share"]
        self.busy: dict[int, list[tuple[str, str]]] = {}
        self.rng = random.Random(office["demo_as_of"])

    def fill(self, db: Database, period: Period, training_class: TrainingClass, select: dict) -> None:
        final = period_status(period.start_date, period.end_date, self.today)
        period.status = PeriodStatus.OPEN if final == PeriodStatus.CLOSED else final  # closed below, through the real close-out
        tables.periods(db).update(period)
        if period.status == PeriodStatus.PREPARING:
            return
        eligible = [p for p in self.people if self._fits(p, select) and self._free(p, period)]
        size = min(len(eligible), math.ceil(training_class.trainees_per_period * self.fill_share))
        enrolled = [self._enroll(db, period, training_class, person) for person in self.rng.sample(eligible, size)]
        if period.status == PeriodStatus.OPEN:
            self._attendance(db, period, enrolled, long_class=period.days > 7)
        if final == PeriodStatus.CLOSED:
            closeout.close_out(db, period.id, today=self.today)
        if period.status in (PeriodStatus.ENROLLING, PeriodStatus.NOTICE):
            self._quotas(db, period, training_class, eligible)

    def _enroll(self, db: Database, period: Period, training_class: TrainingClass, person: Person) -> Enrollment:
        status = self._STATUS[period.status]
        fee = training_class.fee if status == EnrollmentStatus.REPORTED else 0.0
        self.busy.setdefault(person.id, []).append((period.start_date, period.end_date))
        return tables.enrollments(db).insert(Enrollment(period.id, person.id, person.unit_id, status, fee_paid=fee))

    def _attendance(self, db: Database, period: Period, enrolled: list[Enrollment], long_class: bool) -> None:
        """Sign-in results up to the demo's today: long classes rest at weekends; a few never come."""
        days = [s for s in attendance.slots(period) if s[0] <= self.today.isoformat()
                and not (long_class and date.fromisoformat(s[0]).weekday() >= 5)]
        marks = []
        for enrollment in enrolled:
            never, leave = self.rng.random() < 0.04, self.rng.random() < 0.03
            leave_slot = self.rng.randrange(len(days)) if days else -1
            for index, (day, half) in enumerate(days):
                mark = "缺勤" if never else "请假" if leave and index == leave_slot else "出勤"
                marks.append((enrollment.id, day, half, mark))
        attendance_marks.add_marks(db, marks)

    def _quotas(self, db: Database, period: Period, training_class: TrainingClass, eligible: list[Person]) -> None:
        per_unit: dict[int, int] = {}
        for person in eligible:
            per_unit[person.unit_id] = per_unit.get(person.unit_id, 0) + 1
        total = sum(per_unit.values())
        for unit_id, count in sorted(per_unit.items()):
            seats = max(1, round(training_class.trainees_per_period * count / total))
            tables.quotas(db).insert(Quota(period.id, unit_id, seats))

    @staticmethod
    def _fits(person: Person, select: dict) -> bool:
        categories, ranks = select.get("categories"), select.get("ranks")
        return (not categories or person.cadre_category in categories) and (not ranks or person.rank in ranks)

    def _free(self, person: Person, period: Period) -> bool:
        return all(end < period.start_date or start > period.end_date for start, end in self.busy.get(person.id, []))
