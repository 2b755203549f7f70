"""The command line, called as the office's scripts call it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.app.test_demo import seed_004_classes
from tests.cli import run

ROOT = Path(__file__).resolve().parents[2]


def test_classes_json_lists_both_seeds(capsys, demo_path):
    code, out, _ = run(capsys, "classes", "--db", demo_path, "--json")
    names = [c["name"] for c in json.loads(out)]
    assert code == 0
    assert [name for name, _ in seed_004_classes()] == [n for n in names if n in dict(seed_004_classes())]
    for name in ("县管领导干部赴市外高校（培训机构）专题班", "县管领导干部学习贯彻党的十九届四中全会精神专题班",
                 "县管副职领导干部进修班", "中青年干部培训班", "科级干部培训班", "选调生培训班"):
        assert name in names
    first = json.loads(out)[0]
    assert {"plan", "kind", "focus", "planned_periods", "planned_trainees", "periods", "contacts"} <= set(first)


def test_plans_periods_and_people(capsys, demo_path):
    _, out, _ = run(capsys, "plans", "--db", demo_path, "--json")
    county = json.loads(out)[0]
    assert len(county["sections"]) == 6 and sum(len(s["items"]) for s in county["sections"]) == 22
    _, out, _ = run(capsys, "periods", "--db", demo_path, "--json")
    periods = json.loads(out)
    assert {"id", "class_name", "number", "start", "end", "enrolled"} <= set(periods[0])
    assert sum(p["enrolled"] for p in periods) > 100
    _, out, _ = run(capsys, "people", "--db", demo_path)
    assert all(line.split("\t")[-1][6:14] == "********" for line in out.splitlines())  # a console list is masked
    _, out, _ = run(capsys, "people", "--db", demo_path, "--json")  # tools get the ID numbers, and it is logged
    everyone = json.loads(out)
    assert len(everyone) == 600 and len(everyone[0]["id_number"]) == 18 and "*" not in everyone[0]["id_number"]
    someone = everyone[17]
    _, out, _ = run(capsys, "people", "--db", demo_path, "--json", "--search", someone["id_number"])
    assert [p["name"] for p in json.loads(out)] == [someone["name"]]


def test_check_and_backup(capsys, demo_path, tmp_path):
    assert run(capsys, "check", "--db", demo_path)[0] == 0
    code, out, _ = run(capsys, "backup", "--db", demo_path, "--to", tmp_path / "备份")
    assert code == 0 and list((tmp_path / "备份").glob("*.db"))


def test_failures_exit_2_with_a_chinese_reason(capsys, demo_path, tmp_path):
    code, _, err = run(capsys, "init", "--db", demo_path, "--demo")
    assert code == 2 and "已有数据" in err
    code, _, err = run(capsys, "classes", "--db", tmp_path / "无.db")
    assert code == 2 and err.startswith("错误：找不到数据库文件")


def test_default_database_lives_in_the_user_data_folder(capsys, home):
    assert run(capsys, "init")[0] == 0
    assert (home / "traindesk.db").is_file()


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_a_narrow_console_does_not_crash_on_chinese(demo_path, encoding):
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    result = subprocess.run([sys.executable, "-m", "app", "classes", "--db", str(demo_path)],
                            cwd=ROOT, env=env, capture_output=True)
    assert result.returncode == 0, result.stderr.decode(encoding, "replace")
    assert len(result.stdout.decode(encoding, "replace").splitlines()) == 24  # 22 planned classes, 2 units' own
