"""The office's make-up decisions: linking a 待补训 trainee to a make-up period (补训, a new enrollment whose
makeup_of points at the missed one), waiving it with a reason (免补训) and undoing the waiver. Each is one
audited transaction, checked first; a refusal changes nothing."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.errors import UserError, ValidationError
from app.domain.models import Enrollment, PeriodEntry
from app.domain.status import EnrollmentStatus, PeriodStatus
from app.domain.text import clean
from app.services import periods
from app.services.makeup.items import LINKED, WAIVED, MakeupItem, item
from app.services.roster import period_of, period_title
from app.services.safety import audit
from app.storage import makeup as queries
from app.storage import roster as roster_queries
from app.storage import tables
from app.storage.connection import Database


@dataclass
class Linked:
    """The make-up enrollment made, and what the office should know (over capacity, busy elsewhere)."""
    enrollment: Enrollment
    warnings: list[str] = field(default_factory=list)


def due_item(db: Database, enrollment_id: int) -> MakeupItem:
    """The missed enrollment's item, or a UserError saying why it has none."""
    enrollment = tables.enrollments(db).get(enrollment_id)
    period = tables.periods(db).get(enrollment.period_id)
    training_class = tables.classes(db).get(period.class_id)
    if not training_class.roll_call:
        raise UserError(f"“{training_class.name}”不是点名调训班次，其学员无需补训")
    if enrollment.makeup_of is not None:
        raise UserError("这是一条补训记录；需补训的是原来未完成的那一期")
    found = item(db, enrollment_id)
    if found is None:
        person = tables.people(db).get(enrollment.person_id)
        raise UserError(f"{person.name}在{training_class.name}第{period.number}期的状态为“{enrollment.status}”，无需补训"
                        "（已结业、未到结班或已在本班次其他期次或补训中结业）")
    return found


def link(db: Database, enrollment_id: int, period_id: int) -> Linked:
    """Puts a 待补训 trainee on a make-up period's roster as 已选调, pointing at the missed enrollment."""
    found = due_item(db, enrollment_id)
    _refuse_taken(found)
    target = period_of(db, period_id)
    person = tables.people(db).get(found.line.person_id)
    if target.id == found.line.period_id:
        raise ValidationError({"period": "补训期次不能是未完成的那一期"})
    if target.archived:
        raise ValidationError({"period": f"{period_title(target)}已归档，不能安排补训"})
    if PeriodStatus.is_closed(target.status):
        raise ValidationError({"period": f"{period_title(target)}已结班，不能再安排补训，请选择尚未结班的期次"})
    if person.id in roster_queries.enrolled_ids(db, target.id):
        raise ValidationError({"period": f"“{person.name}”已在{period_title(target)}名单中"})
    warnings = _warnings(db, target, person.id)
    new = Enrollment(target.id, person.id, person.unit_id, status=EnrollmentStatus.SELECTED, makeup_of=enrollment_id)
    with db.atomic():
        new = tables.enrollments(db).insert(new)
        audit.record(db, "安排补训", "enrollment", new.id,
                     f"{person.name}：{found.missed_title}（{found.reason}）→ {period_title(target)}")
    return Linked(new, warnings)


def _refuse_taken(found: MakeupItem) -> None:
    if found.state == WAIVED:
        raise UserError(f"{found.line.person_name}已免补训（{found.line.makeup_note}）；如需补训，请先撤销免补训")
    if found.state == LINKED:
        raise UserError(f"{found.line.person_name}已安排在{found.makeup_title}补训；如需改期，请先把其从该期名单移出")


def _warnings(db: Database, target, person_id: int) -> list[str]:
    warnings = []
    seats = roster_queries.active_count(db, target.id)
    if target.capacity and seats >= target.capacity:
        warnings.append(f"本期容量{target.capacity}人，已有{seats}人，加入后将超出容量")
    busy = roster_queries.busy_elsewhere(db, target).get(person_id)
    if busy:
        warnings.append("同一时间还在" + "、".join(busy) + "名单中（多头调训）")
    return warnings


def waive(db: Database, enrollment_id: int, reason: str) -> None:
    """Marks a 待补训 trainee as needing no make-up (免补训), with the reason (e.g. 已调离、退休)."""
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": "免补训须说明原因"})
    if len(reason) > 200:
        raise ValidationError({"reason": "原因不超过200字"})
    found = due_item(db, enrollment_id)
    _refuse_taken(found)
    with db.atomic():
        queries.set_makeup_note(db, enrollment_id, reason)
        audit.record(db, "免补训", "enrollment", enrollment_id,
                     f"{found.line.person_name}：{found.missed_title}（{found.reason}）：{reason}")


def unwaive(db: Database, enrollment_id: int) -> None:
    """Undoes a waiver: the trainee is 待补训 again."""
    found = due_item(db, enrollment_id)
    if found.state != WAIVED:
        raise UserError(f"{found.line.person_name}没有免补训，无需撤销")
    with db.atomic():
        queries.set_makeup_note(db, enrollment_id, "")
        audit.record(db, "撤销免补训", "enrollment", enrollment_id,
                     f"{found.line.person_name}：{found.missed_title}（原因：{found.line.makeup_note}）")


def suggested_periods(db: Database, enrollment_id: int) -> list[int]:
    """The later periods of the missed one's class not yet closed, soonest first (offered first)."""
    missed = tables.enrollments(db).get(enrollment_id)
    period = tables.periods(db).get(missed.period_id)
    return queries.later_periods(db, period.class_id, period.start_date)


def unlink(db: Database, makeup_id: int) -> int:
    """Cancels a make-up arrangement not yet begun: the make-up enrollment leaves its period's roster, and the
    trainee is 待补训 again. Returns the missed enrollment."""
    made = tables.enrollments(db).get(makeup_id)
    if made.makeup_of is None:
        raise UserError("这不是补训记录")
    target = period_of(db, made.period_id)
    person = tables.people(db).get(made.person_id)
    if PeriodStatus.is_closed(target.status):
        raise UserError(f"{period_title(target)}已结班，补训安排不能再取消")
    if not EnrollmentStatus.is_selected(made.status):
        raise UserError(f"{person.name}在{period_title(target)}的状态已是“{made.status}”，补训安排不能再取消；"
                        "请在该期名单中处理")
    if roster_queries.is_replacement(db, makeup_id) or made.replaced_by is not None:
        raise UserError(f"{person.name}在{period_title(target)}参与了更换记录，补训安排不能取消")
    with db.atomic():
        tables.enrollments(db).delete(makeup_id)
        audit.record(db, "取消补训安排", "enrollment", made.makeup_of, f"{person.name}：{period_title(target)}")
    return made.makeup_of


def targets(db: Database, enrollment_id: int) -> list[tuple[PeriodEntry, bool]]:
    """The periods a make-up may go to (live, not closed, not the missed one), each with whether it is a
    later period of the same class: those come first, soonest first, then every other by date."""
    missed = tables.enrollments(db).get(enrollment_id)
    suggested = suggested_periods(db, enrollment_id)
    found = [e for e in periods.entries(db) if e.id != missed.period_id and not PeriodStatus.is_closed(e.status)
             and not e.archived]
    first = sorted((e for e in found if e.id in suggested), key=lambda e: suggested.index(e.id))
    return [(e, True) for e in first] + [(e, False) for e in found if e.id not in suggested]
