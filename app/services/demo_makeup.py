"""The demo office's roll-call classes (点名调训, seed 000 item 21): 科级干部培训班 with three trainees of its
first period to make up (one 缺训, one 请假 beyond the limit, one 退学), one of them already linked to the
second period; and 县管领导干部学习贯彻党的十九届四中全会精神专题班, whose one 缺训 of the first period was
made up in the third (结业).

The first periods were closed by the real close-out; their outcomes are then set as the office would have
recorded them, attendance marks included, so that the reasons come out of the data as they would."""
from __future__ import annotations

from app.domain.models import Enrollment, Period, TrainingClass
from app.domain.status import EnrollmentStatus
from app.services import attendance
from app.services.makeup import writes
from app.storage import attendance as attendance_marks
from app.storage import roster as roster_queries
from app.storage import tables
from app.storage.connection import Database

SECTION_CLASS = "科级干部培训班"
LEADERS_CLASS = "县管领导干部学习贯彻党的十九届四中全会精神专题班"


def build_makeup(db: Database) -> None:
    section, leaders = _roll_call(db, SECTION_CLASS), _roll_call(db, LEADERS_CLASS)
    first, second = _periods(db, section)[:2]
    in_second = roster_queries.enrolled_ids(db, second.id)
    absent, on_leave, withdrawn = [e for e in _completed(db, first) if e.person_id not in in_second][:3]
    _set(db, absent, EnrollmentStatus.ABSENT, "缺勤", slots=attendance.slots(first))
    _set(db, on_leave, EnrollmentStatus.WITHDRAWN, "请假", slots=attendance.slots(first)[:6])
    _set(db, withdrawn, EnrollmentStatus.WITHDRAWN, "缺勤", slots=attendance.slots(first)[8:])
    writes.link(db, absent.id, second.id)
    _made_up(db, *_periods(db, leaders)[:3:2])


def _roll_call(db: Database, name: str) -> TrainingClass:
    training_class = next(c for c in tables.classes(db).all() if c.name == name)
    training_class.roll_call = True
    return tables.classes(db).update(training_class)


def _periods(db: Database, training_class: TrainingClass) -> list[Period]:
    return sorted((p for p in tables.periods(db).all() if p.class_id == training_class.id), key=lambda p: p.number)


def _completed(db: Database, period: Period) -> list[Enrollment]:
    return [e for e in roster_queries.named_enrollments(db, period.id) if EnrollmentStatus.is_completed(e.status)]


def _set(db: Database, enrollment: Enrollment, status: str, mark: str, slots) -> None:
    attendance_marks.put_marks(db, [(enrollment.id, day, half, mark) for day, half in slots])
    present = sum(1 for *_, m in attendance_marks.marks_of(db, enrollment.id) if m == "出勤")
    hours = 0.0 if status == EnrollmentStatus.ABSENT else present * attendance.setting(db, "hours_per_half_day")
    roster_queries.set_outcome(db, enrollment.id, status, hours if status != EnrollmentStatus.WITHDRAWN else 0.0)


def _made_up(db: Database, first: Period, third: Period) -> None:
    """A trainee of the first period who missed it and completed the third as a make-up."""
    taken = roster_queries.enrolled_ids(db, third.id)
    missed = next(e for e in _completed(db, first) if e.person_id not in taken)
    _set(db, missed, EnrollmentStatus.ABSENT, "缺勤", slots=attendance.slots(first))
    hours = tables.classes(db).get(third.class_id).total_hours
    tables.enrollments(db).insert(Enrollment(third.id, missed.person_id, missed.unit_id, EnrollmentStatus.COMPLETED,
                                             hours=hours, makeup_of=missed.id))
