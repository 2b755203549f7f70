"""How soon the print dialog appears after a one-click print of a 50-trainee period's 入学通知书,
against opening an empty Qt print dialog directly, in one run. Target: within 0.5 s of the click.

Measured offscreen: from the click (the call a 打印入学通知书 button makes) to the moment the program's print
dialog (its preview made off the UI thread) is shown and its first events are processed; it is then closed
with 取消 (nothing is printed).
    python bench/bench_print_dialog.py [--trainees 50]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtPrintSupport import QPrintDialog  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from app.services import database  # noqa: E402
from bench.common import Figure, table  # noqa: E402
from bench.office import office_with_period  # noqa: E402
from ui.documents import print_actions, printing
from ui.shell.session import Session

TARGET = 0.5
_clock = {"start": 0.0, "shown": 0.0}


def _exec(dialog: QPrintDialog) -> int:
    """Stands in for the user: records when the dialog is on screen, then cancels it."""
    dialog.show()
    QApplication.processEvents()
    _clock["shown"] = time.perf_counter()
    dialog.reject()
    return QDialog.DialogCode.Rejected


def seconds_to_dialog(action) -> float:
    """For a modal Qt print dialog: from the call to the dialog shown (_exec stands in for the user)."""
    _clock["start"] = time.perf_counter()
    action()
    return _clock["shown"] - _clock["start"]


def seconds_to_print_dialog(action) -> float:
    """For the program's print dialog, opened window-modal (it returns at once): from the call to shown."""
    start = time.perf_counter()
    dialog = action()
    QApplication.processEvents()
    shown = time.perf_counter() - start
    dialog.reject()
    QApplication.processEvents()
    return shown


def figures(trainees: int = 50, rounds: int = 5) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    real_exec, QPrintDialog.exec = QPrintDialog.exec, _exec
    try:
        with tempfile.TemporaryDirectory(prefix="bench-dialog-") as folder:
            path = Path(folder) / "office.db"
            period_id = office_with_period(path, trainees)
            session = Session(database.open_database(path), path)
            parent = QWidget()
            empty = [seconds_to_dialog(lambda: printing.ask_printer(parent, printing.new_printer("空白")))
                     for _ in range(rounds)]
            click = [seconds_to_print_dialog(lambda: print_actions.print_admission_letters(parent, session, period_id))
                     for _ in range(rounds)]
            session.close()
    finally:
        QPrintDialog.exec = real_exec
    assert app
    return [Figure(f"print dialog after the click, {trainees}-trainee period", statistics.median(click) * 1000, "ms",
                   "an empty print dialog", statistics.median(empty) * 1000, max_value=TARGET * 1000)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trainees", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(table(figures(args.trainees, args.rounds)))


if __name__ == "__main__":
    main()
