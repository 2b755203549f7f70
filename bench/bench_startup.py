"""Start to main window shown, and peak memory, against a bare PySide6 window in the same run.

The time runs from starting the process to the window shown and its first events processed, through the
real ui.shell.main.main() (its database opening, backup schedule and window placing), stopped where it
would enter the event loop; closing the program is not counted (a full window takes longer to tear down
than a bare one)."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import bigdb  # noqa: E402
from bench.common import Figure, interleaved, run_python, table  # noqa: E402

BARE = """
import resource
import time
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1280, 800)
window.show()
app.processEvents()
print(time.time())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

APP = """
import resource
import time
from PySide6.QtWidgets import QApplication
from ui.shell import main as shell

def shown_then_leave(app):
    # the real main() up to its event loop: the window shown and its first events processed
    app.processEvents()
    shown = time.time()
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
    {then}
    print(shown)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return 0

QApplication.exec = shown_then_leave
shell.main(["--db", {path!r}])
"""
# For the memory figure the people list is shown too: 100,000 people "open" in the window.
PEOPLE_SHOWN = "window.show_page('学员'); app.processEvents()"
# The 学员 page opened after the start, timed from the start (the 7.9× bare).
PEOPLE_OPENED = "window.show_page('学员'); app.processEvents(); shown = time.time()"


def _start(code: str, home: str) -> tuple[float, float]:
    started = time.time()
    _, out = run_python(code, {"TRAINDESK_HOME": home})
    shown, peak = out.strip().splitlines()[-2:]
    return float(shown) - started, int(peak) / 1024  # ru_maxrss is in KiB on Linux


def figures(runs: int = 7) -> list[Figure]:
    home = tempfile.mkdtemp(prefix="traindesk-bench-")
    demo_db = Path(home) / "demo.db"
    run_python(f"from app.cli import main; main(['init', '--db', {str(demo_db)!r}, '--demo'])")
    big_db = bigdb.build(Path(home) / "big.db")
    best = interleaved({"bare": lambda: _start(BARE, home)[0],
                        "demo": lambda: _start(APP.format(path=str(demo_db), then=""), home)[0],
                        "big": lambda: _start(APP.format(path=str(big_db), then=""), home)[0],
                        "people": lambda: _start(APP.format(path=str(big_db), then=PEOPLE_OPENED), home)[0]}, runs)
    bare, demo, big, people = best["bare"], best["demo"], best["big"], best["people"]
    bare_mb = _start(BARE, home)[1]
    big_mb = _start(APP.format(path=str(big_db), then=PEOPLE_SHOWN), home)[1]
    return [
        Figure("start to main window shown (the real main(), backup schedule included), demo database", demo, "s",
               "a bare PySide6 window", bare, max_ratio=2.5),
        Figure("the same with 100,000 people and 2,000 periods", big, "s", "a bare PySide6 window", bare, max_ratio=3),
        Figure("then the 学员 page opened, 100,000 people", people, "s", "a bare PySide6 window", bare),
        Figure("peak memory with 100,000 people open, above a bare window", big_mb - bare_mb, "MB",
               "a bare PySide6 window", None, max_value=150),
    ]


if __name__ == "__main__":
    print(table(figures()))
