"""Importing a 20,000-row list end to end (read, check every row, commit into a period) against
python-calamine only reading the same file, in one run. Targets: at most 2 times the read (issue 3), and
at most 1.5 times in the project's benchmark table (issue 8), which is the one bench/run.py checks.

Also measured, to show where the floor lies: the lean prototype issue 3 speaks of (read, check digits,
insert people and enrollments), run against the real tables with their indexes and foreign keys.
Run: python bench/bench_import.py
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from app.domain.idcard import check_digit  # noqa: E402
from app.services import database, demo  # noqa: E402
from app.services.demo_people import generate_people  # noqa: E402
from app.services.importing.pipeline import import_file
from app.services.importing.plan import ImportOptions
from app.storage import tables  # noqa: E402
from bench.common import interleaved  # noqa: E402

ROWS = 20_000
RUNS = 7
TARGET = 2.0
TABLE_TARGET = 1.5
HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "身份证号码", "工作单位", "职务", "职级", "干部类别",
          "政治面貌", "学历", "联系电话", "重点难点问题或典型案例"]


def write_list(path: Path, db) -> None:
    """A unit list as offices send it: a title row, the header, then ROWS people of the demo's units."""
    units = tables.units(db).where()
    names = {unit.id: unit.name for unit in units}
    params = dict(demo.load_seed("people.json"), count=ROWS, seed=11)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("学员名单")
    sheet.append(["2020年科级干部培训班学员名单"])
    sheet.append(HEADER)
    for number, p in enumerate(generate_people(params, units), start=1):
        sheet.append([number, p.name, p.gender, p.ethnicity, p.birth_date, p.id_number, names[p.unit_id], p.post,
                      p.rank, p.cadre_category, p.political_status, p.education, p.phone, "如何提升基层治理效能"])
    book.save(path)


def bare_read(path: Path) -> float:
    start = time.perf_counter()
    CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return time.perf_counter() - start


def fresh_copy(template: Path, work: Path):
    """The demo database copied afresh, and the period each run imports into."""
    shutil.copyfile(template, work)
    db = database.open_locked(work)
    return db, db.execute("SELECT id FROM periods WHERE status = '筹备' ORDER BY id LIMIT 1").fetchone()[0]


def timed_import(template: Path, work: Path, path: Path, *, period: bool, dry_run: bool = False) -> float:
    db, period_id = fresh_copy(template, work)
    options = ImportOptions(mode="add-update", period_id=period_id if period else None)
    start = time.perf_counter()
    plan, result = import_file(db, path, options, dry_run=dry_run)
    elapsed = time.perf_counter() - start
    assert plan.count("add") == ROWS and (dry_run or result.added == ROWS), plan.summary()
    db.close()
    return elapsed


def lean_import(template: Path, work: Path, path: Path) -> float:
    """Read, keep rows whose check digit is right, insert them as people and enrol them: nothing else."""
    db, period_id = fresh_copy(template, work)
    start = time.perf_counter()
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[2:]
    good = [row for row in rows if check_digit(row[5][:17]) == row[5][17]]
    with db.atomic():
        top = db.execute("SELECT coalesce(max(id), 0) FROM people").fetchone()[0]
        db.conn.executemany("INSERT INTO people (id, name, gender, ethnicity, birth_date, id_number, post, rank, phone)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            ((top + n, *row[1:6], row[7], row[8], row[12]) for n, row in enumerate(good, start=1)))
        db.conn.executemany("INSERT INTO enrollments (period_id, person_id) VALUES (?, ?)",
                            ((period_id, top + n) for n in range(1, len(good) + 1)))
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


BASELINE = "calamine 仅读取（基线）"
LEAN = "最简原型：读取、校验位、写入"
FULL = "导入并加入期次名单"


def measure(runs: int = RUNS) -> dict[str, float]:
    """Seconds for each case, the best of `runs` interleaved runs; BASELINE is the bare read."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder) / "导入 测试"
        folder.mkdir()
        template, work, path = folder / "demo.db", folder / "work.db", folder / "学员名单.xlsx"
        db = database.open_locked(template, create=True)
        demo.build_demo(db)
        print(f"生成 {ROWS} 行的名单…", flush=True)
        write_list(path, db)
        db.close()
        cases = {
            BASELINE: lambda: bare_read(path),
            LEAN: lambda: lean_import(template, work, path),
            "读取并检查（--dry-run）": lambda: timed_import(template, work, path, period=True, dry_run=True),
            "导入人员档案": lambda: timed_import(template, work, path, period=False),
            FULL: lambda: timed_import(template, work, path, period=True),
        }
        return interleaved(cases, runs)


def figures(runs: int = RUNS) -> list:
    """For bench/run.py (main's runner of every benchmark)."""
    from bench.common import Figure

    best = measure(runs)
    return [Figure(f"import {ROWS:,} rows into a period, end to end", best[FULL], "s",
                   "python-calamine only reading the file", best[BASELINE], max_ratio=TABLE_TARGET),
            Figure(f"read and check {ROWS:,} rows (dry run)", best["读取并检查（--dry-run）"], "s",
                   "python-calamine only reading the file", best[BASELINE]),
            Figure("lean prototype: read, check digits, insert people and enrollments", best[LEAN], "s",
                   "python-calamine only reading the file", best[BASELINE])]


def main() -> None:
    best = measure()
    base = best[BASELINE]
    print(f"\n{'':<24}{'秒':>8}{'倍数':>8}")
    for label, seconds in best.items():
        print(f"{label:<24}{seconds:>8.3f}{seconds / base:>8.2f}")
    ratio = best[FULL] / base
    print(f"\n完整导入 / 仅读取 = {ratio:.2f}，目标 ≤ {TARGET:g}：{'达到' if ratio <= TARGET else '未达到'}")


if __name__ == "__main__":
    main()
