"""The schema as numbered migrations (sqlite-utils' Migrations); never edit one that has shipped.

Each migration runs in one transaction with the record that it ran. A migration carries what it needs:
SQL, and where it fills a column from code, a frozen copy of that code in migration_data/, never the live
domain, so a file upgraded years later comes out as it would have then.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

_migrations: list[Callable[[Database], None]] = []


def migration(fn):
    """Registers fn under its own name; the names are numbered m001_, m002_ ..."""
    _migrations.append(fn)
    return fn


def registered() -> list[Callable]:
    """Every migration function, in order (the server's runner, app/storage/postgres.py, runs them)."""
    return list(_migrations)


def runner() -> Migrations:
    """sqlite-utils' Migrations with every migration, in order: made (and sqlite-utils imported) only when a
    file needs one, so an up-to-date file opens without it."""
    from sqlite_utils.migrations import Migrations

    found = Migrations("traindesk")
    for fn in _migrations:
        found(name=fn.__name__)(fn)
    return found

_INITIAL = [
    """CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0,
        contact_name TEXT NOT NULL DEFAULT '',
        contact_phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        id_number TEXT NOT NULL UNIQUE,
        gender TEXT NOT NULL DEFAULT '',
        ethnicity TEXT NOT NULL DEFAULT '',
        birth_date TEXT NOT NULL DEFAULT '',
        political_status TEXT NOT NULL DEFAULT '',
        education TEXT NOT NULL DEFAULT '',
        unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
        post TEXT NOT NULL DEFAULT '',
        rank TEXT NOT NULL DEFAULT '',
        cadre_category TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX people_unit ON people(unit_id)",
    "CREATE INDEX people_name ON people(name)",
    """CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '工作要点',
        issuer TEXT NOT NULL DEFAULT '',
        doc_number TEXT NOT NULL DEFAULT '',
        issue_date TEXT NOT NULL DEFAULT '',
        addressees TEXT NOT NULL DEFAULT '',
        preamble TEXT NOT NULL DEFAULT '',
        closing TEXT NOT NULL DEFAULT '',
        planned_periods INTEGER NOT NULL DEFAULT 0,
        planned_trainees INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE plan_sections (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        title TEXT NOT NULL,
        UNIQUE (plan_id, number)
    )""",
    """CREATE TABLE plan_items (
        id INTEGER PRIMARY KEY,
        section_id INTEGER NOT NULL REFERENCES plan_sections(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX plan_items_section ON plan_items(section_id)",
    """CREATE TABLE training_classes (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER REFERENCES plans(id) ON DELETE RESTRICT,
        plan_item_id INTEGER REFERENCES plan_items(id) ON DELETE SET NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        theme TEXT NOT NULL DEFAULT '',
        organizer TEXT NOT NULL DEFAULT '',
        host TEXT NOT NULL DEFAULT '',
        target_trainees TEXT NOT NULL DEFAULT '',
        focus TEXT NOT NULL DEFAULT '',
        planned_periods INTEGER NOT NULL DEFAULT 1,
        trainees_per_period INTEGER NOT NULL DEFAULT 0,
        length_days INTEGER NOT NULL DEFAULT 0,
        place TEXT NOT NULL DEFAULT '',
        fee REAL NOT NULL DEFAULT 0,
        total_hours REAL NOT NULL DEFAULT 0,
        party_spirit_hours REAL NOT NULL DEFAULT 0,
        leader_lecture_hours REAL NOT NULL DEFAULT 0,
        practical_post_days INTEGER NOT NULL DEFAULT 0,
        party_analysis INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX classes_plan ON training_classes(plan_id)",
    """CREATE TABLE periods (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES training_classes(id) ON DELETE RESTRICT,
        number INTEGER NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        report_time TEXT NOT NULL DEFAULT '',
        report_place TEXT NOT NULL DEFAULT '',
        capacity INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT '筹备',
        archived INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        UNIQUE (class_id, number),
        CHECK (end_date >= start_date)
    )""",
    "CREATE INDEX periods_dates ON periods(start_date, end_date)",
    """CREATE TABLE enrollments (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE RESTRICT,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
        unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
        status TEXT NOT NULL DEFAULT '拟选调',
        replaced_by INTEGER REFERENCES enrollments(id) ON DELETE SET NULL,
        replace_reason TEXT NOT NULL DEFAULT '',
        hours REAL NOT NULL DEFAULT 0,
        key_problems TEXT NOT NULL DEFAULT '',
        fee_paid REAL NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        UNIQUE (period_id, person_id)
    )""",
    "CREATE INDEX enrollments_person ON enrollments(person_id)",
    """CREATE TABLE quotas (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        seats INTEGER NOT NULL CHECK (seats >= 0),
        UNIQUE (period_id, unit_id)
    )""",
    """CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER REFERENCES plans(id) ON DELETE CASCADE,
        class_id INTEGER REFERENCES training_classes(id) ON DELETE CASCADE,
        org TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        fax TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0,
        CHECK ((plan_id IS NULL) <> (class_id IS NULL))
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        os_user TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        entity TEXT NOT NULL DEFAULT '',
        entity_id INTEGER,
        detail TEXT NOT NULL DEFAULT ''
    )""",
]


@migration
def m001_initial(db: Database) -> None:
    for statement in _INITIAL:
        db.execute(statement)


@migration
def m002_attendance_and_hours(db: Database) -> None:
    """Half-day attendance, hours earned outside the office's classes, promotion dates, class target groups."""
    db.execute("""CREATE TABLE attendance (
        id INTEGER PRIMARY KEY,
        enrollment_id INTEGER NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        half TEXT NOT NULL CHECK (half IN ('上午', '下午')),
        status TEXT NOT NULL CHECK (status IN ('出勤', '请假', '缺勤')),
        UNIQUE (enrollment_id, day, half)
    )""")
    db.execute("""CREATE TABLE hours_records (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        hours REAL NOT NULL CHECK (hours > 0),
        kind TEXT NOT NULL DEFAULT '网络学习',
        source TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX hours_records_person ON hours_records(person_id, year)")
    db.execute("ALTER TABLE people ADD COLUMN rank_since TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE training_classes ADD COLUMN coverage TEXT NOT NULL DEFAULT ''")


def schema_version() -> int:
    """How many migrations this program knows: stored as PRAGMA user_version."""
    return len(_migrations)


@migration
def m003_certificates(db: Database) -> None:
    """结业证书 serial numbers, kept once issued so a reprint carries the same number."""
    db.execute("""CREATE TABLE certificates (
        enrollment_id INTEGER PRIMARY KEY REFERENCES enrollments(id) ON DELETE CASCADE,
        serial TEXT NOT NULL UNIQUE,
        issued_on TEXT NOT NULL
    )""")


@migration
def m004_period_place(db: Database) -> None:
    """A training place per period (a room or site), so the calendar can see one place booked twice."""
    db.execute("ALTER TABLE periods ADD COLUMN place TEXT NOT NULL DEFAULT ''")


@migration
def m005_people_pinyin(db: Database) -> None:
    """Pinyin initials stored beside each name, so 'zs' finds 张三 without working them out for every row."""
    from app.storage.migration_data.m005_initials import initials  # frozen: never the live app.domain.pinyin

    db.execute("ALTER TABLE people ADD COLUMN name_initials TEXT NOT NULL DEFAULT ''")
    names = db.execute("SELECT id, name FROM people").fetchall()
    db.conn.executemany("UPDATE people SET name_initials = ? WHERE id = ?",
                        [(initials(name), person_id) for person_id, name in names])


@migration
def m006_people_unit_order(db: Database) -> None:
    """People by unit then name (in pinyin order) straight from an index: a page of 100,000 needs no sort."""
    # Holds the searched columns too, so a search walks the index without reading the table.
    db.execute("CREATE INDEX people_unit_name ON people(unit_id, name_initials, name, id_number, phone)")
    # The new index serves what these did; every index slows the import of a 20,000-row list.
    db.execute("DROP INDEX people_unit")
    db.execute("DROP INDEX people_name")
    db.execute("CREATE INDEX units_order ON units(sort_order)")


# m007 onwards stand in the next module, which registers them (in order) with the decorator above
import app.storage.migrations_later  # noqa: E402,F401  (imported for its registrations)
