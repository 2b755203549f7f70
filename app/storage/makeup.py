"""The queries of make-up training (补训): the trainees of roll-call classes (点名调训) who did not complete,
the make-up enrollments that point at them, and a missed enrollment's waiver (免补训)."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.status import EnrollmentStatus
from app.storage import conditions
from app.storage.connection import Database
from app.storage.records import from_row, rows
from app.storage.writers import BUMP, stamps

# A selected trainee of a roll-call class in one of these may have to be made up (the service says why).
MISSED = (EnrollmentStatus.PROPOSED, EnrollmentStatus.SELECTED, EnrollmentStatus.ON_LEAVE,
          EnrollmentStatus.ABSENT, EnrollmentStatus.WITHDRAWN)


@dataclass
class MissedLine:
    """A roll-call class's trainee who has not completed, with the period and the person."""
    enrollment_id: int
    person_id: int
    person_name: str
    post: str
    unit_id: int | None
    unit_name: str
    unit_order: int
    class_id: int
    class_name: str
    period_id: int
    number: int
    start_date: str
    end_date: str
    period_status: str
    status: str
    makeup_note: str


@dataclass
class MakeupLine:
    """An enrollment that makes up for a missed one, with its period."""
    enrollment_id: int
    makeup_of: int
    person_id: int
    status: str
    period_id: int
    class_id: int
    class_name: str
    number: int
    start_date: str
    end_date: str
    period_status: str


def missed(db: Database, class_id: int | None = None, unit_id: int | None = None) -> list[MissedLine]:
    """Trainees of live roll-call classes in a missed status who are not themselves a make-up."""
    status_in, params = conditions.one_of("e.status", MISSED)
    sql = f"""SELECT e.id AS enrollment_id, e.person_id, p.name AS person_name, p.post, e.unit_id,
                     coalesce(u.name, '') AS unit_name, coalesce(u.sort_order, 1000000000) AS unit_order,
                     c.id AS class_id, c.name AS class_name, pe.id AS period_id, pe.number, pe.start_date,
                     pe.end_date, pe.status AS period_status, e.status, e.makeup_note
              FROM enrollments e JOIN people p ON p.id = e.person_id
              JOIN {conditions.LIVE_PERIODS} pe ON pe.id = e.period_id
              JOIN training_classes c ON c.id = pe.class_id
              LEFT JOIN units u ON u.id = e.unit_id
              WHERE c.roll_call = 1 AND e.makeup_of IS NULL AND {status_in}"""
    if class_id is not None:
        sql += " AND c.id = ?"
        params.append(class_id)
    if unit_id is not None:
        sql += " AND e.unit_id = ?"
        params.append(unit_id)
    sql += " ORDER BY pe.start_date, c.name, pe.number, unit_order, e.unit_id, p.name, e.id"
    return [from_row(MissedLine, row) for row in rows(db, sql, params)]


def makeups(db: Database, missed_ids: list[int] | None = None, period_id: int | None = None) -> list[MakeupLine]:
    """Make-up enrollments (of some missed enrollments, or in one period), oldest first."""
    sql = """SELECT m.id AS enrollment_id, m.makeup_of, m.person_id, m.status, pe.id AS period_id,
                    c.id AS class_id, c.name AS class_name, pe.number, pe.start_date, pe.end_date,
                    pe.status AS period_status
             FROM enrollments m JOIN periods pe ON pe.id = m.period_id
             JOIN training_classes c ON c.id = pe.class_id
             WHERE m.makeup_of IS NOT NULL"""
    params: list = []
    if period_id is not None:
        sql += " AND m.period_id = ?"
        params.append(period_id)
    found = [from_row(MakeupLine, row) for row in rows(db, sql + " ORDER BY pe.start_date, m.id", params)]
    if missed_ids is not None:
        wanted = set(missed_ids)
        found = [line for line in found if line.makeup_of in wanted]
    return found


def set_makeup_note(db: Database, enrollment_id: int, note: str) -> None:
    db.execute(f"UPDATE enrollments SET makeup_note = ?, {BUMP} WHERE id = ?", [note, *stamps(db), enrollment_id])


def later_periods(db: Database, class_id: int, after: str) -> list[int]:
    """The class's live periods not closed that start after the date, soonest first."""
    sql = f"""SELECT pe.id FROM {conditions.LIVE_PERIODS} pe
              WHERE pe.class_id = ? AND pe.start_date > ? AND NOT ({conditions.closed()})
              ORDER BY pe.start_date, pe.number"""
    return [row[0] for row in db.execute(sql, [class_id, after])]


def completed_in_classes(db: Database) -> set[tuple[int, int]]:
    """(person, class) of everyone who completed (结业) a period of a roll-call class."""
    sql = f"""SELECT DISTINCT e.person_id, pe.class_id FROM enrollments e JOIN periods pe ON pe.id = e.period_id
              JOIN training_classes c ON c.id = pe.class_id WHERE c.roll_call = 1 AND {conditions.completed()}"""
    return {(person_id, class_id) for person_id, class_id in db.execute(sql)}
