"""Importing a 20,000-row list end to end (read, check every row, commit into a period) against
python-calamine only reading the same file, in one run. Targets (issue 21): at most 2 times the read in
process, the command line (`python -m app import-roster`, a fresh interpreter) within 0.3 s of that, and
a 100,000-row list imported within 200 MiB of memory at its peak.

Also measured, to show where the floor lies: the lean prototype issue 3 speaks of (read, check digits,
insert people and enrollments), run against the real tables with their indexes and foreign keys.
Run: python bench/bench_import.py
"""
from __future__ import annotations

import shutil
import subprocess
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
from bench.common import interleaved, run_python  # noqa: E402

ROWS = 20_000
RUNS = 7
TARGET = 2.0
CLI_EXTRA_S = 0.3
PEAK_MIB = 200
BIG_ROWS = 99_998  # with the title and the header, the 100,000 rows a sheet may have
HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "身份证号码", "工作单位", "职务", "职级", "干部类别",
          "政治面貌", "学历", "联系电话", "重点难点问题或典型案例"]


def write_list(path: Path, db, rows: int = ROWS) -> None:
    """A unit list as offices send it: a title row, the header, then `rows` people of the demo's units."""
    units = tables.units(db).where()
    names = {unit.id: unit.name for unit in units}
    params = dict(demo.load_seed("people.json"), count=rows, seed=11)
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


def cli_import(template: Path, work: Path, path: Path) -> float:
    """The same import as the office's scripts run it: a fresh interpreter, the command line's own start."""
    db, period_id = fresh_copy(template, work)
    db.close()
    command = [sys.executable, "-m", "app", "import-roster", "--db", str(work), "--period", str(period_id),
               "--mode", "add-update", str(path)]
    start = time.perf_counter()
    subprocess.run(command, cwd=Path(__file__).resolve().parents[1], check=True, capture_output=True)
    return time.perf_counter() - start


PEAK = """
import resource, subprocess, sys
subprocess.run({command!r}, check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""
READ_ONLY = "from python_calamine import CalamineWorkbook; CalamineWorkbook.from_path({path!r}).get_sheet_by_index(0).to_python()"


def peak_of(command: list[str]) -> float:
    """The peak memory (MiB) of a process running command: measured from a parent that runs nothing else."""
    _, out = run_python(PEAK.format(command=command))
    return float(out.split()[-1])


def peaks(folder: Path, template: Path, db) -> tuple[float, float]:
    """Peak memory (MiB, the whole process) of the command line importing a 100,000-row list into a period,
    and of python-calamine only reading it."""
    path = folder / "十万行名单.xlsx"
    write_list(path, db, BIG_ROWS)
    work = folder / "big.db"
    opened, period_id = fresh_copy(template, work)
    opened.close()
    imported = peak_of([sys.executable, "-m", "app", "import-roster", "--db", str(work), "--period", str(period_id),
                        "--mode", "add-update", str(path)])
    return imported, peak_of([sys.executable, "-c", READ_ONLY.format(path=str(path))])


BASELINE = "calamine 仅读取（基线）"
LEAN = "最简原型：读取、校验位、写入"
FULL = "导入并加入期次名单"
CLI = "命令行导入（新进程）"
PEAK_IMPORT, PEAK_READ = "十万行导入峰值内存", "十万行仅读取峰值内存"


def measure(runs: int = RUNS, peak: bool = True) -> dict[str, float]:
    """Seconds for each case, the best of `runs` interleaved runs; BASELINE is the bare read; with peak,
    the peak memory of a 100,000-row import and of its bare read (MiB)."""
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
            CLI: lambda: cli_import(template, work, path),
        }
        best = interleaved(cases, runs)
        if peak:
            db = database.open_locked(template)
            best[PEAK_IMPORT], best[PEAK_READ] = peaks(folder, template, db)
            db.close()
        return best


def figures(runs: int = RUNS) -> list:
    """For bench/run.py (main's runner of every benchmark)."""
    from bench.common import Figure

    best = measure(runs)
    return [Figure(f"import {ROWS:,} rows into a period, end to end", best[FULL], "s",
                   "python-calamine only reading the file", best[BASELINE], max_ratio=TARGET),
            Figure("the same from the command line (a fresh python -m app import-roster), beyond the in-process import",
                   best[CLI] - best[FULL], "s", "the in-process import", best[FULL], max_value=CLI_EXTRA_S),
            Figure(f"read and check {ROWS:,} rows (dry run)", best["读取并检查（--dry-run）"], "s",
                   "python-calamine only reading the file", best[BASELINE]),
            Figure("lean prototype: read, check digits, insert people and enrollments", best[LEAN], "s",
                   "python-calamine only reading the file", best[BASELINE]),
            Figure("peak memory of the process importing 100,000 rows", best[PEAK_IMPORT], "MiB",
                   "python-calamine only reading them", best[PEAK_READ], max_value=PEAK_MIB)]


def main() -> None:
    best = measure()
    base = best[BASELINE]
    print(f"\n{'':<24}{'秒':>8}{'倍数':>8}")
    for label, seconds in best.items():
        if label not in (PEAK_IMPORT, PEAK_READ):
            print(f"{label:<24}{seconds:>8.3f}{seconds / base:>8.2f}")
    ratio = best[FULL] / base
    print(f"\n完整导入 / 仅读取 = {ratio:.2f}，目标 ≤ {TARGET:g}：{'达到' if ratio <= TARGET else '未达到'}")
    print(f"命令行比进程内多 {best[CLI] - best[FULL]:.2f} 秒，目标 ≤ {CLI_EXTRA_S:g}")
    print(f"十万行导入峰值内存 {best[PEAK_IMPORT]:.0f} MiB（仅读取 {best[PEAK_READ]:.0f} MiB），目标 ≤ {PEAK_MIB}")


if __name__ == "__main__":
    main()
