"""The statistics page with 100,000 people and 2,000 periods: how long the window is held when the page is
opened and when the data changes while it shows (target ≤ 100 ms), and when its figures arrive from the
worker (target ≤ 0.5 s). Baselines measured in the same run, interleaved: the same figures computed
directly, as a plain call (statistics.year_page), and showing an empty page of the same size.

Run: python bench/bench_stats.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import bigdb  # noqa: E402
from bench.common import Figure, interleaved, table  # noqa: E402

SHOWN_MS, ARRIVED_S = 100.0, 0.5


def measure(runs: int = 5) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QWidget

    import ui  # noqa: F401  (its None guard)
    from app.services.stats import statistics
    from ui.shell.changes import Changed
    from ui.shell.database_actions import start_database
    from ui.shell.main import make_app
    from ui.shell.main_window import MainWindow
    from ui.shell.session import Session

    home = tempfile.mkdtemp(prefix="traindesk-bench-")
    os.environ["TRAINDESK_HOME"] = home
    path = bigdb.build(Path(home) / "big.db")
    app = QApplication.instance() or make_app()
    opened = start_database(path)
    window = MainWindow(Session(opened.db, opened.path, opened.lock))
    window.resize(1280, 760)
    window.show()
    app.processEvents()
    window.show_page("学员")
    app.processEvents()
    year = max(statistics.years(opened.db))
    arrived: list[float] = []

    def until_arrived(page, started: float) -> None:
        # waits in an event loop, as the window does: polling here would take the worker's interpreter lock
        # every millisecond, which the program itself never does
        if page.reads.busy:
            loop = QEventLoop()
            page.reads.delivered.connect(loop.quit)
            loop.exec()
            page.reads.delivered.disconnect(loop.quit)
        arrived.append(time.perf_counter() - started)

    def open_page() -> float:
        window.show_page("学员")
        app.processEvents()
        window.page(window.page_titles().index("统计"))._stale = True  # opened afresh, as after a change elsewhere
        started = time.perf_counter()
        page = window.show_page("统计")
        app.processEvents()
        held = time.perf_counter() - started
        until_arrived(page, started)
        return held

    def data_changed() -> float:
        page = window.show_page("统计")
        until_arrived(page, time.perf_counter())
        arrived.clear()
        started = time.perf_counter()
        window.session.announce(Changed.HOURS)
        app.processEvents()
        held = time.perf_counter() - started
        until_arrived(page, started)
        return held

    def bare_page() -> float:
        started = time.perf_counter()
        widget = QWidget()
        widget.resize(1280, 760)
        widget.show()
        app.processEvents()
        held = time.perf_counter() - started
        widget.close()
        return held

    def direct() -> float:
        started = time.perf_counter()
        statistics.year_page(opened.db, year)
        return time.perf_counter() - started

    best = interleaved({"open": open_page, "changed": data_changed, "bare": bare_page, "direct": direct}, runs)
    best["arrived"] = min(arrived)
    window.session.close()
    return best


def figures() -> list[Figure]:
    best = measure()
    return [
        Figure("statistics page opened at 100,000 people: window held", best["open"] * 1000, "ms",
               "an empty page shown", best["bare"] * 1000, max_value=SHOWN_MS),
        Figure("the same after a data change while it shows: window held", best["changed"] * 1000, "ms",
               "an empty page shown", best["bare"] * 1000, max_value=SHOWN_MS),
        Figure("its figures arrive from the worker", best["arrived"], "s",
               "the same figures computed directly", best["direct"], max_value=ARRIVED_S),
    ]


if __name__ == "__main__":
    print(table(figures()))
