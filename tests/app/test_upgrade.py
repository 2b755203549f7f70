"""A file an older version left (tests/fixtures/schema_v4.db, made by tools/make_schema_fixture.py) opened by
this one: backed up first, brought up to date, its data as it was, the pinyin initials filled as m005 fills
them; opening it again changes nothing."""
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.services import database, people
from app.storage.migrations import runner, schema_version

pytestmark = pytest.mark.sqlite_only(reason="SQLite files made by earlier versions, upgraded by sqlite-utils' runner")

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v4.db"
COUNTS = {"units": 46, "people": 203, "plans": 2, "plan_sections": 8, "plan_items": 26, "training_classes": 22,
          "periods": 34, "enrollments": 160, "quotas": 222, "contacts": 4, "settings": 3, "audit_log": 23,
          "attendance": 1820, "hours_records": 158, "certificates": 0}


def read(path: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(path))


def version(path: Path) -> int:
    with read(path) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0]


def contents(path: Path, tables=COUNTS) -> dict[str, list[tuple]]:
    """Every row of the office's tables, in the columns the older version had (name_initials aside)."""
    with read(FIXTURE) as old, read(path) as connection:
        found = {}
        for table in tables:
            columns = ", ".join(row[1] for row in old.execute(f"PRAGMA table_info({table})"))
            found[table] = connection.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()
        return found


@pytest.fixture
def old_file(tmp_path) -> Path:
    path = tmp_path / "科室" / "traindesk.db"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    return path


def test_the_fixture_is_a_version_4_file():
    with read(FIXTURE) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(people)")]
        ran = [name for (name,) in connection.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert version(FIXTURE) == 4 and "name_initials" not in columns
    assert ran == ["m001_initial", "m002_attendance_and_hours", "m003_certificates", "m004_period_place"]
    assert {table: len(rows) for table, rows in contents(FIXTURE).items()} == COUNTS


def test_an_older_file_is_backed_up_then_brought_up_to_date(old_file):
    with database.writing(old_file) as db:
        assert not runner().pending(Database(db.conn))
        assert "people_unit_name" in {index.name for index in Database(db.conn)["people"].indexes}
    assert version(old_file) == schema_version() == 11
    backup, = (old_file.parent / "backups").glob("traindesk-*-升级前.db")
    assert version(backup) == 4 and contents(backup) == contents(FIXTURE)
    assert contents(old_file) == contents(FIXTURE)
    with read(old_file) as connection:
        assert connection.execute("SELECT name, id_number, unit_id FROM people WHERE id = 1").fetchone() == (
            "崔兵杰", "500101196708154695", 1)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_pinyin_initials_are_filled_as_m005_fills_them(old_file):
    with database.writing(old_file) as db:
        initials = dict(db.execute("SELECT name, name_initials FROM people").fetchall())
        assert [p.name for p in people.search_people(db, "ycjd")] == ["尉迟敬德"]
    assert {name: initials[name] for name in ("崔兵杰", "曾国藩", "尉迟敬德", "单雄信")} == {
        "崔兵杰": "cbj", "曾国藩": "zgf", "尉迟敬德": "ycjd", "单雄信": "sxx"}
    assert all(len(value) == len(name) for name, value in initials.items())  # every character has its letter


def test_opening_it_again_changes_nothing(old_file):
    with database.writing(old_file):
        pass
    before = contents(old_file, [*COUNTS, "_sqlite_migrations"]), version(old_file), sorted(old_file.parent.rglob("*"))
    with database.writing(old_file) as db:
        assert not runner().pending(Database(db.conn))
    after = contents(old_file, [*COUNTS, "_sqlite_migrations"]), version(old_file), sorted(old_file.parent.rglob("*"))
    assert after == before
