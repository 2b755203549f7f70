"""PRAGMAs on every connection, journal mode by location, read-only access."""
import sqlite3

import pytest

from app.storage import db as storage_db
from app.storage.db import DatabaseFileError, open_db


def test_wal_on_a_local_disk_and_the_rollback_journal_on_a_share(tmp_path, monkeypatch):
    local = open_db(tmp_path / "local.db", create=True)
    assert local.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert local.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
    local.close()
    monkeypatch.setattr(storage_db, "is_network_path", lambda path: True)
    shared = open_db(tmp_path / "local.db")
    assert shared.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    shared.close()


def test_read_only_opens_for_reading_and_refuses_every_write(tmp_path):
    path = tmp_path / "a.db"
    open_db(path, create=True).close()
    db = open_db(path, read_only=True)
    assert db.execute("SELECT count(*) FROM units").fetchone()[0] == 0
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("INSERT INTO units (name) VALUES ('县委办公室')")
    db.close()


def test_read_only_cannot_open_a_file_that_needs_migrating(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    open_db(path, create=True).close()
    monkeypatch.setattr(storage_db.migrations, "pending", lambda db: ["m999"])
    with pytest.raises(DatabaseFileError, match="只读方式无法打开"):
        open_db(path, read_only=True)
