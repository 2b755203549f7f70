"""The 师资 page's lists: lecturers and bases with how often they taught or were used, a lecturer's sessions
over a year, a base's sessions, the course library (topics taught again and again, marked 精品课程 / 典型案例),
and the year's 领导干部上讲台 figure."""
from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain import teaching
from app.domain.errors import ValidationError
from app.domain.phone import mask_phone
from app.domain.teaching_records import Course, Lecturer, SessionRow, TeachingBase
from app.services.evaluation import results as evaluation_results
from app.services.safety import audit
from app.services.teaching.fees import lecturer_year_sessions, period_labels
from app.services.teaching.timetable import with_hours
from app.storage import tables
from app.storage import teaching as store
from app.storage.connection import Database


@dataclass
class LecturerRow(Lecturer):
    sessions: int = 0
    evaluation: str = ""  # 质量评估: the satisfaction rate of their scored sessions, 96.0%（3次课）

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def title_shown(self) -> str:
        return f"{self.title}（{self.leader_level}）" if self.leader_level and self.title == teaching.LEADER else self.title


@dataclass
class BaseRow(TeachingBase):
    sessions: int = 0


@dataclass
class TaughtSession:
    """A session as the lecturer's and the base's lists show it: with its period's name and its 学时."""
    session: SessionRow
    period_label: str

    @property
    def id(self) -> int:
        return self.session.id


@dataclass
class Topic:
    """A topic of the course library."""
    topic: str
    sessions: int
    periods: int
    first_day: str
    last_day: str
    lecturers: str
    kind: str = ""  # 精品课程, 典型案例 or "" (not in the courses table)
    id: int | None = None  # the courses row, when marked
    evaluation: str = ""  # 质量评估: the satisfaction rate of its scored sessions


@dataclass
class LeaderLectures:
    """领导干部上讲台: how many leaders of the pool taught in the year, in how many sessions and 学时."""
    leaders: int
    sessions: int
    hours: float


def lecturer_rows(db: Database, include_archived: bool = True) -> list[LecturerRow]:
    counts = store.session_counts(db, "lecturer_id")
    scores = evaluation_results.lecturer_figures(db)
    return [LecturerRow(**vars(lecturer), sessions=counts.get(lecturer.id, 0),
                        evaluation=scores[lecturer.id].text if lecturer.id in scores else "")
            for lecturer in store.list_lecturers(db, include_archived)]


def base_rows(db: Database, include_archived: bool = True) -> list[BaseRow]:
    counts = store.session_counts(db, "base_id")
    return [BaseRow(**vars(base), sessions=counts.get(base.id, 0)) for base in store.list_bases(db, include_archived)]


def lecturer_year(db: Database, lecturer_id: int, year: int) -> list[TaughtSession]:
    sessions = lecturer_year_sessions(db, lecturer_id, year)
    labels = period_labels(db, sessions)
    return [TaughtSession(s, labels[s.period_id]) for s in sessions]


def base_sessions(db: Database, base_id: int) -> list[TaughtSession]:
    sessions = store.base_sessions(db, base_id)
    hours = {s.id: s.credited_hours for s in with_hours(db, store.sessions_of_periods(db, sorted({s.period_id for s in sessions})))}
    labels = period_labels(db, sessions)
    return [TaughtSession(replace(s, credited_hours=hours[s.id]), labels[s.period_id]) for s in sessions]


def set_archived(db: Database, lecturer_id: int, archived: bool) -> Lecturer:
    """停用 (or back in use): the lecturer leaves the pickers, the sessions keep naming them."""
    lecturer = replace(tables.lecturers(db).get(lecturer_id), archived=archived)
    with db.atomic():
        tables.lecturers(db).update(lecturer)
        audit.record(db, "停用授课人" if archived else "启用授课人", "lecturer", lecturer.id, lecturer.name)
    return lecturer


def course_library(db: Database, min_sessions: int = 1) -> list[Topic]:
    """Every topic taught (most taught first) with its lecturers, and the marked ones even when no longer taught."""
    marked = {course.topic: course for course in tables.courses(db).all()}
    lecturers = store.lecturers_by_topic(db)
    found = []
    for row in store.sessions_by_topic(db):
        if row["sessions"] < min_sessions and row["topic"] not in marked:
            continue
        course = marked.pop(row["topic"], None)
        found.append(Topic(row["topic"], row["sessions"], row["periods"], row["first_day"], row["last_day"],
                           "、".join(lecturers.get(row["topic"], [])), course.kind if course else "",
                           course.id if course else None))
    found += [Topic(c.topic, 0, 0, "", "", "", c.kind, c.id) for c in marked.values()]
    scores = evaluation_results.topic_figures(db)
    for topic in found:
        topic.evaluation = scores[topic.topic].text if topic.topic in scores else ""
    return found


def mark_topic(db: Database, topic: str, kind: str) -> Course | None:
    """Marks a topic 精品课程 or 典型案例 in the courses table; kind "" takes the mark off (the row goes)."""
    if kind and kind not in teaching.COURSE_KINDS:
        raise ValidationError({"kind": f"应为{'、'.join(teaching.COURSE_KINDS)}之一"})
    if not topic.strip():
        raise ValidationError({"topic": "课程内容不能为空"})
    existing = store.course_by_topic(db, topic)
    with db.atomic():
        if not kind:
            if existing is not None:
                tables.courses(db).delete(existing.id)
                audit.record(db, "取消课程标记", "course", existing.id, topic)
            return None
        saved = tables.courses(db).save(replace(existing, kind=kind) if existing else Course(topic=topic, kind=kind))
        audit.record(db, f"标为{kind}", "course", saved.id, topic)
    return saved


def leader_lectures(db: Database, year: int) -> LeaderLectures:
    """The pool's leaders who taught in the year: their number, sessions and 学时 (each session's 学时 counted
    within its period's timetable)."""
    first, last = f"{year}-01-01", f"{year}-12-31"
    sessions = with_hours(db, store.sessions_of_periods(db, store.periods_with_sessions(db, first, last)))
    taught = [s for s in sessions if first <= s.day <= last and s.is_leader_lecture]
    return LeaderLectures(len({s.lecturer_id for s in taught}), len(taught),
                          round(sum(s.credited_hours for s in taught), 2))
