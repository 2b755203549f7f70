"""A period's roster: adding people, status changes, replacements (更换) with the 5-day rule of seed 004,
double booking (多头调训), trainees' key problems, and the order official lists are sorted in. A closed
period's roster (结班) is locked: every change here is refused until the period is reopened."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain import trainee_order, vocab
from app.domain.errors import UserError, ValidationError
from app.domain.models import Enrollment, Period, PeriodRow
from app.domain.status import EnrollmentStatus, PeriodStatus
from app.domain.text import clean
from app.services.class_management.completion import completion_refusal
from app.services.safety import audit, backups
from app.storage import roster as roster_queries
from app.storage import tables
from app.storage.connection import Database
from app.storage.roster import RosterLine

ORDERS = trainee_order.ORDERS  # the orders the roster window offers
REPLACE_NOTICE_DAYS = 5  # seed 004: a replacement is reported at least 5 days before the class starts


@dataclass
class Additions:
    """The outcome of adding people: who joined, who was refused (and why), who is busy elsewhere."""
    added: list[int] = field(default_factory=list)  # enrollment ids
    refused: dict[int, str] = field(default_factory=dict)  # person id -> reason
    double_booked: dict[int, list[str]] = field(default_factory=dict)  # person id -> other periods


def ensure_open(db: Database, period_id: int) -> Period:
    """Refuses changes to a closed period's roster and attendance: 结班 locks them."""
    period = tables.periods(db).get(period_id)
    if PeriodStatus.is_closed(period.status):
        raise UserError(f"第{period.number}期已结班，名单和考勤已锁定；如需修改，请先“重新开班”并说明原因")
    return period


def get_enrollment(db: Database, enrollment_id: int) -> Enrollment:
    return tables.enrollments(db).get(enrollment_id)


def period_of(db: Database, period_id: int) -> PeriodRow:
    """The period with its class's name (as period_title uses it)."""
    period = tables.periods(db).get(period_id)
    return PeriodRow(**vars(period), class_name=tables.classes(db).get(period.class_id).name)


def period_title(period: PeriodRow) -> str:
    return f"{period.class_name}第{period.number}期（{period.start_date}至{period.end_date}）"


def sort_lines(lines: list[RosterLine], order: str = "unit") -> list[RosterLine]:
    """Official orders: units in their fixed order then names by stroke; names by pinyin; or by stroke."""
    return trainee_order.in_order(lines, order)


def roster(db: Database, period_id: int, order: str = "unit") -> list[RosterLine]:
    return sort_lines(roster_queries.roster_lines(db, period_id), order)


def double_booked(db: Database, period_id: int) -> dict[int, list[str]]:
    """Trainees of this period who are also on an overlapping period's roster: person id -> those periods."""
    return roster_queries.busy_elsewhere(db, period_of(db, period_id))


def add_people(db: Database, period_id: int, person_ids: list[int]) -> Additions:
    """Adds people as 拟选调; the same person twice in a period is refused, double booking only warned of."""
    ensure_open(db, period_id)
    period = period_of(db, period_id)
    on_roster = roster_queries.enrolled_ids(db, period_id)
    busy = roster_queries.busy_elsewhere(db, period)
    outcome = Additions()
    with db.atomic():
        for person_id in dict.fromkeys(person_ids):
            person = tables.people(db).get(person_id)
            if person_id in on_roster:
                outcome.refused[person_id] = f"“{person.name}”已在本期名单中"
                continue
            enrollment = tables.enrollments(db).insert(Enrollment(period_id, person_id, person.unit_id))
            outcome.added.append(enrollment.id)
            if person_id in busy:
                outcome.double_booked[person_id] = busy[person_id]
            audit.record(db, "加入名单", "enrollment", enrollment.id, f"{period_title(period)} {person.name}")
    return outcome


def set_status(db: Database, enrollment_id: int, status: str) -> Enrollment:
    """Changes a trainee's status; hours follow: 结业 credits the class's hours, 缺训 and 退学 none."""
    enrollment = tables.enrollments(db).get(enrollment_id)
    ensure_open(db, enrollment.period_id)
    if status not in vocab.words("enrollment_statuses"):
        raise ValidationError({"status": f"学员状态“{status}”不在可选范围内"})
    if EnrollmentStatus.is_replaced(status):
        raise UserError("更换学员请用“更换学员”，以便记录替换的人和原因")
    if EnrollmentStatus.is_replaced(enrollment.status):
        raise UserError("该学员已被替换，不能再更改状态")
    if EnrollmentStatus.is_completed(status) and (refusal := completion_refusal(db, enrollment)):
        raise UserError(refusal)
    period = tables.periods(db).get(enrollment.period_id)
    if EnrollmentStatus.is_completed(status) and not enrollment.hours:
        enrollment.hours = tables.classes(db).get(period.class_id).total_hours
    elif EnrollmentStatus.earns_no_hours(status):
        enrollment.hours = 0.0
    old, enrollment.status = enrollment.status, status
    with db.atomic():
        tables.enrollments(db).update(enrollment)
        audit.record(db, "更改学员状态", "enrollment", enrollment_id, f"{old} → {status}")
    return enrollment


def replace_trainee(db: Database, enrollment_id: int, person_id: int, reason: str = "",
                    today: date | None = None) -> tuple[Enrollment, list[str]]:
    """Swaps a trainee for another person; less than 5 days before the start a reason is required.

    Returns the new enrollment and the periods the new person is already busy in (多头调训).
    """
    old = tables.enrollments(db).get(enrollment_id)
    ensure_open(db, old.period_id)
    period = period_of(db, old.period_id)
    newcomer = tables.people(db).get(person_id)
    leaving = tables.people(db).get(old.person_id)
    reason = clean(reason)
    errors = replace_errors(db, old, period, person_id, reason, today or date.today())
    if errors:
        raise ValidationError(errors)
    new = Enrollment(old.period_id, person_id, newcomer.unit_id,
                     status=old.status if EnrollmentStatus.is_selected(old.status) else EnrollmentStatus.SELECTED, notes=f"替换{leaving.name}")
    with db.atomic():
        new = tables.enrollments(db).insert(new)
        old.status, old.replaced_by, old.replace_reason = EnrollmentStatus.REPLACED, new.id, reason
        tables.enrollments(db).update(old)
        late = days_before_start(period, today or date.today()) < REPLACE_NOTICE_DAYS
        audit.record(db, "更换学员", "enrollment", old.id,
                     f"{period_title(period)} {leaving.name} → {newcomer.name}" + (f"（开班前不足5天：{reason}）" if late else ""))
    busy = roster_queries.busy_elsewhere(db, period).get(person_id, [])
    return new, busy


def days_before_start(period: Period, today: date) -> int:
    return (date.fromisoformat(period.start_date) - today).days


def replace_errors(db: Database, old: Enrollment, period: Period, person_id: int, reason: str,
                   today: date) -> dict[str, str]:
    """Why a replacement cannot be made as asked (empty when it can)."""
    if not EnrollmentStatus.is_active(old.status):
        return {"person": f"该学员状态为“{old.status}”，不能再被替换"}
    if person_id == old.person_id:
        return {"person": "请选择另一位学员来替换"}
    if person_id in roster_queries.enrolled_ids(db, old.period_id):
        return {"person": f"“{tables.people(db).get(person_id).name}”已在本期名单中"}
    days = days_before_start(period, today)
    if days < REPLACE_NOTICE_DAYS and not reason:
        when = f"距开班仅{days}天" if days > 0 else ("今天开班" if days == 0 else "已开班")
        return {"reason": f"{when}，不足{REPLACE_NOTICE_DAYS}天，更换学员须说明原因"}
    return {}


def update_details(db: Database, enrollment_id: int, hours: float, key_problems: str, notes: str,
                   version: int = 0) -> Enrollment:
    """A trainee's hours, key problems or typical cases (重点难点问题, seed 004), and notes; with the
    `version` the form loaded, refused (StaleRecord) when someone saved the trainee's record since."""
    enrollment = tables.enrollments(db).get(enrollment_id)
    enrollment.version = version or enrollment.version
    ensure_open(db, enrollment.period_id)
    if hours is None or hours < 0:
        raise ValidationError({"hours": "学时不能为负数"})
    enrollment.hours, enrollment.key_problems, enrollment.notes = float(hours), key_problems.strip(), clean(notes)
    with db.atomic():
        enrollment = tables.enrollments(db).update(enrollment)
        audit.record(db, "修改学员信息", "enrollment", enrollment_id)
    return enrollment


def remove(db: Database, enrollment_id: int) -> None:
    """Takes someone off a roster entirely (a mistaken addition); a replacement keeps its history instead."""
    remove_many(db, [enrollment_id])


def remove_many(db: Database, enrollment_ids: list[int]) -> None:
    """Takes several people off a roster: all or none, in one transaction, after a backup."""
    people = [tables.people(db).get(_removable(db, enrollment_id).person_id).name for enrollment_id in enrollment_ids]
    if len(enrollment_ids) > 1:
        backups.before_change(db, "删除前", "移出名单")
    with db.atomic():
        for enrollment_id, name in zip(enrollment_ids, people, strict=False):
            tables.enrollments(db).delete(enrollment_id)
            audit.record(db, "移出名单", "enrollment", enrollment_id, name)


def _removable(db: Database, enrollment_id: int) -> Enrollment:
    enrollment = tables.enrollments(db).get(enrollment_id)
    ensure_open(db, enrollment.period_id)
    if EnrollmentStatus.is_replaced(enrollment.status) or roster_queries.is_replacement(db, enrollment_id):
        person = tables.people(db).get(enrollment.person_id)
        raise UserError(f"{person.name}参与了更换记录，不能移出名单；如不再参训，请把状态改为“退学”")
    return enrollment


def set_statuses(db: Database, enrollment_ids: list[int], status: str) -> dict[int, str]:
    """Sets the status of several trainees in one transaction; returns those refused (id -> reason)."""
    refused = {}
    with db.atomic():
        for enrollment_id in enrollment_ids:
            try:
                with db.atomic():
                    set_status(db, enrollment_id, status)
            except UserError as problem:
                refused[enrollment_id] = str(problem)
    return refused
