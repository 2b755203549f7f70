"""Fuzzing import-timetable: broken timetables (the real files the tests write, spoiled the ways
tests/fuzz_files.py spoils lists: bytes flipped, cut short, parts of the workbook deleted, extreme values in
the date and hours cells, NULs) and files made from nothing, each through `import-timetable --dry-run`.
Each ends in exit 0, 2 or 3, exit 2 as one Chinese line; the database file stays byte for byte the same."""
import random
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.services import database
from tests import fuzz_files
from tests.app.test_fuzz_import import check_output, fingerprint
from tests.timetable_files import open_period, week, write_csv, write_xls, write_xlsx

COUNT = 60


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, int, date]:
    from app.services import demo as demo_office

    path = tmp_path_factory.mktemp("db") / "fuzz.db"
    with database.writing(path, create=True) as db:
        demo_office.build_demo(db)
        period = open_period(db)
    return path, period.id, date.fromisoformat(period.start_date)


@pytest.fixture(scope="module")
def cases(tmp_path_factory, demo) -> list[fuzz_files.Case]:
    folder = tmp_path_factory.mktemp("seeds")
    rows = week(demo[2])
    originals = {name: path.read_bytes() for name, path in (
        ("timetable.xlsx", write_xlsx(folder / "t.xlsx", rows)), ("timetable.xls", write_xls(folder / "t.xls", rows)),
        ("timetable.csv", write_csv(folder / "t.csv", rows)))}
    rng, found = random.Random(17), []
    for index in range(COUNT):
        if index % 3:
            source = rng.choice(sorted(originals))
            how, mutate = rng.choice(fuzz_files.MUTATIONS)
            if how in ("member", "values") and not source.endswith(".xlsx"):
                how, mutate = "flipped", fuzz_files.flipped
            found.append(fuzz_files.Case(f"课程表{index}{Path(source).suffix}", mutate(rng, originals[source]),
                                         f"{how} {source}"))
        else:
            how, make = rng.choice(fuzz_files.MAKERS)
            suffix, data = make(rng)
            found.append(fuzz_files.Case(f"课程表{index}{suffix}", data, how))
    return found


@pytest.mark.parametrize("index", range(COUNT))
def test_a_broken_timetable_ends_in_0_2_or_3_with_one_chinese_line(index, cases, demo, tmp_path, capsys):
    db_file, period_id, _ = demo
    case = cases[index]
    path = tmp_path / case.name
    path.write_bytes(case.data)
    before = fingerprint(db_file)
    code = main(["import-timetable", str(path), "--period", str(period_id), "--dry-run", "--db", str(db_file)])
    out, err = capsys.readouterr()
    problems = check_output(code, out, err, case.name)
    assert not problems, f"{case.how}: {problems}"
    assert fingerprint(db_file) == before, f"{case.how}: a dry run changed the database"
