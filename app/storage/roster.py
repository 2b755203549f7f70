"""A period's roster: each trainee with their details, who is busy elsewhere, a person's periods, and the
enrollment writes beyond one record's (outcomes at close-out, many at once from an import)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from app.domain.models import Enrollment, EnrollmentRow, Period
from app.domain.status import EnrollmentStatus
from app.storage import conditions, tables
from app.storage.connection import Database
from app.storage.records import from_row, rows
from app.storage.writers import BUMP, STAMP_COLUMNS, stamps


@dataclass
class RosterLine:
    """One trainee of a period: the enrollment with the person's details and unit."""
    enrollment_id: int
    period_id: int
    person_id: int
    unit_id: int | None
    status: str
    replaced_by: int | None
    replace_reason: str
    hours: float
    key_problems: str
    fee_paid: float
    notes: str
    name: str
    gender: str
    ethnicity: str
    birth_date: str
    id_number: str
    post: str
    rank: str
    cadre_category: str
    political_status: str
    education: str
    phone: str
    name_initials: str
    unit_name: str
    unit_order: int

    @property
    def active(self) -> bool:
        return EnrollmentStatus.is_active(self.status)


def roster_lines(db: Database, period_id: int) -> list[RosterLine]:
    sql = """SELECT e.id AS enrollment_id, e.period_id, e.person_id, e.unit_id, e.status, e.replaced_by,
                    e.replace_reason, e.hours, e.key_problems, e.fee_paid, e.notes,
                    p.name, p.gender, p.ethnicity, p.birth_date, p.id_number, p.post, p.rank, p.cadre_category,
                    p.political_status, p.education, p.phone, p.name_initials,
                    coalesce(u.name, '') AS unit_name, coalesce(u.sort_order, 1000000000) AS unit_order
             FROM enrollments e JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = e.unit_id
             WHERE e.period_id = ? ORDER BY unit_order, u.id, p.name, p.id_number"""
    return [from_row(RosterLine, row) for row in rows(db, sql, [period_id])]


def busy_elsewhere(db: Database, period: Period) -> dict[int, list[str]]:
    """People enrolled (and not replaced or withdrawn) in another period overlapping this one's dates."""
    sql = f"""SELECT e.person_id, c.name, pe.number, pe.start_date, pe.end_date
              FROM periods pe JOIN enrollments e ON e.period_id = pe.id
              JOIN training_classes c ON c.id = pe.class_id
              WHERE pe.id <> ? AND pe.start_date <= ? AND pe.end_date >= ? AND {conditions.active()}
              ORDER BY pe.start_date"""
    found: dict[int, list[str]] = {}
    params = [period.id, period.end_date, period.start_date]
    for person_id, name, number, start, end in db.execute(sql, params).fetchall():
        found.setdefault(person_id, []).append(f"{name}第{number}期（{start[5:]}至{end[5:]}）")
    return found


def active_count(db: Database, period_id: int) -> int:
    """Trainees holding a seat in the period (not replaced, not withdrawn)."""
    sql = f"SELECT count(*) FROM enrollments e WHERE e.period_id = ? AND {conditions.active()}"
    return db.execute(sql, [period_id]).fetchone()[0]


def enrolled_ids(db: Database, period_id: int) -> set[int]:
    return {row[0] for row in db.execute("SELECT person_id FROM enrollments WHERE period_id = ?", [period_id])}


def named_enrollments(db: Database, period_id: int) -> list[EnrollmentRow]:
    """The period's enrollments with the person's and the unit's names, in unit order."""
    sql = """SELECT e.*, p.name AS person_name, coalesce(u.name, '') AS unit_name
             FROM enrollments e JOIN people p ON p.id = e.person_id
             LEFT JOIN units u ON u.id = e.unit_id
             WHERE e.period_id = ? ORDER BY coalesce(u.sort_order, 1e9), u.id, p.name"""
    return [from_row(EnrollmentRow, row) for row in rows(db, sql, [period_id])]


def count_of_person(db: Database, person_id: int) -> int:
    """Enrollment records of the person, whatever their status."""
    return tables.enrollments(db).count("person_id = ?", [person_id])


def enrollment_of(db: Database, period_id: int, person_id: int) -> Enrollment | None:
    """The person's enrollment in the period (one at most), or None."""
    found = tables.enrollments(db).where("period_id = ? AND person_id = ?", [period_id, person_id])
    return found[0] if found else None


def is_replacement(db: Database, enrollment_id: int) -> bool:
    """Whether the enrollment took over someone's seat."""
    return bool(tables.enrollments(db).count("replaced_by = ?", [enrollment_id]))


def set_outcome(db: Database, enrollment_id: int, status: str, hours: float) -> None:
    db.execute(f"UPDATE enrollments SET status = ?, hours = ?, {BUMP} WHERE id = ?",
               [status, hours, *stamps(db), enrollment_id])


def largest_roster(db: Database, completed: bool = False) -> tuple[int, int] | None:
    """(period, how many enrollments) of the period with the most (or with the most trainees completed)."""
    where = f" WHERE {conditions.completed('e')}" if completed else ""
    return db.execute(f"""SELECT e.period_id, count(*) FROM enrollments e{where} GROUP BY e.period_id
                          ORDER BY count(*) DESC, e.period_id LIMIT 1""").fetchone()


@dataclass
class Attendance:
    """One period a person was on the roster of, as the person's page lists it."""
    enrollment_id: int
    period_id: int
    class_name: str
    number: int
    start_date: str
    end_date: str
    status: str
    hours: float
    unit_name: str
    replace_reason: str


def attendance(db: Database, person_id: int) -> list[Attendance]:
    sql = """SELECT e.id AS enrollment_id, pe.id AS period_id, c.name AS class_name, pe.number, pe.start_date,
                    pe.end_date, e.status, e.hours, coalesce(u.name, '') AS unit_name, e.replace_reason
             FROM enrollments e JOIN periods pe ON pe.id = e.period_id
             JOIN training_classes c ON c.id = pe.class_id LEFT JOIN units u ON u.id = e.unit_id
             WHERE e.person_id = ? ORDER BY pe.start_date DESC, c.name"""
    return [from_row(Attendance, row) for row in rows(db, sql, [person_id])]


def enrol_many(db: Database, enrollments: Iterable[tuple[int, int, int | None, str, str]]) -> None:
    """(period, person, unit, status, key problems) of new enrollments, in one statement run."""
    stamp = tuple(stamps(db))
    db.executemany(f"""INSERT INTO enrollments (period_id, person_id, unit_id, status, key_problems, {STAMP_COLUMNS})
                           VALUES (?, ?, ?, ?, ?, ?, ?)""", ((*row, *stamp) for row in enrollments))


def set_key_problems(db: Database, period_id: int, problems: dict[int, str]) -> None:
    """Each person's key problems (重点难点问题) on the period's roster: person id -> text."""
    stamp = stamps(db)
    db.executemany(f"UPDATE enrollments SET key_problems = ?, {BUMP} WHERE period_id = ? AND person_id = ?",
                        [(text, *stamp, period_id, person_id) for person_id, text in problems.items()])
