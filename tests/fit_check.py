"""Opens every window and dialog of tests/window_catalogue.py on a 1366×768 screen (less the taskbar) at a
given scale, offscreen, and reports for each one its size, the screen, and what does not fit: the frame
beyond the screen, a button outside the window or cut short, a main list showing fewer than 8 rows, a
column header cut short. One JSON object a line on stdout; with --shots, a PNG of each window.

    python -m tests.fit_check --scale 1.5 [--shots docs/screens-150] [--only RosterWindow]

Run in its own process: the screen is the offscreen platform's, fixed when Qt starts (tests/conftest.py
starts the test session's Qt on a plain offscreen screen).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

SCREEN = (1366, 768)
TASKBAR = 40  # the Windows taskbar at 100%, in logical pixels: it grows with the scale
TITLE_BAR = 31  # a Windows title bar in logical pixels; the offscreen frame has none, so it is added here
MIN_ROWS = 8


def screen_config(scale: float, folder: Path) -> Path:
    width, height = SCREEN
    screen = {"name": "office", "x": 0, "y": 0, "width": width, "height": height - round(TASKBAR * scale),
              "logicalDpi": round(96 * scale), "logicalBaseDpi": 96, "dpr": 1.0}
    path = folder / "screen.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return path


def start(scale: float, folder: Path, server: str = ""):
    """The application on the configured screen, and a session on a fresh demo office: a file, or the server
    database at `server` (an empty one, set up here)."""
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(scale, folder)}"
    os.environ["TRAINDESK_HOME"] = str(folder / "home")
    from app.services import database, demo
    from app.storage.lock import DatabaseLock
    from ui.shell.main import make_app
    from ui.shell.session import Session

    app = make_app()
    if server:
        with database.create_database(server, None) as db:
            demo.build_demo(db)
        return app, Session(database.open_database(server), server, None)
    path = folder / "示范.db"
    with database.writing(path, create=True) as db:
        demo.build_demo(db)
    lock = DatabaseLock.acquire(path)
    return app, Session(database.open_database(path, lock=lock), path, lock)


ERRORS: list[str] = []  # error boxes and failures in the windows' own code, reported with the window


def answer_questions() -> None:
    """Message boxes answered with their first button: nothing may wait for a click here. What an error box
    or an uncaught failure in a slot says is kept, to be reported with the window that showed it."""
    from ui.common import messages

    messages.choose = lambda *args, **kwargs: 0
    messages.info = lambda *args, **kwargs: None
    messages.error = lambda parent, title, text, **kwargs: ERRORS.append(f"{title}：{text}")
    sys.excepthook = lambda kind, value, trace: ERRORS.append(f"{kind.__name__}: {value}")


def wait(predicate, timeout: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("等待超时")
        QApplication.processEvents()
        time.sleep(0.01)


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--only", default="")
    parser.add_argument("--server", default="", help="an empty PostgreSQL database's URL: the windows on a server")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="traindesk-fit-") as temp:
        return run(args, Path(temp))


def run(args, folder: Path) -> int:
    from tests.window_catalogue import Context, catalogue
    from ui.shell.main import place_main_window
    from ui.shell.main_window import MainWindow

    app, session = start(args.scale, folder, args.server)
    answer_questions()
    main_window = MainWindow(session)
    place_main_window(main_window)
    main_window.show()
    settle()
    ctx = Context(session, main_window, folder, wait)
    available = app.primaryScreen().availableGeometry()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    for name, entry in catalogue().items():
        if args.only and args.only not in name:
            continue
        for report in _window_reports(name, entry, ctx, available, args.shots):
            print(json.dumps(report, ensure_ascii=False), flush=True)
    _finish(main_window, session)
    return 0


def _finish(main_window, session) -> None:
    """Previews still being made on the pool finish before the database closes, as in the program's exit."""
    from PySide6.QtCore import QThreadPool

    from ui.shell.main import release_windows

    QThreadPool.globalInstance().waitForDone()
    settle()
    main_window.close()
    settle()
    session.close()
    release_windows()  # as the program does on its way out: nothing left for Python's shutdown to destroy


def _window_reports(name, entry, ctx, available, shots):
    from tests.fit_measure import measure

    try:
        widget = entry.build(ctx)
        widget.show()
        settle()
    except Exception as problem:  # noqa: BLE001 - reported, so that one broken builder hides no other window
        yield {"window": name, "state": "", "problems": [f"无法打开：{problem!r}"]}
        return
    for state, reach in entry.states:
        try:
            reach(widget, ctx)
            settle()
        except Exception as problem:  # noqa: BLE001
            yield {"window": name, "state": state, "problems": [f"无法进入：{problem!r}"]}
            continue
        report = {"window": name, "state": state, **measure(widget, available, entry.list_to_check(widget, state), TITLE_BAR, MIN_ROWS)}
        report["problems"] += [f"出错：{text}" for text in ERRORS]
        ERRORS.clear()
        if shots:
            short = name.rsplit(".", 1)[1] + (f"-{state}" if state else "")
            widget.grab().save(str(shots / f"{short}.png"), "PNG", 0)  # 0: the smallest file
        yield report
    if widget is not ctx.main:
        widget.close()
        settle()


if __name__ == "__main__":
    sys.exit(main())
