"""一人一档: every period one person was on the roster of, with its class, the make-up it was or had, in one
query; their hours records come from app/storage/hours.py."""
from __future__ import annotations

from app.storage.connection import Database
from app.storage.records import rows


def enrollments_of(db: Database, person_id: int) -> list[dict]:
    """The person's enrollments with the period, the class, the period a make-up made up for (made_up_*) and
    the make-up period that made up for this one (makeup_*), oldest first."""
    sql = """SELECT e.id AS enrollment_id, e.period_id, e.status, e.hours, e.committee_role, e.study_group,
                    e.assessment_score, e.assessment_result, e.party_analysis, e.report_title, e.completion_reason,
                    e.makeup_of, e.makeup_note, pe.number, pe.start_date, pe.end_date, pe.status AS period_status,
                    c.name AS class_name, c.roll_call, c.total_hours,
                    mc.name AS made_up_class, mp.number AS made_up_number,
                    fc.name AS makeup_class, fp.number AS makeup_number, f.status AS makeup_status
             FROM enrollments e JOIN periods pe ON pe.id = e.period_id
             JOIN training_classes c ON c.id = pe.class_id
             LEFT JOIN enrollments m ON m.id = e.makeup_of
             LEFT JOIN periods mp ON mp.id = m.period_id
             LEFT JOIN training_classes mc ON mc.id = mp.class_id
             LEFT JOIN enrollments f ON f.makeup_of = e.id
             LEFT JOIN periods fp ON fp.id = f.period_id
             LEFT JOIN training_classes fc ON fc.id = fp.class_id
             WHERE e.person_id = ? AND pe.archived = 0 AND c.archived = 0
             ORDER BY pe.start_date, pe.id, e.id"""
    return rows(db, sql, [person_id])
