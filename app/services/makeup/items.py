"""Who is 待补训 and why: a selected trainee of a roll-call class who did not complete (未报到 once the period
closed, 请假 beyond the limit, 缺训, 退学), until a make-up period is completed (结业) or the office waives it.
Someone who completed another period of the same class anyway needs no make-up.

A replaced trainee is not: the replacement took the seat. A make-up enrollment is never an item of its own:
if it fails, the missed enrollment it points at is still due.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.status import EnrollmentStatus, PeriodStatus
from app.services import attendance
from app.storage import attendance as attendance_marks
from app.storage import makeup as queries
from app.storage import tables
from app.storage.connection import Database
from app.storage.makeup import MakeupLine, MissedLine

DUE, LINKED, WAIVED = "待补训", "已安排补训", "免补训"


@dataclass
class MakeupItem:
    """One missed enrollment of a roll-call class that is not made up yet."""
    line: MissedLine
    reason: str  # 未报到, 请假超过规定（…）, 缺训, 退学
    makeup: MakeupLine | None = None  # the make-up period linked and not yet completed

    @property
    def enrollment_id(self) -> int:
        return self.line.enrollment_id

    @property
    def waived(self) -> bool:
        return bool(self.line.makeup_note)

    @property
    def state(self) -> str:
        return WAIVED if self.waived else (LINKED if self.makeup else DUE)

    @property
    def missed_title(self) -> str:
        return f"{self.line.class_name}第{self.line.number}期"

    @property
    def makeup_title(self) -> str:
        return period_title(self.makeup) if self.makeup else ""


def period_title(line: MakeupLine) -> str:
    return f"{line.class_name}第{line.number}期（{line.start_date}至{line.end_date}）"


def items(db: Database, class_id: int | None = None, unit_id: int | None = None,
          include_waived: bool = False) -> list[MakeupItem]:
    """The 待补训 of roll-call classes (of a class, of a unit), each with its reason and linked make-up."""
    lines = queries.missed(db, class_id, unit_id)
    links = _links_by_missed(db, [line.enrollment_id for line in lines])
    leave = _over_leave(db, lines)
    completed = queries.completed_in_classes(db)
    found = []
    for line in lines:
        if (line.person_id, line.class_id) in completed or \
                any(EnrollmentStatus.is_completed(m.status) for m in links.get(line.enrollment_id, [])):
            continue
        reason = _reason(line, leave)
        if reason is None or (line.makeup_note and not include_waived):
            continue
        pending = [m for m in links.get(line.enrollment_id, []) if EnrollmentStatus.is_active(m.status)]
        found.append(MakeupItem(line, reason, pending[-1] if pending else None))
    return found


def check_scope(db: Database, class_id: int | None, unit_id: int | None) -> None:
    """Raises NotFound for a class or unit the database does not hold."""
    if class_id is not None:
        tables.classes(db).get(class_id)
    if unit_id is not None:
        tables.units(db).get(unit_id)


def item(db: Database, enrollment_id: int) -> MakeupItem | None:
    """The item of one missed enrollment (waived or not), or None when it needs no make-up."""
    for found in items(db, include_waived=True):
        if found.enrollment_id == enrollment_id:
            return found
    return None


def _links_by_missed(db: Database, missed_ids: list[int]) -> dict[int, list[MakeupLine]]:
    found: dict[int, list[MakeupLine]] = {}
    for line in queries.makeups(db, missed_ids):
        found.setdefault(line.makeup_of, []).append(line)
    return found


def _over_leave(db: Database, lines: list[MissedLine]) -> dict[int, str]:
    """Enrollment -> its leave beyond the limit (请假12学时，超过本期10.3学时), for those on leave or withdrawn.

    Worked out here rather than by attendance.flags, whose sheet holds only the trainees holding a seat:
    close-out turns leave beyond the limit into 退学."""
    wanted = [line for line in lines if line.status in (EnrollmentStatus.ON_LEAVE, EnrollmentStatus.WITHDRAWN)]
    found = {}
    for period_id in sorted({line.period_id for line in wanted}):
        period = tables.periods(db).get(period_id)
        sheet = attendance.AttendanceSheet(period, [], attendance.slots(period), attendance_marks.marks(db, period_id))
        worth = attendance.slot_hours(db, period)
        limit = worth.total * attendance.setting(db, "leave_limit")
        for line in (line for line in wanted if line.period_id == period_id):
            leave = worth.marked(sheet, line.enrollment_id, "请假")
            if leave > limit:
                found[line.enrollment_id] = f"请假{leave:g}学时，超过本期{limit:.1f}学时"
    return found


def _reason(line: MissedLine, leave: dict[int, str]) -> str | None:
    if line.enrollment_id in leave:
        return f"请假超过规定（{leave[line.enrollment_id]}）"
    if line.status in (EnrollmentStatus.ABSENT, EnrollmentStatus.WITHDRAWN):
        return str(line.status)
    if EnrollmentStatus.is_selected(line.status) and PeriodStatus.is_closed(line.period_status):
        return "未报到"
    return None


def due_people(db: Database, class_id: int) -> set[int]:
    """The people of the class still to make up (waived ones are not)."""
    return {found.line.person_id for found in items(db, class_id)}


def made_up_people(db: Database, class_id: int) -> set[int]:
    """The people of the class who completed a make-up for it (in any period)."""
    lines = queries.missed(db, class_id)
    done = _links_by_missed(db, [line.enrollment_id for line in lines])
    return {line.person_id for line in lines
            if any(EnrollmentStatus.is_completed(m.status) for m in done.get(line.enrollment_id, []))}


def makeups_in(db: Database, period_id: int) -> dict[int, str]:
    """The period's make-up trainees: enrollment -> what they make up for (补训：…第1期，缺训)."""
    found = {}
    for line in queries.makeups(db, period_id=period_id):
        found[line.enrollment_id] = makeup_of_text(db, line.makeup_of)
    return found


def makeup_of_text(db: Database, missed_id: int | None) -> str:
    """What a make-up enrollment makes up for: 补训：县管领导干部进修班第1期（缺训）."""
    if missed_id is None:
        return ""
    missed = tables.enrollments(db).get(missed_id)
    period = tables.periods(db).get(missed.period_id)
    name = tables.classes(db).get(period.class_id).name
    return f"补训：{name}第{period.number}期（{missed.status}）"
