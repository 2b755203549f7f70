"""Fuzzing the import through the command line: 240 broken files from a fixed seed (tests/fuzz_files.py),
each through `import-roster FILE --dry-run` (every third also through `import-hours --dry-run`).

Every one ends with exit 0, 2 or 3; exit 2 is one line in Chinese on stderr, never a traceback, never the
parsers' English, and never the internal-error safety net (which would mean a parser failure nobody
mapped); the database file is byte for byte what it was. A few files go through a real `python -m app`
too, so that nothing a native parser prints reaches a real console.
"""
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.services.safety.error_log import INTERNAL_ERROR
from tests import fuzz_files
from tests.writing import writable

COUNT = 240
ROOT = Path(__file__).resolve().parents[2]
INTERNAL = INTERNAL_ERROR.split("；")[0]
# words the messages may hold in Latin letters: programs and formats the office knows by name
ALLOWED = re.compile(r"Excel|WPS|Unicode|UTF|GBK|CSV|XML|xlsx|xlsm|xls|csv|txt|MB")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def fuzz_cases(tmp_path_factory) -> list[fuzz_files.Case]:
    return fuzz_files.cases(tmp_path_factory.mktemp("seeds"), COUNT)


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "fuzz.db"
    writable(path, create=True).close()
    return path


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_output(code: int, out: str, err: str, name: str) -> list[str]:
    """What is wrong with one run's result, as a list of complaints (empty when all is well)."""
    problems = []
    if code not in (0, 2, 3):
        problems.append(f"exit {code}")
    if "Traceback" in out + err:
        problems.append("a traceback")
    if code == 2:
        lines = err.strip().splitlines()
        text = err.replace(name, "").replace(Path(name).stem, "")
        if len(lines) != 1 or not lines[0].startswith("错误：") or not CJK.search(text):
            problems.append(f"not one Chinese line: {err!r}")
        if INTERNAL in err:
            problems.append(f"the safety net fired (an unmapped parser failure, see the error log): {err!r}")
        if english := re.search(r"[A-Za-z]{4,}", ALLOWED.sub("", text)):
            problems.append(f"English {english.group()!r} in {err!r}")
    else:
        if err.strip():
            problems.append(f"stderr on exit {code}: {err!r}")
        if "共0行" in out:
            problems.append("a file with no rows reported as imported")
    return problems


@pytest.mark.parametrize("index", range(COUNT))
def test_a_broken_file_ends_in_0_2_or_3_with_one_chinese_line(index, fuzz_cases, db_file, tmp_path, capsys):
    case = fuzz_cases[index]
    path = tmp_path / case.name
    path.write_bytes(case.data)
    before = fingerprint(db_file)
    commands = ["import-roster", "import-hours"] if index % 3 == 0 else ["import-roster"]
    for command in commands:
        code = main([command, str(path), "--dry-run", "--db", str(db_file)])
        out, err = capsys.readouterr()
        problems = check_output(code, out, err, case.name)
        assert not problems, f"{case.how} through {command}: {problems}"
    assert fingerprint(db_file) == before, f"{case.how}: a dry run changed the database"


def test_the_generator_covers_every_kind_of_damage(fuzz_cases):
    """The seed reaches each mutation of each kind of file and each file made from nothing."""
    hows = {case.how for case in fuzz_cases}
    for mutation, _ in fuzz_files.MUTATIONS:
        assert any(how.startswith(mutation) for how in hows), mutation
    for maker, _ in fuzz_files.MAKERS:
        assert maker in hows, maker
    assert {Path(case.name).suffix for case in fuzz_cases} == {".xlsx", ".xls", ".csv", ".txt"}
    # empty files and huge cells (three sizes of three characters) repeat by design; a deleted part or a
    # changed value can come out the same twice
    made = [case.data for case in fuzz_cases if case.how not in ("nothing", "huge cell")]
    assert len(set(made)) > len(made) * 0.9


def run_app(*args, encoding: str = "utf-8", home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, TRAINDESK_HOME=str(home), PYTHONIOENCODING=encoding)
    env.pop("RUST_BACKTRACE", None)
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, env=env, capture_output=True,
                          timeout=120)


def test_a_real_console_sees_one_line_and_never_the_parsers(tmp_path, db_file):
    """A handful of the worst files through `python -m app`: a Rust panic in the parser (an impossible
    date) prints its English straight to the process's stderr unless the reader keeps it off."""
    from tests.app.test_damaged_files import csv_with_huge_field, impossible_date, spoiled_zip_data, truncated_xls

    before = fingerprint(db_file)
    files = [impossible_date(tmp_path), spoiled_zip_data(tmp_path), truncated_xls(tmp_path),
             csv_with_huge_field(tmp_path)]
    for path in files:
        done = run_app("import-roster", path, "--dry-run", "--db", db_file, home=tmp_path / "home")
        out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
        assert not check_output(done.returncode, out, err, path.name), (path.name, err)
        assert done.returncode in (2, 3), (path.name, err)
    # a Chinese Windows console is GBK: a name it cannot show is replaced, never a crash
    odd_name = files[0].rename(files[0].with_name("名单😀.xlsx"))
    done = run_app("import-roster", odd_name, "--dry-run", "--db", db_file, encoding="gbk", home=tmp_path / "home")
    err = done.stderr.decode("gbk")
    assert done.returncode == 2 and err.strip() == "错误：“名单?.xlsx”不完整或已损坏（可能下载、复制时中断），请让单位重新发送", err
    assert fingerprint(db_file) == before
