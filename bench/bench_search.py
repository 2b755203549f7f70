"""Search as you type over 100,000 people: the time of each keystroke (count + first page of the list).

Targets: the slowest keystroke within 10 ms, and growing well below linearly with the archive (the same
keys over 10,000 people, measured in the same run: ten times the people may cost at most five times the
time). The baseline, measured in the same run, is one plain scan of the table (SELECT count(*) ... WHERE
name LIKE '%x%'), which is what every keystroke cost before the search indexes (m010).
Run: python bench/bench_search.py
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.storage.people import PeopleFilter, PeoplePages  # noqa: E402
from bench.people_data import people_database  # noqa: E402

PAGE = 100
TARGET_MS = 10.0
MAX_GROWTH = 5.0  # 10 × the people: "well below linear" read as at most half of linear


def keystrokes(db) -> dict[str, list[str]]:
    """What a user types, one prefix per key, for people who really are in the database."""
    name, id_number, phone = db.execute(
        "SELECT name, id_number, phone FROM people ORDER BY id DESC LIMIT 1").fetchone()
    last_unit = db.execute("SELECT name FROM units ORDER BY sort_order DESC LIMIT 1").fetchone()[0]
    typed = {"姓名": name, "常见名字": "伟", "拼音首字母": "zsf", "身份证号码": id_number,
             "身份证号码后4位": id_number[-4:], "手机号码": phone, "单位名称": "县委组织部",
             "排在最后的单位": last_unit, "无结果": "zzzzq"}
    return {label: [text[:n] for n in range(1, len(text) + 1)] for label, text in typed.items()}


def keystroke_ms(db, text: str) -> float:
    start = time.perf_counter()
    pages = PeoplePages(db, PeopleFilter(text))
    pages.page(0, PAGE)
    return (time.perf_counter() - start) * 1000


def best_of(fn, runs: int = 5) -> float:
    return min(fn() for _ in range(runs))


def baseline_ms(db) -> float:
    def scan():
        start = time.perf_counter()
        db.execute("SELECT count(*) FROM people WHERE name LIKE '%伟%'").fetchone()
        return (time.perf_counter() - start) * 1000
    return best_of(scan)


def measure(count: int = 100_000) -> tuple[float, dict[str, tuple[int, float, float, str]]]:
    """The baseline scan (ms) and, per kind of input, (keys, median ms, slowest ms, slowest key)."""
    with tempfile.TemporaryDirectory() as folder:
        print(f"生成 {count:,} 人的数据库…", flush=True)
        db = people_database(Path(folder) / "bench.db", count=count)
        base = baseline_ms(db)
        found = {}
        for label, keys in keystrokes(db).items():
            times = [best_of(lambda key=key: keystroke_ms(db, key), 3) for key in keys]
            worst = max(times)
            found[label] = (len(keys), statistics.median(times), worst, keys[times.index(worst)])
        db.close()
        return base, found


def figures() -> list:
    """For bench/run.py (main's runner of every benchmark)."""
    from bench.common import Figure

    base, found = measure()
    _, small = measure(10_000)
    worst = max(row[2] for row in found.values())
    worst_small = max(row[2] for row in small.values())
    return [Figure("search as you type over 100,000 people, slowest keystroke", worst, "ms",
                   "one LIKE scan of the table", base, max_value=TARGET_MS),
            Figure("the same: 100,000 people against 10,000", worst, "ms", "slowest keystroke over 10,000 people",
                   worst_small, max_ratio=MAX_GROWTH)]


def main() -> None:
    base, found = measure()
    print(f"基线（一次全表扫描）{base:.1f} ms\n")
    print(f"{'输入':<14}{'按键':>4}{'中位 ms':>10}{'最慢 ms':>10}{'最慢/基线':>10}  最慢的一键")
    for label, (keys, median, worst, slowest) in found.items():
        print(f"{label:<14}{keys:>4}{median:>10.2f}{worst:>10.2f}{worst / base:>10.2f}  {slowest}")
    worst_all = max(row[2] for row in found.values())
    print(f"\n最慢一键 {worst_all:.1f} ms，目标 ≤ {TARGET_MS:.0f} ms：{'达到' if worst_all <= TARGET_MS else '未达到'}")


if __name__ == "__main__":
    main()
