"""一人一档 (培训档案): everything about one cadre's training, year by year — the classes and periods with the
status, the hours credited in class and the hours recorded online and elsewhere, the 结业考核, 党性分析 and
研究报告, make-up training (补训) and the roles held in classes (班委). One query for the periods and one for
the hours records, whatever the number of years; the page, the printed 培训档案 and the export read it."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.models import HoursRecord, Person
from app.domain.status import EnrollmentStatus, PeriodStatus
from app.services.class_management.completion import assessment_text
from app.services.people import get_person
from app.storage import hours as hours_store
from app.storage import tables
from app.storage import training_record as queries
from app.storage.connection import Database
from app.storage.makeup import MISSED

ONLINE = hours_store.ONLINE


@dataclass
class RecordLine:
    """One period the person was on the roster of."""
    enrollment_id: int
    period_id: int
    class_name: str
    number: int
    start_date: str
    end_date: str
    period_status: str
    status: str
    hours: float  # credited when the period closed
    role: str  # 班委 and group: 班长, 第一组组长, 第二组
    assessment: str  # 85分（合格）, 不合格, ""
    completion_reason: str
    party_analysis: bool
    report_title: str
    makeup: str  # 补训（补…第N期）, 已在…第N期补训, 待补训, 免补训：…

    @property
    def title(self) -> str:
        return f"{self.class_name}第{self.number}期"

    @property
    def credited(self) -> float:
        """Hours that count: only a closed period's."""
        return self.hours if PeriodStatus.is_closed(self.period_status) else 0.0


@dataclass
class RecordYear:
    year: int
    lines: list[RecordLine] = field(default_factory=list)
    records: list[HoursRecord] = field(default_factory=list)  # online and other hours entered or imported

    @property
    def class_hours(self) -> float:
        return sum(line.credited for line in self.lines)

    @property
    def online_hours(self) -> float:
        return sum(r.hours for r in self.records if r.kind == ONLINE)

    @property
    def other_hours(self) -> float:
        return sum(r.hours for r in self.records if r.kind != ONLINE)

    @property
    def total(self) -> float:
        return self.class_hours + self.online_hours + self.other_hours


@dataclass
class TrainingRecord:
    person: Person
    unit_name: str
    years: list[RecordYear]  # newest first

    @property
    def lines(self) -> list[RecordLine]:
        return [line for year in self.years for line in year.lines]

    @property
    def total(self) -> float:
        return sum(year.total for year in self.years)


def _role(row: dict) -> str:
    role, group = row["committee_role"], row["study_group"]
    if group and role in ("组长", "副组长"):
        return f"{group}{role}"
    return "，".join(part for part in (role, group) if part)


def _makeup(row: dict) -> str:
    if row["makeup_of"] is not None and row["made_up_class"]:
        return f"补训（补{row['made_up_class']}第{row['made_up_number']}期）"
    if row["makeup_class"]:
        done = "已" if EnrollmentStatus.is_completed(row["makeup_status"]) else "安排"
        return f"{done}在{row['makeup_class']}第{row['makeup_number']}期补训"
    if not row["roll_call"] or row["status"] not in MISSED or not PeriodStatus.is_closed(row["period_status"]):
        return ""
    return f"免补训：{row['makeup_note']}" if row["makeup_note"] else "待补训"


def _line(row: dict) -> RecordLine:
    return RecordLine(
        row["enrollment_id"], row["period_id"], row["class_name"], row["number"], row["start_date"], row["end_date"],
        row["period_status"], row["status"], row["hours"] or 0.0, _role(row),
        assessment_text(row["assessment_score"], row["assessment_result"]), row["completion_reason"],
        bool(row["party_analysis"]), row["report_title"], _makeup(row))


def training_record(db: Database, person_id: int) -> TrainingRecord:
    """The person's record; a period counts in the year it ends (as the hours ledger counts it). Replaced
    seats (已替换) are left out: the person never came."""
    person = get_person(db, person_id)
    years: dict[int, RecordYear] = {}
    for row in queries.enrollments_of(db, person_id):
        if EnrollmentStatus.is_replaced(row["status"]):
            continue
        year = int(row["end_date"][:4])
        years.setdefault(year, RecordYear(year)).lines.append(_line(row))
    for record in hours_store.records_of(db, person_id):
        years.setdefault(record.year, RecordYear(record.year)).records.append(record)
    unit = tables.units(db).get(person.unit_id).name if person.unit_id else ""
    return TrainingRecord(person, unit, [years[y] for y in sorted(years, reverse=True)])
