"""What is taught (issue 17): the lecturer pool, the teaching bases, the course library and each period's
sessions, as dataclasses whose field names are the database's column names (see app/domain/models.py)."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.models import stamp


@dataclass
class Lecturer:
    """A lecturer of the pool (师资库)."""
    name: str
    unit: str = ""
    post: str = ""  # 职务
    title: str = ""  # one of teaching.TITLES: 正高级, 副高级, 中级, 其他, 领导干部, 院士, 知名专家
    leader_level: str = ""  # for a 领导干部: 正处级, 副处级 ...
    kind: str = ""  # one of teaching.LECTURER_KINDS: 党校教师, 领导干部, 专家学者, 基层典型
    fields: str = ""  # 研究领域 / 授课方向
    phone: str = ""
    notes: str = ""
    archived: bool = False
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")

    @property
    def is_leader(self) -> bool:
        return self.kind == "领导干部" or self.title == "领导干部"


@dataclass
class TeachingBase:
    """A teaching base or site (教学基地 / 现场教学点)."""
    name: str
    kind: str = ""  # one of teaching.BASE_KINDS
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    capacity: int = 0
    notes: str = ""
    archived: bool = False
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class Course:
    """A topic of the course library (精品课程 / 典型案例): sessions with the same topic count as its teaching."""
    topic: str
    kind: str = ""  # 精品课程, 典型案例 or ""
    form: str = ""
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class Session:
    """One session of a period's timetable: a half-day (or part of one) on one topic."""
    period_id: int
    day: str
    half: str  # 上午, 下午, 晚上
    topic: str = ""
    form: str = ""  # one of teaching.SESSION_FORMS (教学形式)
    party_spirit: bool = False  # 党性教育 ticked on a session whose form does not say so
    lecturer_id: int | None = None  # in the pool; else lecturer_name as typed
    lecturer_name: str = ""
    lecturer_post: str = ""  # as the timetable gives it, when the lecturer is not in the pool
    base_id: int | None = None
    place: str = ""
    start_time: str = ""  # "08:30"; empty: the whole half-day
    end_time: str = ""
    hours: float | None = None  # None: the half-day's hours by the settings
    fee_rate: float | None = None  # 元 per 学时; None: by the lecturer's title
    sort_order: int = 0  # order within its half-day
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class SessionRow(Session):
    """A session as the timetable shows it: with the pool's lecturer and base, and its hours resolved."""
    pool_name: str = ""  # the lecturer's name in the pool
    pool_post: str = ""
    lecturer_title: str = ""
    lecturer_kind: str = ""
    lecturer_unit: str = ""
    base_name: str = ""
    credited_hours: float = 0.0  # hours, else the default by the settings (filled by the service)

    @property
    def lecturer(self) -> str:
        return self.pool_name or self.lecturer_name

    @property
    def lecturer_job(self) -> str:
        return self.pool_post or self.lecturer_post

    @property
    def where(self) -> str:
        return self.base_name or self.place

    @property
    def is_party_spirit(self) -> bool:
        from app.domain.teaching import is_party_spirit

        return is_party_spirit(self)

    @property
    def is_leader_lecture(self) -> bool:
        return self.lecturer_kind == "领导干部" or self.lecturer_title == "领导干部"
