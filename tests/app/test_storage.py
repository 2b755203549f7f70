import sqlite3

import pytest
from sqlite_utils import Database

from app.storage import db as storage_db
from app.storage.db import APPLICATION_ID, DatabaseFileError, open_db
from app.storage.migrations import runner, schema_version
from tests.writing import writable

# the server's own: tests/app/test_postgres_engine.py
SQLITE_FILE = pytest.mark.sqlite_only(reason="SQLite files: their migrations, PRAGMAs and refusals")
TABLES = {"units", "people", "plans", "plan_sections", "plan_items", "training_classes", "periods",
          "enrollments", "quotas", "contacts", "settings", "audit_log"}


@SQLITE_FILE
def test_migrations_create_every_table_and_mark_the_file(tmp_path):
    db = writable(tmp_path / "新 库.db", create=True)
    assert TABLES <= set(db.table_names())
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


@SQLITE_FILE
def test_applying_twice_changes_nothing(tmp_path):
    path = tmp_path / "a.db"
    writable(path, create=True).close()
    db = writable(path)
    schema = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    runner().apply(Database(db.conn))  # sqlite-utils' runner, as a file that needs a migration gets it
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert not (tmp_path / "backups").exists()


@SQLITE_FILE
def test_a_pending_migration_backs_the_file_up_first(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    db = writable(path, create=True)
    db.execute("INSERT INTO units (name) VALUES ('县委办公室')")
    db.close()
    newer = runner()

    @newer(name="m999_test")
    def m999_test(db):
        db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(storage_db, "migrations_runner", lambda: newer)
    monkeypatch.setattr(storage_db, "schema_version", lambda: schema_version() + 1)
    db = writable(path)
    assert "extra" in db.table_names()
    copies = list((tmp_path / "backups").glob("a-*-升级前.db"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("SELECT name FROM units").fetchall() == [("县委办公室",)]
    assert "extra" not in [r[0] for r in old.execute("SELECT name FROM sqlite_master")]


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO people (name, id_number, unit_id) VALUES ('张三', '1', 999)")


@SQLITE_FILE
def test_a_missing_file_is_not_created_without_asking(tmp_path):
    with pytest.raises(DatabaseFileError, match="找不到"):
        open_db(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


@SQLITE_FILE
def test_someone_elses_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE photos (id INTEGER)")
    other.commit()
    other.close()
    with pytest.raises(DatabaseFileError, match="不是本程序的数据库"):
        open_db(path)


@SQLITE_FILE
def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "名单.xlsx.db"
    path.write_bytes(b"PK\x03\x04 this is a zip, not sqlite" * 100)
    with pytest.raises(DatabaseFileError, match="不是本程序的数据库文件"):
        open_db(path)
    assert path.read_bytes().startswith(b"PK")


@SQLITE_FILE
def test_a_file_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = writable(path, create=True)
    db.execute(f"PRAGMA user_version = {schema_version() + 5}")
    db.close()
    with pytest.raises(DatabaseFileError, match="更新版本"):
        open_db(path)
