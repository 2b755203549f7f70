"""Undo and redo of roster edits (adding, removing, replacing, status, a trainee's details).

Each trainee's seat is kept as it was before and after an edit, by person rather than by record id, so a
seat taken off and put back is still the same seat. Putting seats back first checks that nobody has
changed them since (another window, the attendance sheet, a close-out), and then is one transaction,
logged: an undo the data no longer allows changes nothing and says why.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from app.domain.errors import StaleRecord, UserError
from app.domain.models import Enrollment
from app.domain.status import EnrollmentStatus
from app.services.class_management.completion import completion_refusal
from app.services.roster import ensure_open, period_of, period_title
from app.services.safety import audit
from app.storage import attendance as marks_store
from app.storage import roster as roster_queries
from app.storage import tables
from app.storage.connection import Database


@dataclass(frozen=True)
class Seat:
    """One person's enrollment in a period as undo keeps it (with the half-days marked, lost on removal)."""
    person_id: int
    name: str
    unit_id: int | None
    status: str
    hours: float
    key_problems: str
    fee_paid: float
    notes: str
    replace_reason: str = ""
    replaced_by_person: int | None = None  # who took the seat over (已替换)
    marks: tuple[tuple[str, str, str], ...] = ()
    makeup_of: int | None = None  # 补训: the missed enrollment this seat makes up for, kept when put back
    changed_by: str = field(default="", compare=False)  # who saved the enrollment last, and when: named
    changed_at: str = field(default="", compare=False)  # when an undo is refused because of it

    def details(self) -> tuple:
        """What an edit may change; the marks are the attendance sheet's, compared only on removal."""
        return (self.unit_id, self.status, self.hours, self.key_problems, self.fee_paid, self.notes,
                self.replace_reason, self.replaced_by_person)


Seats = dict[int, Seat | None]  # person id -> the seat, None when the person is not on the roster


def seats(db: Database, period_id: int, person_ids: Iterable[int]) -> Seats:
    """The seats of these people in the period as they are now."""
    return {person_id: _seat(db, period_id, person_id) for person_id in dict.fromkeys(person_ids)}


def _seat(db: Database, period_id: int, person_id: int) -> Seat | None:
    enrollment = roster_queries.enrollment_of(db, period_id, person_id)
    if enrollment is None:
        return None
    successor = tables.enrollments(db).get(enrollment.replaced_by).person_id if enrollment.replaced_by else None
    return Seat(person_id, tables.people(db).get(person_id).name, enrollment.unit_id, enrollment.status,
                enrollment.hours, enrollment.key_problems, enrollment.fee_paid, enrollment.notes,
                enrollment.replace_reason, successor, marks_store.marks_of(db, enrollment.id), enrollment.makeup_of,
                enrollment.changed_by, enrollment.changed_at)


def restore(db: Database, period_id: int, expected: Seats, target: Seats, action: str) -> None:
    """Puts the seats as `target` says, if they are still as `expected` says; otherwise raises UserError
    naming who changed and writes nothing. `action` names the step in the audit log (撤销移出名单 …)."""
    period = period_of(db, period_id)
    ensure_open(db, period_id)
    current = seats(db, period_id, expected)
    problems = [text for person_id, seat in expected.items()
                if (text := _changed_since(current[person_id], seat, deleting=target.get(person_id) is None))]
    if len(expected) == 1 and problems:  # one trainee's record, as a form saved it: who changed it, when
        seat, now = next(iter(expected.values())), next(iter(current.values()))
        if seat is not None and now is not None and now.details() != seat.details():
            raise StaleRecord(now.changed_by, now.changed_at)
    if problems:
        raise UserError("名单已有改动：" + "；".join(problems))
    _refuse_failed_completion(db, period_id, target)
    with db.atomic():
        ids = {person_id: _put(db, period_id, person_id, seat) for person_id, seat in target.items()
               if seat is not None}
        for person_id, seat in target.items():
            if seat is not None and seat.replaced_by_person is not None:
                _link(db, ids[person_id], _enrollment_id(db, period_id, seat.replaced_by_person))
        for person_id, seat in target.items():
            if seat is None and current[person_id] is not None:
                ids[person_id] = _enrollment_id(db, period_id, person_id)
                tables.enrollments(db).delete(ids[person_id])
        for person_id in target:
            name = (target[person_id] or current[person_id]).name
            audit.record(db, action, "enrollment", ids.get(person_id), f"{period_title(period)} {name}")


def _refuse_failed_completion(db: Database, period_id: int, target: Seats) -> None:
    """An undo that puts a trainee back to 结业 keeps the rule of completion.py (考核 may have failed since)."""
    for person_id, seat in target.items():
        if seat is not None and EnrollmentStatus.is_completed(seat.status):
            existing = roster_queries.enrollment_of(db, period_id, person_id)
            if existing is not None and (refusal := completion_refusal(db, existing, seat.name)):
                raise UserError(refusal)


def _changed_since(current: Seat | None, expected: Seat | None, deleting: bool) -> str:
    """Why the seat is not as the step left it ("" when it is)."""
    if expected is None:
        return f"{current.name}已在本期名单中" if current is not None else ""
    if current is None:
        return f"{expected.name}已不在本期名单中"
    if current.details() != expected.details():
        return f"{current.name}的记录已被修改（现为“{current.status}”）"
    if deleting and current.marks != expected.marks:
        return f"{current.name}已登记了考勤"
    return ""


def _put(db: Database, period_id: int, person_id: int, seat: Seat) -> int:
    """Writes the seat (new or over the existing enrollment) and its marks; returns the enrollment id."""
    existing = roster_queries.enrollment_of(db, period_id, person_id)
    if existing is None:
        enrollment = tables.enrollments(db).insert(Enrollment(
            period_id, person_id, seat.unit_id, seat.status, None, seat.replace_reason, seat.hours, seat.key_problems,
            seat.fee_paid, seat.notes, makeup_of=seat.makeup_of))
        marks_store.add_marks(db, [(enrollment.id, *mark) for mark in seat.marks])
        return enrollment.id
    # over the existing record: what a seat does not hold (a make-up link, a waiver, the day a fee was paid) stays
    return tables.enrollments(db).update(replace(
        existing, unit_id=seat.unit_id, status=seat.status, replaced_by=None, replace_reason=seat.replace_reason,
        hours=seat.hours, key_problems=seat.key_problems, fee_paid=seat.fee_paid, notes=seat.notes)).id


def _link(db: Database, enrollment_id: int, successor_id: int) -> None:
    enrollment = tables.enrollments(db).get(enrollment_id)
    tables.enrollments(db).update(replace(enrollment, replaced_by=successor_id))


def _enrollment_id(db: Database, period_id: int, person_id: int) -> int:
    enrollment = roster_queries.enrollment_of(db, period_id, person_id)
    if enrollment is None:
        raise UserError(f"{tables.people(db).get(person_id).name}不在本期名单中")
    return enrollment.id
