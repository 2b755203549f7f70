"""Every window and dialog opens whole on the office PC's screen: 1366×768 less the taskbar, at 100% and at
150% (a logical screen of 911×472). Each is opened on the demo office in its own process on a screen of
that size (tests/fit_check.py), in each of its states (a page, a tab, a wizard step): its frame with a
title bar fits, every button lies inside it and shows its whole text, its main list shows 8 rows."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableView, QVBoxLayout

from tests.fit_measure import measure
from tests.window_catalogue import catalogue, top_level_classes

ROOT = Path(__file__).resolve().parents[2]


def test_every_window_of_the_program_is_in_the_catalogue():
    """A new dialog fails here until tests/window_catalogue.py says how to open it."""
    windows = top_level_classes()
    assert {"ui.shell.main_window.MainWindow", "ui.roster.roster_window.RosterWindow",
            "ui.importing.wizard.ImportWizard"} <= windows
    missing = sorted(windows - set(catalogue()))
    assert not missing, f"tests/window_catalogue.py 中没有这些窗口的打开方法：{missing}"
    assert not set(catalogue()) - windows, "目录中有已不存在的窗口"


def run_fit_check(scale: float) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run([sys.executable, "-m", "tests.fit_check", "--scale", str(scale)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("scale, screen", [(1.0, [1366, 728]), (1.5, [911, 472])])
def test_every_window_fits_the_screen(scale, screen):
    reports = run_fit_check(scale)
    seen = {(report["window"], report["state"]) for report in reports}
    expected = {(name, state) for name, entry in catalogue().items() for state, _ in entry.states}
    assert seen == expected
    assert {tuple(report["screen"]) for report in reports} == {tuple(screen)}
    problems = [f"{r['window']} {r['state']} {r.get('size')}: {'；'.join(r['problems'])}" for r in reports if r["problems"]]
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_window_too_big_and_a_list_too_short(qtbot):
    """The check itself: a dialog larger than the screen, its button below the edge, a list of 3 rows."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    table = QTableView()
    table.setMinimumHeight(10)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table, 1)
    layout.addWidget(buttons)
    dialog.resize(600, 160)
    dialog.move(0, 0)
    dialog.show()
    qtbot.waitExposed(dialog)
    small_screen = QRect(0, 0, 500, 120)
    problems = measure(dialog, small_screen, table, title_bar=31, min_rows=8)["problems"]
    assert any("大于屏幕" in text for text in problems)
    assert any("不在可见范围内" in text for text in problems)
    assert any("列表只能显示" in text for text in problems)
    assert not measure(dialog, QRect(0, 0, 1366, 728), None, title_bar=31, min_rows=8)["problems"]
