"""A small teaching office built through the services for the lecturer pool and lecture-fee tests: two periods
of one class in 2020, lecturers of each title and a base, and timetables whose fees are worked out by hand."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.models import Period, TrainingClass
from app.domain.teaching_records import Lecturer, Session, TeachingBase
from app.services import settings
from app.services.classes import ClassDraft, save_draft, save_period
from app.services.teaching import lecturers, timetable


@dataclass
class Office:
    first: Period  # 科级干部培训班第1期, 2020-05-11 to 05-15
    second: Period  # 乡村振兴专题班第1期, 2020-05-11 to 05-13: the same days, so a lecturer can be booked twice
    people: dict[str, Lecturer]
    base: TeachingBase


LECTURERS = (
    ("王教授", "正高级", "专家学者", "13812345678"),
    ("李副教授", "副高级", "党校教师", "023-61234567"),
    ("赵讲师", "中级", "党校教师", ""),
    ("孙书记", "领导干部", "领导干部", "13900001111"),
    ("钱院士", "院士", "专家学者", ""),
    ("周支书", "其他", "基层典型", ""),
)


def forget_demo_teaching(db) -> None:
    """The demo office's timetables, lecturers, bases and courses gone, so a test counts only its own, and a
    half-day counting 4 学时 (the demo counts 3) as these tests' sums do."""
    with db.atomic():
        for table in ("sessions", "courses", "lecturers", "teaching_bases"):
            db.execute(f"DELETE FROM {table}")
        settings.put(db, "hours_per_half_day", 4.0)


def build(db) -> Office:
    training_class = save_draft(db, ClassDraft(TrainingClass(name="科级干部培训班", kind="主体班", total_hours=40)))
    first = save_period(db, Period(training_class.id, 1, "2020-05-11", "2020-05-15"))
    other = save_draft(db, ClassDraft(TrainingClass(name="乡村振兴专题班", kind="专题班", total_hours=24)))
    second = save_period(db, Period(other.id, 1, "2020-05-11", "2020-05-13", place="二教室"))
    people = {name: lecturers.save_lecturer(db, Lecturer(name=name, title=title, kind=kind, phone=phone,
                                                         unit="县委党校", post="教师",
                                                         leader_level="正处级" if kind == "领导干部" else ""))
              for name, title, kind, phone in LECTURERS}
    base = lecturers.save_base(db, TeachingBase(name="长征精神党性教育基地", kind="党性教育基地", capacity=80))
    return Office(first, second, people, base)


def session(office: Office, period: Period, day: str, half: str, topic: str, lecturer: str = "", **values) -> Session:
    lecturer_id = office.people[lecturer].id if lecturer in office.people else None
    typed = "" if lecturer_id else lecturer
    return Session(period.id, day, half, topic=topic, lecturer_id=lecturer_id, lecturer_name=typed, **values)


def teach(db, office: Office, period: Period, *sessions: tuple) -> None:
    """Each (day, half, topic, lecturer, **values) as one session saved through the timetable service."""
    for day, half, topic, lecturer, *rest in sessions:
        timetable.save_session(db, session(office, period, day, half, topic, lecturer, **(rest[0] if rest else {})))
