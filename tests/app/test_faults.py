"""The fault suite: killed processes, read-only files, migrations cut off half way."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.services import database
from app.storage.db import DatabaseNotWritable, open_db
from tests.writing import writable

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.sqlite_only(reason="processes killed while writing a SQLite file, and its checks")

SLOW_MIGRATION = """
import sys, time
from pathlib import Path
from app.storage import db as storage_db
from app.storage.migrations import runner

newer = runner()

@newer(name="m999_slow")
def m999_slow(db):
    db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY, value TEXT)")
    for n in range(100000):
        db.execute("INSERT INTO extra (value) VALUES (?)", [str(n)])
        db.execute("UPDATE people SET notes = ? WHERE id = ?", [str(n), n % 50 + 1])
        if n == 2000:
            Path(sys.argv[2]).write_text("halfway")

storage_db.migrations_runner = lambda: newer
known = storage_db.schema_version()
storage_db.schema_version = lambda: known + 1
from app.services import database
with database.writing(Path(sys.argv[1])):
    pass
"""


def test_a_migration_killed_half_way_leaves_the_last_committed_state(tmp_path):
    db_file = tmp_path / "数据.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    before = sqlite3.connect(db_file).execute("SELECT group_concat(notes) FROM people").fetchone()
    flag = tmp_path / "flag"
    child = subprocess.Popen([sys.executable, "-c", SLOW_MIGRATION, str(db_file), str(flag)], cwd=ROOT)
    deadline = time.monotonic() + 30
    while not flag.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.01)
    assert flag.exists(), "the migration never got half way"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    db = writable(db_file)  # the real schema: the killed migration left nothing behind
    assert "extra" not in db.table_names()
    assert db.execute("SELECT group_concat(notes) FROM people").fetchone() == before
    assert database.check(db) == []
    assert list((tmp_path / "backups").glob("数据-*-升级前.db")), "a copy was taken before migrating"
    db.close()


def test_a_read_only_file_is_refused_for_writing_with_a_clear_message(tmp_path, monkeypatch, capsys):
    db_file = tmp_path / "只读.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    db_file.chmod(0o444)
    if os.geteuid() == 0:  # root writes through file modes: let the file look read-only as it would to a user
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == db_file else real_access(path, mode))
    before = db_file.read_bytes()
    with pytest.raises(DatabaseNotWritable, match="只读"):
        writable(db_file)
    capsys.readouterr()
    assert main(["init", "--db", str(db_file), "--demo"]) == 2
    assert "只读" in capsys.readouterr().err
    db = open_db(db_file)
    assert database.counts(db)["people"] == 600
    db.close()
    assert db_file.read_bytes() == before


def test_check_reports_a_damaged_file_with_exit_1_and_changes_nothing(tmp_path, capsys):
    db_file = tmp_path / "检查.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    connection = sqlite3.connect(db_file)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    capsys.readouterr()
    assert main(["check", "--db", str(db_file)]) == 0
    assert "数据库完好" in capsys.readouterr().out
    data = bytearray(db_file.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\x5a" * (4096 * 3)
    db_file.write_bytes(bytes(data))
    assert main(["check", "--db", str(db_file)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("数据库有问题：") and "损坏" in out
    assert db_file.read_bytes() == bytes(data) and not list(tmp_path.glob("*.damaged"))
