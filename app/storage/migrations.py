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


@migration
def m007_teaching(db: Database) -> None:
    """What is taught and by whom: the lecturer pool, teaching bases, the course library and each period's
    timetable (sessions by half-day)."""
    db.execute("""CREATE TABLE lecturers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        post TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        leader_level TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT '',
        fields TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0
    )""")
    db.execute("CREATE INDEX lecturers_name ON lecturers(name)")
    db.execute("""CREATE TABLE teaching_bases (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        contact_name TEXT NOT NULL DEFAULT '',
        contact_phone TEXT NOT NULL DEFAULT '',
        capacity INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0
    )""")
    db.execute("""CREATE TABLE courses (
        id INTEGER PRIMARY KEY,
        topic TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL DEFAULT '',
        form TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("""CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        half TEXT NOT NULL CHECK (half IN ('上午', '下午', '晚上')),
        start_time TEXT NOT NULL DEFAULT '',
        end_time TEXT NOT NULL DEFAULT '',
        topic TEXT NOT NULL DEFAULT '',
        form TEXT NOT NULL DEFAULT '',
        party_spirit INTEGER NOT NULL DEFAULT 0,
        lecturer_id INTEGER REFERENCES lecturers(id) ON DELETE SET NULL,
        lecturer_name TEXT NOT NULL DEFAULT '',
        lecturer_post TEXT NOT NULL DEFAULT '',
        base_id INTEGER REFERENCES teaching_bases(id) ON DELETE SET NULL,
        place TEXT NOT NULL DEFAULT '',
        hours REAL CHECK (hours IS NULL OR hours >= 0),
        fee_rate REAL CHECK (fee_rate IS NULL OR fee_rate >= 0),
        sort_order INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX sessions_period ON sessions(period_id, day, half, sort_order)")
    db.execute("CREATE INDEX sessions_lecturer ON sessions(lecturer_id, day)")
    db.execute("CREATE INDEX sessions_base ON sessions(base_id)")


@migration
def m008_funds_makeup_organisers(db: Database) -> None:
    """Funds (a period's budget lines and spending, fees received), roll-call classes and make-up training,
    and who organises a class or plan (本级举办, 上级调训, 单位自办)."""
    db.execute("ALTER TABLE plans ADD COLUMN organiser_kind TEXT NOT NULL DEFAULT '本级举办'")
    db.execute("ALTER TABLE training_classes ADD COLUMN organiser_kind TEXT NOT NULL DEFAULT '本级举办'")
    db.execute("ALTER TABLE training_classes ADD COLUMN unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT")
    db.execute("ALTER TABLE training_classes ADD COLUMN fee_category TEXT NOT NULL DEFAULT '三类'")
    db.execute("ALTER TABLE training_classes ADD COLUMN roll_call INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE enrollments ADD COLUMN fee_paid_on TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE enrollments ADD COLUMN makeup_of INTEGER REFERENCES enrollments(id) ON DELETE SET NULL")
    db.execute("ALTER TABLE enrollments ADD COLUMN makeup_note TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX enrollments_makeup ON enrollments(makeup_of)")
    db.execute("""CREATE TABLE budget_lines (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        amount REAL NOT NULL CHECK (amount >= 0),
        basis TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX budget_lines_period ON budget_lines(period_id)")
    db.execute("""CREATE TABLE expenses (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        amount REAL NOT NULL,
        day TEXT NOT NULL DEFAULT '',
        payee TEXT NOT NULL DEFAULT '',
        voucher TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX expenses_period ON expenses(period_id)")


@migration
def m009_quality(db: Database) -> None:
    """Quality of training: evaluation questionnaires (office templates, a period's frozen copy, anonymous
    responses), the needs survey for a coming year, class management (班主任 and 跟班人员, 班委 and groups,
    学风督查) and each trainee's 结业考核."""
    db.execute("""CREATE TABLE questionnaires (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        scale TEXT NOT NULL DEFAULT '三级' CHECK (scale IN ('三级', '五分')),
        threshold REAL NOT NULL DEFAULT 0.9 CHECK (threshold >= 0 AND threshold <= 1),
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("""CREATE TABLE questionnaire_items (
        id INTEGER PRIMARY KEY,
        questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
        section TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('score', 'sessions', 'text')),
        sort_order INTEGER NOT NULL DEFAULT 0
    )""")
    db.execute("CREATE INDEX questionnaire_items_owner ON questionnaire_items(questionnaire_id, sort_order)")
    # A period's evaluation keeps its own copy of the questions, so editing a template never changes
    # what past trainees were asked.
    db.execute("""CREATE TABLE evaluations (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL UNIQUE REFERENCES periods(id) ON DELETE CASCADE,
        questionnaire_id INTEGER REFERENCES questionnaires(id) ON DELETE SET NULL,
        title TEXT NOT NULL DEFAULT '',
        scale TEXT NOT NULL DEFAULT '三级' CHECK (scale IN ('三级', '五分')),
        threshold REAL NOT NULL DEFAULT 0.9 CHECK (threshold >= 0 AND threshold <= 1),
        created_on TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("""CREATE TABLE evaluation_items (
        id INTEGER PRIMARY KEY,
        evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        section TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('score', 'sessions', 'text')),
        sort_order INTEGER NOT NULL DEFAULT 0
    )""")
    db.execute("CREATE INDEX evaluation_items_owner ON evaluation_items(evaluation_id, sort_order)")
    db.execute("""CREATE TABLE evaluation_responses (
        id INTEGER PRIMARY KEY,
        evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        source TEXT NOT NULL DEFAULT '',
        received_on TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX evaluation_responses_owner ON evaluation_responses(evaluation_id)")
    db.execute("""CREATE TABLE evaluation_answers (
        id INTEGER PRIMARY KEY,
        response_id INTEGER NOT NULL REFERENCES evaluation_responses(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES evaluation_items(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        aspect TEXT NOT NULL DEFAULT '',
        score REAL,
        answer TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX evaluation_answers_response ON evaluation_answers(response_id)")
    db.execute("CREATE INDEX evaluation_answers_item ON evaluation_answers(item_id, session_id)")
    db.execute("""CREATE TABLE surveys (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        deadline TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("""CREATE TABLE survey_topics (
        id INTEGER PRIMARY KEY,
        survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        theme TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0
    )""")
    db.execute("CREATE INDEX survey_topics_owner ON survey_topics(survey_id, sort_order)")
    db.execute("""CREATE TABLE survey_returns (
        id INTEGER PRIMARY KEY,
        survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        source TEXT NOT NULL DEFAULT '',
        received_on TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        comments TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (survey_id, unit_id)
    )""")
    db.execute("""CREATE TABLE survey_answers (
        id INTEGER PRIMARY KEY,
        return_id INTEGER NOT NULL REFERENCES survey_returns(id) ON DELETE CASCADE,
        topic_id INTEGER REFERENCES survey_topics(id) ON DELETE SET NULL,
        topic TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
        months TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX survey_answers_return ON survey_answers(return_id)")
    db.execute("""CREATE TABLE period_staff (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('班主任', '跟班人员')),
        phone TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX period_staff_period ON period_staff(period_id)")
    db.execute("""CREATE TABLE discipline_checks (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        checker TEXT NOT NULL DEFAULT '',
        findings TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("CREATE INDEX discipline_checks_period ON discipline_checks(period_id, day)")
    db.execute("ALTER TABLE enrollments ADD COLUMN committee_role TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE enrollments ADD COLUMN study_group TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE enrollments ADD COLUMN assessment_score REAL")
    db.execute("ALTER TABLE enrollments ADD COLUMN assessment_result TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE enrollments ADD COLUMN party_analysis INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE enrollments ADD COLUMN report_title TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE enrollments ADD COLUMN completion_reason TEXT NOT NULL DEFAULT ''")


@migration
def m010_people_search_index(db: Database) -> None:
    """Search as you type without reading the whole archive: each name's single characters and character
    pairs (people_grams), an FTS5 trigram index of the ID number after its region code and of the phone
    (people_digits), and pinyin initials indexed. A trigger only notes which people changed
    (people_search_pending); dialect.refresh_search_index brings the indexes up to date in bulk at the end
    of each write transaction, so a 20,000-row import does not pay a trigger's work for every row."""
    db.execute("""CREATE TABLE people_grams (
        gram TEXT NOT NULL,
        person_id INTEGER NOT NULL,
        PRIMARY KEY (gram, person_id)
    ) WITHOUT ROWID""")
    db.execute("CREATE VIRTUAL TABLE people_digits USING fts5(id_tail, phone, tokenize='trigram')")
    db.execute("CREATE TABLE people_search_pending (person_id INTEGER PRIMARY KEY)")
    note = "INSERT OR IGNORE INTO people_search_pending (person_id) VALUES"
    db.execute(f"CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN {note} (new.id); END")
    db.execute(f"""CREATE TRIGGER people_search_update AFTER UPDATE OF name, id_number, phone ON people
        BEGIN {note} (new.id); END""")
    db.execute(f"CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN {note} (old.id); END")
    longest = db.execute("SELECT coalesce(max(length(name)), 0) FROM people").fetchone()[0]
    for size in (1, 2):
        for start in range(1, longest + 2 - size):
            db.execute(f"""INSERT OR IGNORE INTO people_grams (gram, person_id)
                SELECT substr(name, {start}, {size}), id FROM people WHERE length(name) >= {start}""")
    db.execute("INSERT INTO people_digits (rowid, id_tail, phone) SELECT id, substr(id_number, 7), phone FROM people")
    db.execute("CREATE INDEX people_initials ON people(name_initials)")  # pinyin initials typed, counted
