"""结班: crediting hours from attendance, marking who completed, locking the roster; and reopening."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.errors import UserError
from app.domain.status import EnrollmentStatus, PeriodStatus
from app.services import attendance
from app.services.class_management.completion import completion_refusal
from app.services.roster import ensure_open
from app.services.safety import audit
from app.storage import periods, roster, tables
from app.storage.connection import Database


@dataclass
class CloseOutResult:
    completed: int
    withdrawn: int  # leave beyond the limit: 退学
    absent: int  # never attended: 缺训
    hours: float  # credited in all


def close_out(db: Database, period_id: int, today: date | None = None) -> CloseOutResult:
    """Credits each trainee the hours of the half-days attended and closes the period, in one transaction.

    Hours: the timetable's 学时 of the half-days attended (an evening's with its afternoon), or without a
    timetable the attended half-days times the hours a half-day; at most the period's scheduled hours.
    Completed (结业): attended at least once and within the leave limit. Over the leave limit: 退学.
    Never attended: 缺训. The roster is then locked until the period is reopened with a reason.
    """
    period = ensure_open(db, period_id)
    current = attendance.sheet(db, period_id)
    if not current.trainees:
        raise UserError(f"第{period.number}期没有学员，无法结班")
    if not current.marks:
        raise UserError(f"第{period.number}期还没有任何考勤记录；请先登记考勤（可按签到表整半天登记）")
    leave_flagged = {f.enrollment_id for f in attendance.flags(db, period_id, today) if f.rule == "leave"}
    worth = attendance.slot_hours(db, period)
    outcomes = {}
    result = CloseOutResult(0, 0, 0, 0.0)
    for trainee in current.trainees:
        hours = min(worth.marked(current, trainee.id, "出勤"), worth.total)
        outcomes[trainee.id] = (_outcome(trainee.id, hours, leave_flagged, result), hours)
    _refuse_failed(db, current.trainees, outcomes)
    with db.atomic():
        for trainee in current.trainees:
            status, hours = outcomes[trainee.id]
            roster.set_outcome(db, trainee.id, status, hours)
            result.hours += hours
        periods.set_status(db, period_id, PeriodStatus.CLOSED)
        audit.record(db, "结班", "period", period_id,
                     f"第{period.number}期：结业{result.completed}人，退学{result.withdrawn}人，缺训{result.absent}人，"
                     f"共计{result.hours:g}学时")
    return result


def _refuse_failed(db: Database, trainees, outcomes: dict) -> None:
    """结班 marks nobody 结业 whose 结业考核 failed without a reason (the rule of completion.py): it names them all."""
    refused = [trainee.person_name for trainee in trainees if EnrollmentStatus.is_completed(outcomes[trainee.id][0])
               and completion_refusal(db, trainee, trainee.person_name)]
    if refused:
        raise UserError(f"{'、'.join(refused)}结业考核不合格，结班会将其标为结业；请先在“班级管理”的考核中填写结业理由，"
                        "或把其状态改为缺训、退学等，再结班")


def _outcome(enrollment_id: int, hours: float, leave_flagged: set[int], result: CloseOutResult) -> str:
    if enrollment_id in leave_flagged:
        result.withdrawn += 1
        return EnrollmentStatus.WITHDRAWN
    if hours == 0:
        result.absent += 1
        return EnrollmentStatus.ABSENT
    result.completed += 1
    return EnrollmentStatus.COMPLETED


def reopen(db: Database, period_id: int, reason: str) -> None:
    """Unlocks a closed period; the reason is kept in the audit log. Credited hours stay until the next close-out."""
    reason = reason.strip()
    if not reason:
        raise UserError("重新开班必须说明原因")
    period = tables.periods(db).get(period_id)
    if not PeriodStatus.is_closed(period.status):
        raise UserError(f"第{period.number}期尚未结班")
    with db.atomic():
        periods.set_status(db, period_id, PeriodStatus.OPEN)
        audit.record(db, "重新开班", "period", period_id, f"第{period.number}期，原因：{reason}")
