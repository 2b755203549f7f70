"""The schema's later migrations, m007 onwards (teaching, funds, quality, the search index), registered in
order after migrations.py's own; the same rules hold: never edit one that has shipped, and carry what it needs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.storage.migrations import migration

if TYPE_CHECKING:
    from sqlite_utils import Database


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


@migration
def m011_record_versions(db: Database) -> None:
    """No lost update: each record a form edits carries `version` (1 when made, one more with every save),
    `changed_by` and `changed_at`; a save names the version it loaded and is refused when it moved. Plain
    ADD COLUMN, which PostgreSQL runs as well. The tables are the records a clerk edits in a form."""
    for table in ("units", "people", "plans", "training_classes", "periods", "enrollments", "hours_records",
                  "lecturers", "teaching_bases", "courses", "sessions", "budget_lines", "expenses",
                  "questionnaires", "surveys", "period_staff", "discipline_checks"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
        db.execute(f"ALTER TABLE {table} ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''")
        db.execute(f"ALTER TABLE {table} ADD COLUMN changed_at TEXT NOT NULL DEFAULT ''")
