"""Backups: taken checked, only when something changed, thinned like Anki's, restored safely."""
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.domain.errors import UserError
from app.services import database, settings
from app.services.safety import backups
from app.storage import backup
from app.storage.db import DatabaseDamaged, open_db
from tests.writing import writable

pytestmark = pytest.mark.sqlite_only(reason="backups are copies of the SQLite file (a server's are its administrator's)")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def live(tmp_path):
    db = writable(tmp_path / "数据" / "traindesk.db", create=True)
    db.execute("INSERT INTO units (name) VALUES ('县委办公室')")
    yield db
    db.close()


def people_count(db) -> int:
    return db.execute("SELECT count(*) FROM units").fetchone()[0]


def test_a_backup_is_a_checked_copy_named_by_time_and_reason(live):
    made = backups.take(live, "手动", now=datetime(2020, 3, 2, 8, 30))
    assert made.name == "traindesk-20200302-083000-手动.db"
    assert backup.is_good(made)
    assert sqlite3.connect(made).execute("SELECT name FROM units").fetchall() == [("县委办公室",)]
    assert not list(made.parent.glob("*.part"))


def test_an_unchanged_database_is_not_backed_up_twice(live):
    first = backups.take(live, "启动", only_if_changed=True, now=datetime(2020, 3, 2, 8, 0))
    assert backups.take(live, "启动", only_if_changed=True, now=datetime(2020, 3, 2, 9, 0)) is None
    live.execute("INSERT INTO units (name) VALUES ('县委组织部')")
    assert backups.take(live, "启动", only_if_changed=True, now=datetime(2020, 3, 2, 10, 0)) is not None
    assert first.exists()


def test_thinning_over_400_simulated_days_keeps_recent_daily_weekly_monthly(live):
    start = datetime(2019, 1, 1, 9, 0)
    for day in range(400):
        for hour in (9, 13, 17):
            when = start + timedelta(days=day, hours=hour - 9)
            live.execute("UPDATE units SET notes = ?", [str(when)])
            backups.take(live, "定时", now=when)
    last_day = (start + timedelta(days=399)).date()
    kept = backup.list_backups(live_folder(live), "traindesk")
    days = sorted({b.taken.date() for b in kept}, reverse=True)
    recent = [b for b in kept if b.taken.date() >= last_day - timedelta(days=1)]
    assert len(recent) == 6  # all three of today and of yesterday
    assert days[2:14] == [last_day - timedelta(days=n) for n in range(2, 14)]  # 12 daily
    older = [d for d in days[14:]]
    weekly = [d for d in older if d > last_day - timedelta(days=14 + 7 * 10)]
    assert len(weekly) == 10 and len({d.isocalendar()[:2] for d in weekly}) == 10
    monthly = [d for d in older if d not in weekly]
    assert len(monthly) == 9 and len({(d.year, d.month) for d in monthly}) == 9
    assert len(kept) == 6 + 12 + 10 + 9


def live_folder(db) -> Path:
    return backup.backups_folder(Path(db.execute("PRAGMA database_list").fetchone()[2]))


def test_the_newest_backup_is_never_thinned():
    old = [backup.BackupFile(Path(f"/x/t-{n}.db"), datetime(2018, 1, 1) - timedelta(days=40 * n), "定时")
           for n in range(60)]
    doomed = backup.to_thin(old, date(2020, 1, 1))
    assert old[0] not in doomed and len(old) - len(doomed) == 1 + 12 + 10 + 9


def test_second_folder_gets_a_copy_and_its_failure_is_reported_but_harmless(live, tmp_path):
    second = tmp_path / "U盘"
    second.mkdir()
    settings.put(live, backups.SECOND_FOLDER_KEY, str(second))
    made = backups.take(live)
    assert [p.name for p in second.glob("*.db")] == [made.name]
    blocker = tmp_path / "拔掉的U盘"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    settings.put(live, backups.SECOND_FOLDER_KEY, str(blocker / "备份"))
    with pytest.raises(UserError, match="本机备份已完成"):
        backups.take(live)
    assert len(list(made.parent.glob("*.db"))) == 2


def test_the_second_folder_copy_has_the_same_name_even_when_the_clock_ticks(live, tmp_path, monkeypatch):
    class Ticking(datetime):
        """Each reading of the clock is one second later: a copy that read it again would differ."""
        moment = datetime(2020, 3, 2, 8, 0, 59)

        @classmethod
        def now(cls, tz=None):
            cls.moment += timedelta(seconds=1)
            return cls.moment

    monkeypatch.setattr(backups, "datetime", Ticking)
    monkeypatch.setattr(backup, "datetime", Ticking)
    second = tmp_path / "U盘"
    second.mkdir()
    settings.put(live, backups.SECOND_FOLDER_KEY, str(second))
    made = backups.take(live)
    assert [p.name for p in second.glob("*.db")] == [made.name]


def test_restore_saves_the_current_data_first(live):
    made = backups.take(live, now=datetime(2020, 3, 2, 8, 0))
    live.execute("DELETE FROM units")
    safety = backups.restore(live, made)
    assert people_count(live) == 1
    assert sqlite3.connect(safety).execute("SELECT count(*) FROM units").fetchone()[0] == 0
    assert live.execute("SELECT action FROM audit_log ORDER BY id DESC").fetchone()[0] == "恢复备份"


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(live, tmp_path):
    foreign = tmp_path / "别的.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)")
    broken = tmp_path / "坏.db"
    broken.write_bytes(b"SQLite format 3\0" + b"\xff" * 5000)
    for bad, message in ((foreign, "不是本程序"), (broken, "已损坏"), (tmp_path / "无.db", "找不到")):
        with pytest.raises(UserError, match=message):
            backups.restore(live, bad)
    assert people_count(live) == 1


def test_restore_from_the_command_line(tmp_path, capsys):
    db_file = tmp_path / "t.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    assert main(["backup", "--db", str(db_file)]) == 0
    copy = next((tmp_path / "backups").glob("*.db"))
    db = writable(db_file)
    db.execute("DELETE FROM quotas")
    db.close()
    capsys.readouterr()
    assert main(["restore", str(copy), "--db", str(db_file)]) == 0
    assert "已用" in capsys.readouterr().out
    db = database.open_database(db_file)
    assert db.execute("SELECT count(*) FROM quotas").fetchone()[0] > 0
    db.close()


def test_a_damaged_file_is_set_aside_and_the_newest_good_backup_offered(tmp_path):
    db_file = tmp_path / "t.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    assert main(["backup", "--db", str(db_file)]) == 0
    db = sqlite3.connect(db_file)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_file.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\x5a" * (4096 * 3)  # overwrite three pages in the middle of the file
    db_file.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged) as caught:
        writable(db_file)
    assert caught.value.damaged.name == "t.db.damaged" and caught.value.damaged.read_bytes() == bytes(data)
    assert not db_file.exists()
    assert backups.restore_newest_good(db_file) is not None
    restored = open_db(db_file)
    assert database.check(restored) == [] and database.counts(restored)["people"] == 600
    restored.close()
    assert main(["check", "--db", str(db_file)]) == 0


def test_disk_full_during_a_backup_leaves_live_data_and_old_backups_untouched(tmp_path):
    db_file = tmp_path / "t.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    assert main(["backup", "--db", str(db_file)]) == 0
    before = sorted(p.name for p in (tmp_path / "backups").glob("*"))
    live_bytes = db_file.read_bytes()
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))\n"
        "from app.services import database\n"
        "from app.domain.errors import UserError\n"
        f"db = database.open_database({str(db_file)!r})\n"
        "try:\n    database.backup(db)\nexcept UserError as e:\n    print(e)\n    sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "磁盘" in result.stdout and "空间不足" in result.stdout
    assert sorted(p.name for p in (tmp_path / "backups").glob("*")) == before
    assert db_file.read_bytes() == live_bytes


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_backup_folder_gives_a_clear_message(live, tmp_path):
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    with pytest.raises(UserError, match="没有写入权限"):
        backups.take(live, to_dir=folder)


def test_read_only_permission_errors_are_explained(live, tmp_path, monkeypatch):
    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backup.os, "replace", refuse)
    with pytest.raises(UserError, match="没有写入权限"):
        backups.take(live, to_dir=tmp_path / "备份")
    assert not list((tmp_path / "备份").glob("*"))


def test_restore_from_the_command_line_sets_a_damaged_file_aside_first(tmp_path, capsys):
    from tests.damage import spoil_fragment_counts

    db_file = tmp_path / "t.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    assert main(["backup", "--db", str(db_file)]) == 0
    copy = next((tmp_path / "backups").glob("*.db"))
    spoil_fragment_counts(db_file)
    damaged = db_file.read_bytes()
    capsys.readouterr()
    assert main(["periods", "--db", str(db_file)]) == 2  # a reader reports it and leaves it be
    assert "已损坏（发现100处问题），未作改动" in capsys.readouterr().err and db_file.read_bytes() == damaged
    assert main(["restore", str(copy), "--db", str(db_file)]) == 0
    assert f"损坏的数据已改名保存为：{tmp_path / 't.db.damaged'}" in capsys.readouterr().out
    assert (tmp_path / "t.db.damaged").read_bytes() == damaged
    assert main(["check", "--db", str(db_file)]) == 0
    db = database.open_database(db_file)
    assert database.counts(db)["people"] == 600
    assert db.execute("SELECT action FROM audit_log ORDER BY id DESC").fetchone()[0] == "恢复备份"
    db.close()
