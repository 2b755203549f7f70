"""Importing 20,000 hours records (the online college's yearly export: every demo person, many courses)
end to end (read, check every row, back up, commit) against python-calamine only reading the same file,
in one run. Issue 6 sets no speed target for it: the figures are printed to watch for regressions.
Run: python bench/bench_hours_import.py
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from app.services import database, demo  # noqa: E402
from app.services.hours.importer import HoursImportOptions, import_hours
from bench.common import Figure, interleaved, table  # noqa: E402

ROWS = 20_000
RUNS = 5
BASELINE = "calamine 仅读取（基线）"
CHECK = "读取并检查（--dry-run）"
FULL = "导入学时（含导入前备份）"


def write_hours(path: Path, db) -> None:
    people = list(db.execute("SELECT name, id_number FROM people ORDER BY id"))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("学习记录")
    sheet.append(["2020年度干部网络学院学习记录"])
    sheet.append(["序号", "姓名", "身份证号码", "课程名称", "学时", "完成日期", "学习平台"])
    start = date(2020, 1, 2)
    for number in range(ROWS):
        name, id_number = people[number % len(people)]
        sheet.append([number + 1, name, id_number, f"专题课程{number // len(people) + 1}", 1 + number % 3,
                      start + timedelta(days=number % 360), "中国干部网络学院"])
    book.save(path)


def bare_read(path: Path) -> float:
    start = time.perf_counter()
    CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return time.perf_counter() - start


def timed_import(template: Path, work: Path, path: Path, dry_run: bool) -> float:
    shutil.copyfile(template, work)
    shutil.rmtree(work.parent / "backups", ignore_errors=True)
    db = database.open_locked(work)
    start = time.perf_counter()
    result = import_hours(db, path, HoursImportOptions(), dry_run=dry_run)
    elapsed = time.perf_counter() - start
    assert result.count("导入") == ROWS and (dry_run or result.written == ROWS), result.summary()
    db.close()
    return elapsed


def measure(runs: int = RUNS) -> dict[str, float]:
    """Seconds for each case, the best of `runs` interleaved runs."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder) / "学时 测试"
        folder.mkdir()
        template, work, path = folder / "demo.db", folder / "work.db", folder / "学习记录.xlsx"
        db = database.open_locked(template, create=True)
        demo.build_demo(db)
        db.execute("DELETE FROM hours_records")
        print(f"生成 {ROWS} 行的学时记录…", flush=True)
        write_hours(path, db)
        db.close()
        cases = {BASELINE: lambda: bare_read(path), CHECK: lambda: timed_import(template, work, path, True),
                 FULL: lambda: timed_import(template, work, path, False)}
        return interleaved(cases, runs)


def figures(runs: int = RUNS) -> list:
    """For bench/run.py (main's runner of every benchmark)."""
    return figures_of(measure(runs))


def figures_of(best: dict[str, float]) -> list:
    return [Figure(f"import {ROWS:,} hours records, end to end", best[FULL], "s",
                   "python-calamine only reading the file", best[BASELINE]),
            Figure(f"read and check {ROWS:,} hours rows (dry run)", best[CHECK], "s",
                   "python-calamine only reading the file", best[BASELINE])]


def main() -> None:
    best = measure()
    print(table(figures_of(best)))
    print(f"\n每秒导入 {ROWS / best[FULL]:,.0f} 行")


if __name__ == "__main__":
    main()
