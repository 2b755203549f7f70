"""Class management (跟班管理): a period's staff (班主任, 跟班人员) and 学风督查 records, and the 班委, group and
结业考核 columns of its enrollments."""
from __future__ import annotations

from app.domain.quality_records import DisciplineCheck, PeriodStaff
from app.storage import tables
from app.storage.connection import Database
from app.storage.records import stale_or_gone
from app.storage.writers import BUMP, stamps


def staff_of(db: Database, period_id: int) -> list[PeriodStaff]:
    """班主任 first, then 跟班人员, each in the order entered."""
    return tables.period_staff(db).where("period_id = ?", [period_id],
                                         order_by="CASE WHEN role = '班主任' THEN 0 ELSE 1 END, sort_order, id")


def next_staff_order(db: Database, period_id: int) -> int:
    found = db.execute("SELECT max(sort_order) FROM period_staff WHERE period_id = ?", [period_id]).fetchone()[0]
    return (found or 0) + 1


def checks_of(db: Database, period_id: int) -> list[DisciplineCheck]:
    """学风督查 records of the period, earliest first."""
    return tables.discipline_checks(db).where("period_id = ?", [period_id], order_by="day, id")


def set_committee(db: Database, enrollment_id: int, role: str, group: str) -> None:
    db.execute(f"UPDATE enrollments SET committee_role = ?, study_group = ?, {BUMP} WHERE id = ?",
               [role, group, *stamps(db), enrollment_id])


def set_assessment(db: Database, enrollment_id: int, score: float | None, result: str, party_analysis: bool,
                   report_title: str, completion_reason: str, version: int = 0) -> None:
    """The trainee's 结业考核; with the version a form loaded, refused when it moved (StaleRecord)."""
    found = db.execute(f"""UPDATE enrollments SET assessment_score = ?, assessment_result = ?, party_analysis = ?,
                  report_title = ?, completion_reason = ?, {BUMP} WHERE id = ?{' AND version = ?' if version else ''}""",
               [score, result, int(party_analysis), report_title, completion_reason, *stamps(db), enrollment_id,
                *([version] if version else [])])
    if found.rowcount == 0:
        raise stale_or_gone(db, "enrollments", "学员", enrollment_id)
