"""Half-day attendance of a period (出勤, 请假, 缺勤), the 学时 each half-day is worth (the timetable's, else the
hours rules'), and the flags the regulations ask for."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.errors import UserError
from app.domain.models import EnrollmentRow, Period
from app.domain.status import EnrollmentStatus
from app.services import roster, settings
from app.services.teaching import timetable
from app.storage import attendance as marks_store
from app.storage import tables
from app.storage.connection import Database
from app.storage.roster import named_enrollments

HALVES = ("上午", "下午")
MARKS = ("出勤", "请假", "缺勤")
DEFAULTS = {"hours_per_day": 8.0, "hours_per_half_day": 4.0, "leave_limit": 1 / 7, "report_within_days": 3}

Slot = tuple[str, str]  # (ISO day, 上午/下午)


@dataclass
class Flag:
    enrollment_id: int
    person_name: str
    rule: str  # "leave" or "not_reported"
    message: str


@dataclass
class AttendanceSheet:
    period: Period
    trainees: list[EnrollmentRow]
    slots: list[Slot]
    marks: dict[tuple[int, str, str], str]  # (enrollment id, day, half) -> mark

    def mark(self, enrollment_id: int, slot: Slot) -> str:
        return self.marks.get((enrollment_id, *slot), "")

    def count(self, enrollment_id: int, mark: str) -> int:
        return sum(1 for slot in self.slots if self.mark(enrollment_id, slot) == mark)


def setting(db: Database, key: str) -> float:
    return float(settings.get(db, key, DEFAULTS[key]))


def slots(period: Period) -> list[Slot]:
    first = date.fromisoformat(period.start_date)
    days = (date.fromisoformat(period.end_date) - first).days + 1
    return [((first + timedelta(days=n)).isoformat(), half) for n in range(days) for half in HALVES]


def sheet(db: Database, period_id: int, order: str = "unit") -> AttendanceSheet:
    """The period's trainees holding a seat, in the roster's order (app.domain.trainee_order), with their marks."""
    period = tables.periods(db).get(period_id)
    place = {line.enrollment_id: index for index, line in enumerate(roster.roster(db, period_id, order))}
    trainees = sorted((e for e in named_enrollments(db, period_id) if EnrollmentStatus.is_active(e.status)),
                      key=lambda e: place[e.id])
    return AttendanceSheet(period, trainees, slots(period), marks_store.marks(db, period_id))


def set_mark(db: Database, enrollment_id: int, day: str, half: str, mark: str | None) -> None:
    """Sets one half-day's mark; None or "" clears it."""
    enrollment = tables.enrollments(db).get(enrollment_id)
    period = roster.ensure_open(db, enrollment.period_id)
    _check_slot(period, day, half)
    if mark and mark not in MARKS:
        raise UserError(f"考勤只能是{'、'.join(MARKS)}")
    with db.atomic():
        marks_store.clear_mark(db, enrollment_id, day, half)
        if mark:
            marks_store.add_marks(db, [(enrollment_id, day, half, mark)])


def mark_slot(db: Database, period_id: int, day: str, half: str, mark: str = "出勤", only_blank: bool = True) -> int:
    """A whole half-day at once, as from a signed sign-in sheet; returns how many marks were written."""
    period = roster.ensure_open(db, period_id)
    _check_slot(period, day, half)
    current = sheet(db, period_id)
    targets = [e.id for e in current.trainees if not (only_blank and current.mark(e.id, (day, half)))]
    with db.atomic():
        marks_store.put_marks(db, [(enrollment_id, day, half, mark) for enrollment_id in targets])
    return len(targets)


def _check_slot(period: Period, day: str, half: str) -> None:
    if half not in HALVES or not (period.start_date <= day <= period.end_date):
        raise UserError(f"{day}{half}不在第{period.number}期的培训时间（{period.start_date}至{period.end_date}）内")


@dataclass(frozen=True)
class SlotHours:
    """The 学时 of each half-day of the grid. With a timetable: the hours of the sessions it holds, an evening's
    counted with that day's afternoon (the grid has no evening column and the sign-in sheet none either: who
    signed in for the afternoon stayed for the evening's session); a half-day without sessions is worth none.
    Without a timetable: every half-day the hours rules' figure."""
    by_slot: dict[Slot, float] | None  # None: the period has no timetable
    per_half_day: float
    total: float  # the period's scheduled hours

    @property
    def from_timetable(self) -> bool:
        return self.by_slot is not None

    def of(self, slot: Slot) -> float:
        return self.per_half_day if self.by_slot is None else self.by_slot.get(slot, 0.0)

    def marked(self, current: AttendanceSheet, enrollment_id: int, mark: str) -> float:
        """The hours of the half-days the trainee has this mark on."""
        return round(sum(self.of(slot) for slot in current.slots if current.mark(enrollment_id, slot) == mark), 2)


def slot_hours(db: Database, period: Period) -> SlotHours:
    per_half_day = setting(db, "hours_per_half_day")
    sessions = timetable.timetable(db, period.id)
    if not sessions:
        return SlotHours(None, per_half_day, _planned_hours(db, period))
    by_slot: dict[Slot, float] = {}
    for s in sessions:
        slot = (s.day, "下午" if s.half == "晚上" else s.half)
        by_slot[slot] = by_slot.get(slot, 0.0) + s.credited_hours
    return SlotHours(by_slot, per_half_day, round(sum(by_slot.values()), 2))


def hours_basis(db: Database, period_id: int) -> str:
    """How close-out will count the hours of this period, in the clerk's words."""
    hours = slot_hours(db, tables.periods(db).get(period_id))
    if hours.from_timetable:
        return f"按课程表中各半天的学时，晚上的课程随当天下午计，本期课程表共{hours.total:g}学时"
    return f"本期没有课程表，每半天{hours.per_half_day:g}学时，最多{hours.total:g}学时"


def period_hours(db: Database, period: Period) -> float:
    """The period's scheduled hours: its timetable's total when it has one, else the class's course hours,
    or its days at the hours a day."""
    return slot_hours(db, period).total


def _planned_hours(db: Database, period: Period) -> float:
    training_class = tables.classes(db).get(period.class_id)
    return training_class.total_hours or period.days * setting(db, "hours_per_day")


def flags(db: Database, period_id: int, today: date | None = None) -> list[Flag]:
    """Leave beyond 1/7 of the period's hours (退学 under the regulations); not reported within 3 days."""
    current = sheet(db, period_id)
    hours = slot_hours(db, current.period)
    limit = hours.total * setting(db, "leave_limit")
    window = [s for s in current.slots if s[0] < _report_deadline(db, current.period)]
    window_over = _report_deadline(db, current.period) <= (today or date.today()).isoformat()
    found = []
    for trainee in current.trainees:
        leave = hours.marked(current, trainee.id, "请假")
        if leave > limit:
            found.append(Flag(trainee.id, trainee.person_name, "leave",
                              f"请假{leave:g}学时，超过本期{limit:.1f}学时（总学时的1/7），按规定应作退学处理"))
        present = any(current.mark(trainee.id, slot) == "出勤" for slot in window)
        if window_over and window and not present:
            found.append(Flag(trainee.id, trainee.person_name, "not_reported",
                              f"开班{int(setting(db, 'report_within_days'))}天内未报到"))
    return found


def _report_deadline(db: Database, period: Period) -> str:
    days = int(setting(db, "report_within_days"))
    return (date.fromisoformat(period.start_date) + timedelta(days=days)).isoformat()


def attendance_rate(db: Database, year: int) -> float | None:
    """Present half-days over recorded half-days in the year's periods; None when nothing was recorded."""
    return marks_store.present_share(db, year)
