"""A database where nothing can be written (a CD, a write-protected USB stick, a share without write rights):
every reading command works, `check` reports, writing commands say why they cannot run."""
import re
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.storage.filesystem import file_uri, uri_of_absolute
from tests.read_only_mount import app_command, needs_read_only_mount

pytestmark = pytest.mark.sqlite_only(reason="SQLite files on read-only media")


@pytest.fixture
def on_a_cd(tmp_path, capsys) -> Path:
    """The demo office closed cleanly, so only the .db file is there (WAL mode, no -wal or -shm)."""
    db_file = tmp_path / "光盘 2020" / "培训 数据.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    capsys.readouterr()
    assert sorted(p.name for p in db_file.parent.iterdir()) == ["培训 数据.db"]
    return db_file


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@needs_read_only_mount
def test_reading_commands_work_and_writing_ones_say_why_not(on_a_cd):
    folder, before = on_a_cd.parent, contents(on_a_cd.parent)
    periods = app_command(folder, "periods", "--db", on_a_cd)
    assert periods.returncode == 0, periods.stderr
    assert len(periods.stdout.splitlines()) == 36 and periods.stderr == ""
    people = app_command(folder, "people", "--search", "王", "--db", on_a_cd)
    assert people.returncode == 0 and "*" in people.stdout
    check = app_command(folder, "check", "--db", on_a_cd)
    assert (check.returncode, check.stdout.strip(), check.stderr) == (0, "数据库完好", "")
    refused = app_command(folder, "people", "--full-id", "--db", on_a_cd)
    assert refused.returncode == 2
    assert refused.stderr.startswith("错误：people 要修改数据，但“培训 数据.db”或其所在文件夹是只读的") and "Traceback" not in refused.stderr
    backup = app_command(folder, "backup", "--db", on_a_cd)
    assert backup.returncode == 2 and "没有写入权限" in backup.stderr and "Traceback" not in backup.stderr
    assert contents(folder) == before


@needs_read_only_mount
def test_a_copy_taken_with_its_wal_and_index_is_read_whole(on_a_cd):
    """Copied while the window had it open: the -wal and -shm files came along and hold the latest rows."""
    writer = sqlite3.connect(on_a_cd)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE people SET notes = '最新' WHERE id = 1")
    writer.commit()
    assert Path(f"{on_a_cd}-wal").stat().st_size > 0
    result = app_command(on_a_cd.parent, "people", "--json", "--db", on_a_cd)
    writer.close()
    assert result.returncode == 2  # --json writes the audit log
    result = app_command(on_a_cd.parent, "people", "--search", "最新", "--db", on_a_cd)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1


@needs_read_only_mount
def test_a_share_with_the_rollback_journal_is_read_too(on_a_cd):
    connection = sqlite3.connect(on_a_cd)
    connection.execute("PRAGMA journal_mode = delete")
    connection.close()
    result = app_command(on_a_cd.parent, "classes", "--db", on_a_cd)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 24


@needs_read_only_mount
def test_check_reports_a_damaged_file_on_a_cd(on_a_cd):
    data = bytearray(on_a_cd.read_bytes())
    for page in range(1, len(data) // 4096):
        if data[page * 4096] in (0x02, 0x05, 0x0A, 0x0D):  # a b-tree page: spoil its fragment count
            data[page * 4096 + 7] = 9
    on_a_cd.write_bytes(bytes(data))
    result = app_command(on_a_cd.parent, "check", "--db", on_a_cd)
    assert result.returncode == 1 and re.match(r"数据库有问题：(Fragmentation|Page \d+: free space)", result.stdout) and result.stderr == ""
    assert "……（共100处）。" in result.stdout and len(result.stdout.splitlines()) == 1
    result = app_command(on_a_cd.parent, "periods", "--db", on_a_cd)
    assert result.returncode == 2 and "已损坏（发现100处问题），未作改动" in result.stderr


def test_file_uris_quote_every_name_and_know_windows_paths(tmp_path):
    assert uri_of_absolute("/home/科 员/a#1?.db", {"mode": "ro"}) == (
        "file:///home/%E7%A7%91%20%E5%91%98/a%231%3F.db?mode=ro")
    assert uri_of_absolute(r"C:\培训\traindesk.db", {"mode": "ro", "immutable": 1}, windows=True) == (
        "file:///C:/%E5%9F%B9%E8%AE%AD/traindesk.db?mode=ro&immutable=1")
    assert uri_of_absolute(r"\\财务科-PC\共享\a.db", windows=True) == (
        "file:////%E8%B4%A2%E5%8A%A1%E7%A7%91-PC/%E5%85%B1%E4%BA%AB/a.db")
    path = tmp_path / "干部 培训#1" / "数据?.db"
    path.parent.mkdir()
    sqlite3.connect(path).execute("CREATE TABLE t (x)")
    connection = sqlite3.connect(file_uri(path, {"mode": "ro"}), uri=True)
    assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    connection.close()


def test_on_windows_a_folder_is_asked_by_creating_a_file_in_it(tmp_path, monkeypatch):
    from app.storage import filesystem

    monkeypatch.setattr(filesystem.sys, "platform", "win32")  # where os.access knows only the attribute
    assert filesystem.is_writable(tmp_path / "a.db") and list(tmp_path.iterdir()) == []
    assert not filesystem.is_writable(tmp_path / "拔掉的U盘" / "a.db")
