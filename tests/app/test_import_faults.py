"""The fault suite for imports: `python -m app import-roster` of a 20,000-row list killed with SIGKILL at
random moments leaves all the rows or none and a sound file; a size-capped file fails with a clear message.

Each killed run is classified by what it left: no rows and no pre-import backup (killed while reading,
checking or backing up), no rows but the backup (killed inside the commit transaction: the backup is
taken right before it begins), or every row (killed after the commit).
"""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main
from app.services import database, demo
from app.services.demo_people import generate_people
from app.storage import tables
from tests.writing import writable

pytestmark = pytest.mark.sqlite_only(reason="imports killed while writing a SQLite file, and a size-capped file")

ROOT = Path(__file__).resolve().parents[2]
ROWS = 20_000
KILLED_IN_COMMIT = 16  # runs killed a random moment after the pre-import backup appeared
KILLED_EARLY = 4  # runs killed a random moment after starting
HEADER = ["序号", "姓名", "性别", "出生日期", "身份证号码", "工作单位", "职务", "联系电话"]


@pytest.fixture(scope="module")
def big_import(tmp_path_factory):
    """A demo database (closed, checkpointed) and a 20,000-row list of new people of its units."""
    folder = tmp_path_factory.mktemp("导入 故障")
    template = folder / "模板.db"
    db = writable(template, create=True)
    demo.build_demo(db)
    period = db.execute("SELECT id FROM periods WHERE status = '筹备' ORDER BY id LIMIT 1").fetchone()[0]
    units = tables.units(db).where()
    names = {unit.id: unit.name for unit in units}
    params = dict(demo.load_seed("people.json"), count=ROWS, seed=7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("学员名单")
    sheet.append(HEADER)
    for number, p in enumerate(generate_people(params, units), start=1):
        sheet.append([number, p.name, p.gender, p.birth_date, p.id_number, names[p.unit_id], p.post, p.phone])
    path = folder / "两万人 名单.xlsx"
    book.save(path)
    db.close()
    return template, path, period


def counts(db_file: Path) -> tuple[int, int]:
    db = database.open_database(db_file)
    try:
        found = database.counts(db)
        return found["people"], found["enrollments"]
    finally:
        db.close()


def pre_import_backup(db_file: Path) -> bool:
    folder = db_file.parent / "backups"
    return folder.is_dir() and any(name.endswith("-导入前.db") for name in os.listdir(folder))


def start_import(db_file: Path, path: Path, period: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app", "import-roster", str(path), "--period", str(period),
                             "--db", str(db_file)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def fresh_copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    return Path(shutil.copyfile(template, folder / "培训 数据.db"))


def timed_run(template: Path, path: Path, period: int, folder: Path) -> tuple[Path, float, float]:
    """An import left to finish: seconds until the pre-import backup appears, and from then until a reader
    sees the rows committed (WAL lets it look while the import writes)."""
    db_file = fresh_copy(template, folder)
    target = counts(template)[1] + ROWS
    start = time.perf_counter()
    child = start_import(db_file, path, period)
    while not pre_import_backup(db_file) and child.poll() is None:
        time.sleep(0.001)
    backed_up = time.perf_counter()
    reader = sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)
    while reader.execute("SELECT count(*) FROM enrollments").fetchone()[0] < target and child.poll() is None:
        time.sleep(0.002)
    committed = time.perf_counter()
    reader.close()
    assert child.wait(timeout=60) == 0, child.stderr.read().decode()
    return db_file, backed_up - start, committed - backed_up


def killed_run(template: Path, path: Path, period: int, folder: Path, after_backup: bool, delay: float) -> Path:
    db_file = fresh_copy(template, folder)
    child = start_import(db_file, path, period)
    if after_backup:
        deadline = time.monotonic() + 60
        while not pre_import_backup(db_file) and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stderr.close()
    return db_file


def test_an_import_killed_at_random_moments_leaves_all_rows_or_none(big_import, tmp_path, capsys):
    template, path, period = big_import
    before = counts(template)
    finished, until_backup, committing = timed_run(template, path, period, tmp_path / "不中断")
    assert counts(finished) == (before[0] + ROWS, before[1] + ROWS)
    rng = random.Random(20200511)
    plans = [(True, rng.uniform(0, committing * 1.1)) for _ in range(KILLED_IN_COMMIT)]
    plans += [(False, rng.uniform(0, until_backup)) for _ in range(KILLED_EARLY)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        files = list(pool.map(lambda job: killed_run(template, path, period, tmp_path / f"第{job[0]}次", *job[1]),
                              enumerate(plans)))
    outcomes = Counter()
    for db_file in files:
        backed_up = pre_import_backup(db_file)
        assert main(["check", "--db", str(db_file)]) == 0, capsys.readouterr().out
        found = counts(db_file)
        capsys.readouterr()
        assert main(["periods", "--db", str(db_file)]) == 0
        told = capsys.readouterr().err == f"提示：上次导入（{path.name}）未完成，数据保持导入前的状态\n"
        if found == before:
            outcomes["在提交事务中被终止（未写入）" if backed_up else "读取、检查或备份时被终止（未写入）"] += 1
            assert told or not backed_up, "the next start must tell of an import killed in its transaction"
        else:
            assert found == (before[0] + ROWS, before[1] + ROWS), f"a killed import left part of its rows: {found}"
            outcomes["提交完成后被终止（全部写入）"] += 1
            assert not told, "an import that committed is not reported as unfinished"
    with capsys.disabled():
        print(f"\n{len(files)}次强行终止（提交用时约{committing:.2f}秒）：{dict(outcomes)}")
    assert outcomes["在提交事务中被终止（未写入）"] >= len(files) // 2, outcomes
    # The killed session's lock and journal do not lock the office out: the next import simply runs.
    assert main(["import-roster", str(path), "--period", str(period), "--db", str(files[0])]) == 0
    assert counts(files[0]) == (before[0] + ROWS, before[1] + ROWS)


CAPPED_IMPORT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails with EFBIG instead of killing us
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (cap, cap))
from app.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_an_import_into_a_size_capped_file_fails_clearly_and_loses_nothing(big_import, tmp_path, capsys):
    template, path, period = big_import
    db_file = fresh_copy(template, tmp_path / "受限")
    before = counts(db_file)
    cap = db_file.stat().st_size + 256 * 1024  # room for the backup copy, not for 20,000 new rows
    result = subprocess.run([sys.executable, "-c", CAPPED_IMPORT, str(cap), "import-roster", str(path),
                             "--period", str(period), "--db", str(db_file)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    # SQLite reports a write past the cap as an I/O error, as it would a full disk or a pulled-out USB stick
    assert result.stderr.strip() == "错误：导入未完成，数据未作任何改动：磁盘写入失败（可能磁盘空间不足，或U盘、共享文件夹已断开）"
    assert pre_import_backup(db_file)
    assert counts(db_file) == before
    assert main(["check", "--db", str(db_file)]) == 0
    assert main(["import-roster", str(path), "--period", str(period), "--db", str(db_file)]) == 0  # room again
    assert counts(db_file) == (before[0] + ROWS, before[1] + ROWS)


def test_the_next_command_tells_of_an_import_killed_in_its_transaction(tmp_path, capsys):
    from tests.hours_files import write_xlsx as write_hours
    from tests.killed_import import kill_during_commit
    from tests.roster_files import good_rows, write_xlsx

    db_file = tmp_path / "数据" / "traindesk.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    person = sqlite3.connect(db_file).execute("SELECT name, id_number FROM people LIMIT 1").fetchone()
    hours_file = write_hours(tmp_path / "网络 学院.xlsx", [[1, *person, 4, "2020-05-01", "中国干部网络学院", "课"]])
    for args, name in ((["import-roster", write_xlsx(tmp_path / "县委办 名单.xlsx", good_rows(5))], "县委办 名单.xlsx"),
                       (["import-hours", hours_file], "网络 学院.xlsx")):
        before = counts(db_file), hours_count(db_file)
        kill_during_commit(*args, "--db", db_file, folder=tmp_path)
        capsys.readouterr()
        assert main(["periods", "--db", str(db_file)]) == 0
        assert capsys.readouterr().err == f"提示：上次导入（{name}）未完成，数据保持导入前的状态\n"
        assert (counts(db_file), hours_count(db_file)) == before
        assert main(["periods", "--db", str(db_file)]) == 0
        assert capsys.readouterr().err == ""  # told once


def hours_count(db_file: Path) -> int:
    connection = sqlite3.connect(db_file)
    try:
        return connection.execute("SELECT count(*) FROM hours_records").fetchone()[0]
    finally:
        connection.close()


def test_an_import_that_committed_is_not_reported_even_when_its_note_was_left(tmp_path, capsys):
    """Killed between COMMIT and removing its note; the file is named after a person (masked in the log)."""
    import json
    import socket

    from tests.app.test_lock import dead_pid
    from tests.roster_files import good_rows, write_xlsx

    db_file = tmp_path / "traindesk.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    last = sqlite3.connect(db_file).execute("SELECT max(id) FROM audit_log").fetchone()[0]
    rows = good_rows(2)
    path = write_xlsx(tmp_path / f"{rows[0][5]} 名单.xlsx", rows)
    assert main(["import-roster", str(path), "--db", str(db_file)]) == 0
    note = tmp_path / "traindesk.db.importing"
    note.write_text(json.dumps({"file": path.name, "started": 0, "computer": socket.gethostname(),
                                "pid": dead_pid(), "audit_after": last}), encoding="utf-8")
    capsys.readouterr()
    assert main(["periods", "--db", str(db_file)]) == 0
    assert capsys.readouterr().err == "" and not note.exists()
