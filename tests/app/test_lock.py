"""One writer per database: the lock file beside it."""
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.storage.lock import DatabaseLock, DatabaseLocked, lock_path, read_lock

pytestmark = pytest.mark.sqlite_only(reason="the one-writer lock of a SQLite file (a server has none)")

ROOT = Path(__file__).resolve().parents[2]


def write_lock(db_file: Path, **fields) -> None:
    info = dict(computer=socket.gethostname(), user="张三", pid=999_999, started=time.time(), heartbeat=time.time())
    info.update(fields)
    lock_path(db_file).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_acquire_writes_who_holds_it_and_release_removes_it(tmp_path):
    db_file = tmp_path / "办公 室.db"
    lock = DatabaseLock.acquire(db_file)
    info = read_lock(lock_path(db_file))
    assert (info.computer, info.pid) == (socket.gethostname(), __import__("os").getpid())
    lock.release()
    assert not lock_path(db_file).exists()


def test_a_live_second_program_on_this_computer_is_refused(tmp_path):
    db_file = tmp_path / "a.db"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(db_file, pid=holder.pid)
        with pytest.raises(DatabaseLocked, match="本机已有") as caught:
            DatabaseLock.acquire(db_file)
        assert caught.value.same_computer
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_of_a_dead_process_on_this_computer_is_taken_over_at_once(tmp_path):
    db_file = tmp_path / "a.db"
    write_lock(db_file, pid=dead_pid())
    lock = DatabaseLock.acquire(db_file)
    assert read_lock(lock_path(db_file)).pid == lock.info.pid


def test_another_computer_with_a_live_heartbeat_offers_read_only(tmp_path):
    db_file = tmp_path / "a.db"
    write_lock(db_file, computer="财务科-PC", user="李四")
    with pytest.raises(DatabaseLocked) as caught:
        DatabaseLock.acquire(db_file, take_over_stale=True)
    assert str(caught.value).startswith("数据库正被 财务科-PC 上的 李四 使用")
    assert not caught.value.stale


def test_a_stale_lock_from_another_computer_is_taken_over_only_when_confirmed(tmp_path):
    db_file = tmp_path / "a.db"
    write_lock(db_file, computer="财务科-PC", heartbeat=time.time() - 600)
    with pytest.raises(DatabaseLocked) as caught:
        DatabaseLock.acquire(db_file)
    assert caught.value.stale and "没有响应" in str(caught.value)
    lock = DatabaseLock.acquire(db_file, take_over_stale=True)
    assert read_lock(lock_path(db_file)).computer == socket.gethostname()
    lock.release()


def test_a_half_written_lock_file_does_not_lock_the_office_out(tmp_path):
    db_file = tmp_path / "a.db"
    lock_path(db_file).write_text("{\"computer\": ", encoding="utf-8")
    lock = DatabaseLock.acquire(db_file)
    assert read_lock(lock_path(db_file)) == lock.info  # the broken file was replaced by ours
    lock.release()
    assert not lock_path(db_file).exists()


def test_heartbeat(tmp_path):
    lock = DatabaseLock.acquire(tmp_path / "a.db")
    before = read_lock(lock.path).heartbeat
    time.sleep(0.01)
    lock.beat()
    assert read_lock(lock.path).heartbeat > before


def test_command_line_writes_wait_for_the_lock_but_reads_do_not(tmp_path, capsys):
    db_file = tmp_path / "a.db"
    assert main(["init", "--db", str(db_file)]) == 0
    write_lock(db_file, computer="财务科-PC", user="李四")
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "x.db"), "--db", str(db_file)]) == 2
    assert "数据库正被 财务科-PC 上的 李四 使用" in capsys.readouterr().err
    assert main(["check", "--db", str(db_file)]) == 0


def test_the_command_line_says_who_holds_the_database_and_what_to_do(tmp_path, capsys):
    db_file = tmp_path / "a.db"
    assert main(["init", "--db", str(db_file)]) == 0
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        told = {}
        for name, fields in (("window", dict(pid=holder.pid, program="窗口")),
                             ("command", dict(pid=holder.pid, program="命令 import-roster")),
                             ("elsewhere", dict(computer="财务科-PC", user="李四", program="窗口")),
                             ("stale", dict(computer="财务科-PC", user="李四", heartbeat=time.time() - 600))):
            write_lock(db_file, **fields)
            capsys.readouterr()
            assert main(["people", "--full-id", "--db", str(db_file)]) == 2
            told[name] = capsys.readouterr().err
            assert told[name].startswith("错误：people 要修改数据，现在不能运行：数据库正被 ")
            assert "只读的命令（如 periods、people、check）可以照常运行" in told[name] and "切换" not in told[name]
            assert main(["people", "--db", str(db_file)]) == 0  # reading goes on meanwhile
    finally:
        holder.kill()
        holder.wait()
    assert "是本机上打开的本程序窗口。请先关闭那个窗口再运行。" in told["window"]
    assert "是本机上正在运行的命令 import-roster。请等它完成后再运行。" in told["command"]
    assert "财务科-PC 上的 李四 使用" in told["elsewhere"] and "（窗口）。请等 李四 关闭本程序后再运行" in told["elsewhere"]
    assert "超过两分钟没有响应" in told["stale"] and "接管并打开" in told["stale"]


def test_the_window_is_told_when_a_command_holds_the_database(tmp_path):
    db_file = tmp_path / "a.db"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(db_file, pid=holder.pid, program="命令 import-hours")
        with pytest.raises(DatabaseLocked, match="本机上正在运行的命令 import-hours正在修改此数据库，请等它完成后再打开"):
            DatabaseLock.acquire(db_file)
    finally:
        holder.kill()
        holder.wait()


def test_lock_files_with_fields_of_a_later_version_are_still_read(tmp_path):
    db_file = tmp_path / "a.db"
    write_lock(db_file, computer="财务科-PC", user="李四", extra="later")
    assert read_lock(lock_path(db_file)).user == "李四"
