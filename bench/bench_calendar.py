"""The calendar's month view with 2,000 periods in the year: the UI thread's CPU time from the queries to
the pixels (target ≤ 30 ms). CPU time of the thread, not wall time: a busy shared machine slows the clock
but not the work.

Run as `python bench/bench_calendar.py`. Each figure is printed with its ratio to a baseline measured
in the same run: drawing the same empty month grid, with no periods at all.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import ui  # noqa: E402,F401  (its None guard protects Python 3.11 from PySide6 6.12.0)
from app.domain import vocab  # noqa: E402
from app.domain.models import Enrollment, Period, Person, TrainingClass, Unit  # noqa: E402
from app.storage import tables  # noqa: E402
from app.storage.db import memory_db  # noqa: E402

PERIODS, YEAR, TARGET_MS = 2000, 2020, 30.0


def build(db, periods: int) -> None:
    """A year of `periods` periods in 125 classes of every kind, 20 trainees each from 40 units."""
    rng = random.Random(4)
    with db.atomic():
        units = [tables.units(db).insert(Unit(name=f"单位{n}")) for n in range(40)]
        people = [tables.people(db).insert(Person(name=f"学员{n}", id_number=f"ID{n:08d}", unit_id=units[n % 40].id))
                  for n in range(1200)]
        kinds = vocab.words("class_kinds")
        for number in range(periods // 4):
            c = tables.classes(db).insert(TrainingClass(name=f"第{number}号专题培训班", kind=rng.choice(kinds),
                                                        place=f"教室{number % 8}"))
            for n in range(4):
                start = date(YEAR, 1, 1) + timedelta(days=n * 91 + rng.randrange(80))
                period = tables.periods(db).insert(Period(c.id, n + 1, start.isoformat(),
                                                          (start + timedelta(days=rng.randrange(1, 10))).isoformat()))
                for person in rng.sample(people, 20):
                    tables.enrollments(db).insert(Enrollment(period.id, person.id, person.unit_id))


def pad(text: str, width: int, right: bool = False) -> str:
    """Pads to a width in terminal columns, where a Chinese character takes two."""
    spaces = " " * max(width - sum(2 if ord(c) > 0x2E7F else 1 for c in text), 0)
    return spaces + text if right else text + spaces


def timed(work, runs: int = 30) -> float:
    work()  # warm caches (fonts, holidays)
    samples = []
    for _ in range(runs):
        started = time.thread_time()
        work()
        samples.append((time.thread_time() - started) * 1000)
    return statistics.median(samples)


def measure() -> tuple[float, list[tuple[str, float]], int, tuple[int, int]]:
    """Baseline (the empty grid) and the month view's figures, in milliseconds."""
    app = QApplication.instance() or QApplication([])
    from ui.calendar.calendar_page import CalendarPage
    from ui.calendar.grid_view import CalendarGrid
    from ui.shell.session import Session
    from ui.shell.style import apply_style

    apply_style(app)
    db = memory_db()
    build(db, PERIODS)
    page = CalendarPage(Session(db, Path("bench.db")))
    page.resize(1100, 700)
    page.show()
    page.go_to(date(YEAR, 6, 15))
    app.processEvents()
    grid: CalendarGrid = page.month_view
    image = QImage(grid.size(), QImage.Format.Format_ARGB32_Premultiplied)
    shown = len(grid.entries)

    def paint() -> None:
        grid.render(image)

    def layout_and_paint() -> None:
        grid._scene = None
        grid.render(image)

    def refresh_and_paint() -> None:
        page.refresh()
        grid.render(image)

    figures = [("月视图绘制（布局已算好）", timed(paint)), ("月视图布局并绘制", timed(layout_and_paint)),
               ("查询、冲突检查、布局并绘制", timed(refresh_and_paint, 10))]
    saved = grid.entries
    grid.entries = []
    baseline = timed(layout_and_paint)
    grid.entries = saved
    return baseline, figures, shown, (grid.width(), grid.height())


def figures() -> list:
    """For bench/run.py."""
    from bench.common import Figure

    baseline, found, shown, _ = measure()
    return [Figure(f"month view with {PERIODS} periods in the year ({shown} shown), queries to pixels",
                   found[-1][1], "ms", "the empty month grid", baseline, max_value=TARGET_MS)]


def main() -> None:
    baseline, figures, shown, (width, height) = measure()
    print(f"日历月视图：{YEAR}年共{PERIODS}期，{YEAR}年6月视图中{shown}期，窗口 {width}×{height}")
    print(pad("测量项目（中位数，CPU）", 30) + pad("毫秒", 8, True) + pad("对基准", 8, True)
          + pad(f"目标{TARGET_MS:g}毫秒", 12, True))
    print(pad("基准：空月份网格", 30) + pad(f"{baseline:.1f}", 8, True) + pad("1.0", 8, True))
    for label, value in figures:
        verdict = "达标" if value <= TARGET_MS else "超标"
        print(pad(label, 30) + pad(f"{value:.1f}", 8, True) + pad(f"{value / baseline:.1f}", 8, True)
              + pad(verdict, 12, True))


if __name__ == "__main__":
    main()
