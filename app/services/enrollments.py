"""Putting people into periods; the roster of a period."""
from __future__ import annotations

from sqlite_utils import Database

from app.domain.errors import UserError
from app.domain.models import Enrollment
from app.services.safety import audit
from app.storage import enrollments as enrollment_queries
from app.storage import tables

roster = enrollment_queries.roster


def enroll(db: Database, period_id: int, person_id: int, status: str = "拟选调") -> Enrollment:
    period = tables.periods(db).get(period_id)
    person = tables.people(db).get(person_id)
    if tables.enrollments(db).count("period_id = ? AND person_id = ?", [period_id, person_id]):
        raise UserError(f"“{person.name}”已在第{period.number}期名单中")
    with db.atomic():
        enrollment = tables.enrollments(db).insert(
            Enrollment(period_id=period_id, person_id=person_id, unit_id=person.unit_id, status=status)
        )
        audit.record(db, "加入名单", "enrollment", enrollment.id, person.name)
    return enrollment
