"""Reading a period's roster with each trainee's details, its seat allocation, and who is busy elsewhere."""
from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.domain.models import Period
from app.domain.status import EnrollmentStatus
from app.storage.classes import ACTIVE
from app.storage.records import from_row, rows


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


@dataclass
class QuotaUsage:
    """A unit's seats in a period (None: no seats allocated) and how many of its people hold one."""
    unit_id: int
    unit_name: str
    unit_order: int
    seats: int | None
    used: int

    @property
    def remaining(self) -> int | None:
        return None if self.seats is None else self.seats - self.used

    @property
    def over(self) -> bool:
        return self.seats is not None and self.used > self.seats


def roster_lines(db: Database, period_id: int) -> list[RosterLine]:
    sql = """SELECT e.id AS enrollment_id, e.period_id, e.person_id, e.unit_id, e.status, e.replaced_by,
                    e.replace_reason, e.hours, e.key_problems, e.fee_paid, e.notes,
                    p.name, p.gender, p.ethnicity, p.birth_date, p.id_number, p.post, p.rank, p.cadre_category,
                    p.political_status, p.education, p.phone, p.name_initials,
                    coalesce(u.name, '') AS unit_name, coalesce(u.sort_order, 1000000000) AS unit_order
             FROM enrollments e JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = e.unit_id
             WHERE e.period_id = ? ORDER BY unit_order, u.id, p.name, p.id_number"""
    return [from_row(RosterLine, row) for row in rows(db, sql, [period_id])]


def quota_usage(db: Database, period_id: int, every_unit: bool = False) -> list[QuotaUsage]:
    """Every unit with seats in the period or people on its roster (or every unit), in display order."""
    sql = f"""SELECT u.id AS unit_id, u.name AS unit_name, u.sort_order AS unit_order,
                     (SELECT q.seats FROM quotas q WHERE q.period_id = ?1 AND q.unit_id = u.id) AS seats,
                     (SELECT count(*) FROM enrollments e
                        WHERE e.period_id = ?1 AND e.unit_id = u.id AND e.{ACTIVE}) AS used
              FROM units u
              WHERE ?2 OR u.id IN (SELECT unit_id FROM quotas WHERE period_id = ?1)
                 OR u.id IN (SELECT unit_id FROM enrollments WHERE period_id = ?1)
              ORDER BY u.sort_order, u.id"""
    return [from_row(QuotaUsage, row) for row in rows(db, sql, [period_id, int(every_unit)])]


def busy_elsewhere(db: Database, period: Period) -> dict[int, list[str]]:
    """People enrolled (and not replaced or withdrawn) in another period overlapping this one's dates."""
    sql = f"""SELECT e.person_id, c.name, pe.number, pe.start_date, pe.end_date
              FROM periods pe JOIN enrollments e ON e.period_id = pe.id
              JOIN training_classes c ON c.id = pe.class_id
              WHERE pe.id <> ? AND pe.start_date <= ? AND pe.end_date >= ? AND e.{ACTIVE}
              ORDER BY pe.start_date"""
    found: dict[int, list[str]] = {}
    params = [period.id, period.end_date, period.start_date]
    for person_id, name, number, start, end in db.execute(sql, params).fetchall():
        found.setdefault(person_id, []).append(f"{name}第{number}期（{start[5:]}至{end[5:]}）")
    return found


def active_count(db: Database, period_id: int) -> int:
    """Trainees holding a seat in the period (not replaced, not withdrawn)."""
    return db.execute(f"SELECT count(*) FROM enrollments WHERE period_id = ? AND {ACTIVE}", [period_id]).fetchone()[0]


def enrolled_ids(db: Database, period_id: int) -> set[int]:
    return {row[0] for row in db.execute("SELECT person_id FROM enrollments WHERE period_id = ?", [period_id])}


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
