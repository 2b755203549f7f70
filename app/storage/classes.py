"""Reading classes with their plan, and periods with their class and enrolment counts."""
from __future__ import annotations

from sqlite_utils import Database

from app.domain.models import Period, TrainingClass
from app.domain.status import INACTIVE
from app.storage.records import from_row, rows

# Trainees who count against a period's seats: everyone but the replaced and the withdrawn.
ACTIVE = f"status NOT IN ({', '.join(repr(str(status)) for status in sorted(INACTIVE))})"
# Periods that count in statistics and summaries: archiving a period or its class is how the office deletes
# one that has records, so such periods count nowhere, as in the lists. Use as `FROM {LIVE_PERIODS} pe`.
LIVE_PERIODS = """(SELECT pe.* FROM periods pe JOIN training_classes c ON c.id = pe.class_id
                  WHERE pe.archived = 0 AND c.archived = 0)"""


def list_classes(db: Database, plan_id: int | None = None, include_archived: bool = False) -> list[TrainingClass]:
    conditions, params = [], []
    if plan_id is not None:
        conditions.append("c.plan_id = ?")
        params.append(plan_id)
    if not include_archived:
        conditions.append("c.archived = 0")
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    sql = f"""SELECT c.*, coalesce(p.title, '') AS plan_title
              FROM training_classes c LEFT JOIN plans p ON p.id = c.plan_id{where}
              ORDER BY p.year, p.id, c.seq, c.id"""
    return [from_row(TrainingClass, row) for row in rows(db, sql, params)]


def list_periods(db: Database, class_id: int | None = None, year: int | None = None,
                 include_archived: bool = False) -> list[Period]:
    conditions, params = [], []
    if class_id is not None:
        conditions.append("pe.class_id = ?")
        params.append(class_id)
    if year is not None:
        conditions.append("substr(pe.start_date, 1, 4) <= ? AND substr(pe.end_date, 1, 4) >= ?")
        params += [str(year), str(year)]
    if not include_archived:
        conditions.append("pe.archived = 0")
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    sql = f"""SELECT pe.*, c.name AS class_name, c.kind AS class_kind,
                     (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id AND e.{ACTIVE}) AS enrolled
              FROM periods pe JOIN training_classes c ON c.id = pe.class_id{where}
              ORDER BY pe.start_date, c.seq, pe.number"""
    return [from_row(Period, row) for row in rows(db, sql, params)]
