"""The office's records as dataclasses; field names are the database's column names.

Dates are ISO strings ("2020-03-02"), which sort and compare correctly and need no
conversion at the database edge. A record holds its table's columns; what the lists show
from other tables comes in a read row, a subclass such as PeriodRow, which is never written
back as more than its record. (Person.unit_name, made with `joined()`, is the one joined
field left on a record.)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.status import EnrollmentStatus, PeriodStatus


def joined(default):
    """A read-only field filled in by a query from another table."""
    return field(default=default, compare=False, metadata={"joined": True})


def stamp(default):
    """The version and who saved last, when (version, changed_by, changed_at): written by the storage layer
    itself on each save, never from the record, and left out when records are compared (two clerks' copies
    of the same content are the same record)."""
    return field(default=default, compare=False, metadata={"stamp": True})


@dataclass
class Unit:
    name: str
    kind: str = ""
    sort_order: int = 0
    contact_name: str = ""
    contact_phone: str = ""
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class UnitRow(Unit):
    """A unit as the units page lists it: with how many people belong to it."""
    people_count: int = 0


@dataclass
class Person:
    name: str
    id_number: str
    gender: str = ""
    ethnicity: str = "汉族"
    birth_date: str = ""
    political_status: str = ""
    education: str = ""
    unit_id: int | None = None
    post: str = ""
    rank: str = ""
    cadre_category: str = ""
    phone: str = ""
    notes: str = ""
    rank_since: str = ""  # the date of promotion to the current rank (for the hours rule after promotion)
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")
    unit_name: str = joined("")
    name_initials: str = ""  # pinyin initials of the name (张三 → zs), kept for search

    def __post_init__(self):
        if not self.name_initials and self.name:
            from app.domain.pinyin import initials

            self.name_initials = initials(self.name)


@dataclass
class Plan:
    year: int
    title: str
    kind: str = "工作要点"  # or 培训计划
    issuer: str = ""
    doc_number: str = ""
    issue_date: str = ""
    addressees: str = ""  # 主送机关
    preamble: str = ""  # the general requirements / opening paragraph
    closing: str = ""  # e.g. the fees sentence after the numbered matters
    planned_periods: int = 0
    planned_trainees: int = 0
    archived: bool = False
    organiser_kind: str = "本级举办"  # one of funds.ORGANISER_KINDS: a city plan is 上级调训 in the county's data
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class PlanSection:
    plan_id: int
    number: int  # 一、二、... as 1, 2, ...
    title: str
    id: int | None = None


@dataclass
class PlanItem:
    section_id: int
    number: int  # numbered across the whole plan: 1. ... 22.
    title: str  # the lead sentence
    body: str = ""
    id: int | None = None


@dataclass
class TrainingClass:
    name: str
    plan_id: int | None = None
    plan_item_id: int | None = None
    seq: int = 0  # order within its plan
    kind: str = "专题班"
    theme: str = ""
    organizer: str = ""  # 主办
    host: str = ""  # 承办
    target_trainees: str = ""  # 调训对象
    focus: str = ""  # 重点内容
    planned_periods: int = 1
    trainees_per_period: int = 0
    length_days: int = 0
    place: str = ""
    fee: float = 0.0  # yuan per trainee
    total_hours: float = 0.0
    party_spirit_hours: float = 0.0
    leader_lecture_hours: float = 0.0
    practical_post_days: int = 0
    party_analysis: bool = False  # 党性分析
    archived: bool = False
    notes: str = ""
    coverage: str = ""  # JSON {"categories": [...], "ranks": [...]}: everyone in it must attend (全覆盖)
    organiser_kind: str = "本级举办"  # 本级举办, 上级调训 (a city or provincial class) or 单位自办
    unit_id: int | None = None  # the unit that runs a 单位自办 class
    fee_category: str = "三类"  # 一类, 二类, 三类: the 综合定额 per person-day (培训类别)
    roll_call: bool = False  # 点名调训: the people selected must attend, or be made up (补训)
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")

    @property
    def planned_trainees(self) -> int:
        return self.planned_periods * self.trainees_per_period


@dataclass
class ClassRow(TrainingClass):
    """A class as the lists show it: with its plan's title, and the unit that runs a 单位自办 class."""
    plan_title: str = ""
    unit_name: str = ""


@dataclass
class Period:
    class_id: int
    number: int
    start_date: str
    end_date: str
    report_time: str = ""  # "2020-05-11 08:30"
    report_place: str = ""
    capacity: int = 0
    status: str = PeriodStatus.PREPARING
    archived: bool = False
    notes: str = ""
    place: str = ""  # where it is held when not the class's place (a room, another site)
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")

    @property
    def days(self) -> int:
        from datetime import date

        return (date.fromisoformat(self.end_date) - date.fromisoformat(self.start_date)).days + 1


@dataclass
class PeriodRow(Period):
    """A period as the lists, the class form and the rules see it: with its class's name and kind and how
    many trainees hold a seat (not replaced, not withdrawn)."""
    class_name: str = ""
    class_kind: str = ""
    enrolled: int = 0


@dataclass
class PeriodEntry(PeriodRow):
    """A period as the periods page, the import wizard and the global search list it: with its class's plan
    and place, and the class name's pinyin initials (filled by the service) for search as you type."""
    plan_id: int | None = None
    plan_title: str = ""
    class_place: str = ""
    class_initials: str = ""
    organiser_kind: str = ""  # its class's 举办方式

    @property
    def label(self) -> str:
        """As the clerk names it: 县管副职领导干部进修班 第1期."""
        return f"{self.class_name} 第{self.number}期"

    @property
    def where(self) -> str:
        """Where it is held: its own place, else its class's."""
        return self.place or self.class_place


@dataclass
class Enrollment:
    period_id: int
    person_id: int
    unit_id: int | None = None  # the unit at the time of selection
    status: str = EnrollmentStatus.PROPOSED
    replaced_by: int | None = None
    replace_reason: str = ""
    hours: float = 0.0
    key_problems: str = ""  # 重点难点问题或典型案例
    fee_paid: float = 0.0
    notes: str = ""
    fee_paid_on: str = ""  # the date the fee was received
    makeup_of: int | None = None  # 补训: the enrollment (of a roll-call class) this one makes up for
    makeup_note: str = ""  # why a trainee needs no make-up after all (免补训), or a note on it
    committee_role: str = ""  # 班委: 班长, 副班长, 组长, 学习委员 …
    study_group: str = ""  # 第一组 …
    assessment_score: float | None = None  # 结业考核 as a score, when the class scores it
    assessment_result: str = ""  # 合格 / 不合格 / "" (not assessed)
    party_analysis: bool = False  # 党性分析材料 handed in
    report_title: str = ""  # 研究报告 / 心得体会 title
    completion_reason: str = ""  # why a trainee who failed 考核 was still marked 结业
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class EnrollmentRow(Enrollment):
    """A trainee as the attendance sheet lists them: with the person's name and the unit's."""
    person_name: str = ""
    unit_name: str = ""


@dataclass
class Quota:
    period_id: int
    unit_id: int
    seats: int
    id: int | None = None


@dataclass
class Contact:
    org: str  # e.g. 市委组织部
    name: str
    phone: str = ""
    fax: str = ""
    plan_id: int | None = None
    class_id: int | None = None
    sort_order: int = 0
    id: int | None = None


@dataclass
class HoursRecord:
    """学时 earned outside the office's own classes: online learning, other institutions."""
    person_id: int
    year: int
    hours: float
    kind: str = "网络学习"  # or 集中培训, 其他
    source: str = ""  # e.g. 重庆干部网络学院
    date: str = ""
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class BudgetLine:
    """A line of a period's budget: computed from the fee rules (basis says how) or added by the clerk."""
    period_id: int
    item: str  # 综合定额, 师资费, or the clerk's own
    amount: float
    basis: str = ""  # e.g. "40人 × (30 + 30 × 70%)天 × 550元"
    sort_order: int = 0
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")


@dataclass
class Expense:
    """Money spent on a period, by item (住宿费, 伙食费, 场地费, 资料费, 交通费, 师资费, 其他)."""
    period_id: int
    item: str
    amount: float
    day: str = ""
    payee: str = ""
    voucher: str = ""  # 凭证号
    notes: str = ""
    id: int | None = None
    version: int = stamp(0)  # counts the saves: a form saves only over the version it loaded
    changed_by: str = stamp("")  # who saved it last (writer_name), and when (ISO seconds)
    changed_at: str = stamp("")
