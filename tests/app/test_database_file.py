"""PRAGMAs on every connection, journal mode by location, read-only access."""
import sqlite3

import pytest

from app.storage import db as storage_db
from app.storage.db import DatabaseFileError, connect, open_db
from app.storage.lock import DatabaseLock
from tests.writing import writable

pytestmark = pytest.mark.sqlite_only(reason="PRAGMAs, journal modes and the read-only opening of a SQLite file")


def test_wal_on_a_local_disk_and_the_rollback_journal_on_a_share(tmp_path, monkeypatch):
    local = writable(tmp_path / "local.db", create=True)
    assert local.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert local.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
    local.close()
    monkeypatch.setattr(storage_db, "is_network_path", lambda path: True)
    shared = writable(tmp_path / "local.db")
    assert shared.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    shared.close()


def test_without_the_lock_a_connection_reads_and_refuses_every_write(tmp_path):
    path = tmp_path / "a.db"
    writable(path, create=True).close()
    for db in (open_db(path), connect(path)):
        assert db.execute("SELECT count(*) FROM units").fetchone()[0] == 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.execute("INSERT INTO units (name) VALUES ('县委办公室')")
        db.close()


def test_only_the_holder_of_this_files_lock_may_write(tmp_path):
    path, other = tmp_path / "a.db", tmp_path / "b.db"
    writable(path, create=True).close()
    lock = DatabaseLock.acquire(other)
    with pytest.raises(DatabaseFileError, match="写入锁"):
        connect(path, writer=lock)  # the lock of another file proves nothing
    lock.release()
    lock = DatabaseLock.acquire(path)
    lock.release()  # taken over or released since: no longer a writer
    with pytest.raises(DatabaseFileError, match="写入锁"):
        connect(path, writer=lock)


def test_a_reader_cannot_open_a_file_that_needs_migrating(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    writable(path, create=True).close()
    monkeypatch.setattr(storage_db, "schema_version", lambda: 999)
    with pytest.raises(DatabaseFileError, match="只读方式无法打开"):
        open_db(path)


def test_a_reading_command_brings_an_older_file_up_to_date_only_when_nobody_holds_it(tmp_path, monkeypatch, capsys):
    import subprocess
    import sys

    from app.cli import main
    from app.storage.lock import lock_path
    from app.storage.migrations import runner, schema_version
    from tests.app.test_lock import write_lock

    path = tmp_path / "a.db"
    assert main(["init", "--db", str(path)]) == 0
    newer = runner()
    newer(name="m999_test")(lambda db: db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)"))
    monkeypatch.setattr(storage_db, "migrations_runner", lambda: newer)
    monkeypatch.setattr(storage_db, "schema_version", lambda: schema_version() + 1)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(path, pid=holder.pid)
        capsys.readouterr()
        assert main(["periods", "--db", str(path)]) == 2
        assert "需要先升级数据结构" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
    lock_path(path).unlink()
    assert main(["periods", "--db", str(path)]) == 0
    assert "extra" in sqlite3.connect(path).execute("SELECT group_concat(name) FROM sqlite_master").fetchone()[0]
    assert not lock_path(path).exists()
