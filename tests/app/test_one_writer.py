"""The one-writer rule for every command: while another program (here a window in another process) holds
the database, every command that reads works and every command that writes anything (data, certificate
numbers, the audit log) is refused with who holds it and what to do, and the database stays as it was."""
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app import cli
from app.cli import main
from app.storage.filesystem import file_uri
from tests import server
from tests.evaluation_files import filled_demo_form
from tests.funds_files import good_rows as good_rows_of_expenses
from tests.funds_files import write_xlsx as write_expenses
from tests.hours_files import write_xlsx as write_hours
from tests.roster_files import good_rows, write_xlsx
from tests.survey_files import fill
from tests.timetable_files import week
from tests.timetable_files import write_xlsx as write_timetable
from tests.unit_class_files import trainee_rows
from tests.unit_class_files import write_xlsx as write_unit_class

ROOT = Path(__file__).resolve().parents[2]

HOLD_LIKE_A_WINDOW = """
import sys, time
from pathlib import Path
from app.services import database
from app.storage.lock import DatabaseLock
path = Path(sys.argv[1])
lock = DatabaseLock.acquire(path)
db = database.open_database(path, lock=lock)
print("ready", flush=True)
time.sleep(120)
"""


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A demo database with a backup and the files the commands need; a window in another process holds it."""
    folder = tmp_path_factory.mktemp("一个 写入者")
    db_file = folder / "培训 数据.db"
    assert main(["init", "--db", str(db_file), "--demo"]) == 0
    assert main(["backup", "--db", str(db_file)]) == 0
    reader = sqlite3.connect(db_file)
    completed = reader.execute("SELECT period_id FROM enrollments WHERE status = '结业' LIMIT 1").fetchone()[0]
    preparing, starts = reader.execute("SELECT id, start_date FROM periods WHERE status = '筹备' ORDER BY id LIMIT 1").fetchone()
    person = reader.execute("SELECT name, id_number FROM people ORDER BY id LIMIT 1").fetchone()
    unit = reader.execute("SELECT unit_id FROM people ORDER BY id LIMIT 1").fetchone()[0]
    reader.close()
    evaluation = filled_demo_form(folder, completed, db_file)
    files = {"evaluation": evaluation, "backup": next((folder / "backups").glob("*.db")), "roster": write_xlsx(folder / "名单.xlsx", good_rows(3)),
             "hours": write_hours(folder / "学时.xlsx", [[1, *person, 4, date(2020, 5, 1), "中国干部网络学院", "课程"]]),
             "completed": completed, "preparing": preparing, "out": folder / "输出", "unit": unit,
             "unit_class": write_unit_class(folder / "自办班.xlsx", trainee_rows([person])),
             "timetable": write_timetable(folder / "课程表.xlsx", week(date.fromisoformat(starts))),
             "expenses": write_expenses(folder / "支出.xlsx", good_rows_of_expenses())}
    assert main(["survey-template", "--year", "2021", "-o", str(folder / "调研表.xlsx"), "--db", str(db_file)]) == 0
    files["survey"] = fill(folder / "调研表.xlsx", folder / "县委宣传部调研表.xlsx", "县委宣传部",
                           {"领导干部政德教育": {"people": {"公务员": 3}, "months": ("3月",)}})
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LIKE_A_WINDOW, str(db_file)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    yield db_file, files
    holder.kill()
    holder.wait()


# Every command, with the arguments that decide whether it writes: id -> (writes, its arguments).
CASES = {
    "init": (True, lambda f: []),
    "init --demo": (True, lambda f: ["--demo"]),
    "plans": (False, lambda f: ["--json"]),
    "classes": (False, lambda f: []),
    "periods": (False, lambda f: ["--json"]),
    "lecturers": (False, lambda f: ["--json"]),
    "bases": (False, lambda f: ["--json"]),
    "people": (False, lambda f: ["--search", "王"]),
    "people --full-id": (True, lambda f: ["--full-id"]),
    "people --json": (True, lambda f: ["--json"]),  # the office's tools get full ID numbers: logged
    "check": (False, lambda f: []),
    "backup": (False, lambda f: ["--to", f["out"] / "备份"]),
    "restore": (True, lambda f: [f["backup"]]),
    "import-roster --dry-run": (False, lambda f: [f["roster"], "--dry-run"]),
    "import-roster": (True, lambda f: [f["roster"], "--period", f["preparing"]]),
    "export-roster": (True, lambda f: ["--period", f["completed"], "-o", f["out"] / "名单.xlsx"]),  # logged
    "template": (False, lambda f: ["-o", f["out"] / "模板.xlsx"]),
    "hours": (False, lambda f: ["--year", "2020"]),
    "behind": (False, lambda f: ["--year", "2020", "--json"]),
    "print certificates": (True, lambda f: ["certificates", "-o", f["out"] / "证书.pdf", "--period", f["completed"]]),
    "print sign-in": (True, lambda f: ["sign-in", "-o", f["out"] / "签到表.pdf", "--period", f["completed"]]),
    "calendar": (False, lambda f: ["--year", "2020", "--ics", f["out"] / "日历.ics"]),
    "import-hours --dry-run": (False, lambda f: [f["hours"], "--dry-run"]),
    "import-hours": (True, lambda f: [f["hours"]]),
    "timetable": (False, lambda f: ["--period", f["completed"], "--json"]),
    "import-timetable --dry-run": (False, lambda f: [f["timetable"], "--period", f["preparing"], "--dry-run"]),
    "import-timetable": (True, lambda f: [f["timetable"], "--period", f["preparing"], "--replace"]),
    "stats": (False, lambda f: ["--year", "2020", "--json"]),
    "import-unit-class --dry-run": (False, lambda f: [f["unit_class"], "--unit", f["unit"], "--dry-run"]),
    "import-unit-class": (True, lambda f: [f["unit_class"], "--unit", f["unit"]]),
    "make-up": (False, lambda f: ["--json", "--waived"]),
    "make-up --link": (True, lambda f: ["--link", "1", "--period", f["preparing"]]),
    "make-up --waive": (True, lambda f: ["--waive", "1", "--reason", "已退休"]),
    "make-up --unwaive": (True, lambda f: ["--unwaive", "1"]),
    "make-up --unlink": (True, lambda f: ["--unlink", "1"]),
    "print makeup-notice": (True, lambda f: ["makeup-notice", "-o", f["out"] / "补训通知.pdf", "--year", "2020"]),
    "print record": (True, lambda f: ["record", "-o", f["out"] / "培训档案.pdf", "--person", "1"]),
    "funds --period": (False, lambda f: ["--period", f["completed"], "--json"]),
    "funds --year": (False, lambda f: ["--year", "2020"]),
    "add-expense": (True, lambda f: ["--period", f["completed"], "--item", "住宿费", "--amount", "100"]),
    "import-expenses --dry-run": (False, lambda f: [f["expenses"], "--period", f["completed"], "--dry-run"]),
    "import-expenses": (True, lambda f: [f["expenses"], "--period", f["completed"]]),
    "evaluation-template": (True, lambda f: ["--period", f["completed"], "-o", f["out"] / "评估问卷.xlsx"]),
    "import-evaluation --dry-run": (False, lambda f: [f["evaluation"], "--period", f["completed"], "--dry-run"]),
    "import-evaluation": (True, lambda f: [f["evaluation"], "--period", f["completed"]]),
    "evaluation --period": (False, lambda f: ["--period", f["completed"], "--json"]),
    "evaluation --year": (False, lambda f: ["--year", "2020"]),
    "print evaluation-form": (True, lambda f: ["evaluation-form", "-o", f["out"] / "评估问卷.pdf", "--period", f["completed"]]),
    "print evaluation-report": (True, lambda f: ["evaluation-report", "-o", f["out"] / "评估报告.pdf", "--period", f["completed"]]),
    "survey-template": (False, lambda f: ["--year", "2021", "-o", f["out"] / "调研表.xlsx"]),
    "import-survey --dry-run": (False, lambda f: [f["survey"], "--year", "2021", "--dry-run"]),
    "import-survey": (True, lambda f: [f["survey"], "--year", "2021"]),
    "survey": (False, lambda f: ["--year", "2021", "--json"]),
    "migrate-to": (False, lambda f: [f["server"]]),  # reads the file; writes an empty server database
}


def dump(db_file: Path) -> list[str]:
    connection = sqlite3.connect(file_uri(db_file, {"mode": "ro"}), uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_every_command_is_classified():
    commands = set(cli._parser()._subparsers._group_actions[0].choices)
    assert commands == {case.split()[0] for case in CASES}, "a new command needs its case here: does it write?"


@pytest.mark.parametrize("case", list(CASES))
def test_while_a_window_holds_the_database_reads_work_and_writes_are_refused(office, case, capsys, request):
    db_file, files = office
    command, (writes, arguments) = case.split()[0], CASES[case]
    if command == "migrate-to":
        if not server.on_server():
            pytest.skip("migrate-to needs a PostgreSQL server (TRAINDESK_TEST_POSTGRES)")
        files = {**files, "server": request.getfixturevalue("server_databases").empty()}
    argv = [command, *map(str, arguments(files)), "--db", str(db_file)]
    assert cli.writes(cli._parser().parse_args(argv)) is writes
    before = dump(db_file)
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    if writes:
        assert code == 2 and out == ""
        assert err.startswith(f"错误：{command} 要修改数据，现在不能运行：数据库正被 ")
        assert "是本机上打开的本程序窗口。请先关闭那个窗口再运行。" in err and "只读的命令" in err and "--db" in err
        assert "切换到那个窗口" not in err
    else:
        assert code == 0, err
        assert "错误" not in err
    assert dump(db_file) == before


def test_a_command_that_writes_without_saying_so_is_refused_by_sqlite(demo_file, monkeypatch, capsys):
    monkeypatch.setattr(cli, "writes", lambda args: False)  # as if the flag had been forgotten
    before = dump(demo_file)
    assert main(["people", "--full-id", "--db", str(demo_file)]) == 2
    assert capsys.readouterr().err.startswith("错误：people 试图修改数据库，但它是以只读方式运行的")
    period = sqlite3.connect(demo_file).execute("SELECT period_id FROM enrollments WHERE status = '结业'").fetchone()[0]
    assert main(["print", "certificates", "-o", str(demo_file.parent / "证书.pdf"), "--period", str(period),
                 "--db", str(demo_file)]) == 2
    assert "只读打开时不能发放新的结业证书编号" in capsys.readouterr().err
    assert dump(demo_file) == before
