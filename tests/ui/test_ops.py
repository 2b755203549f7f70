"""run_op: work off the UI thread on the session's connection, its cancel and messages, and the notice of
what it changed."""
import threading
import time

import pytest
from PySide6.QtWidgets import QWidget

from app.services import database
from app.services.progress import Cancelled
from app.services.safety import error_log
from app.storage.lock import DatabaseLock
from ui.shell.changes import EVERYTHING, NOTHING, Changed
from ui.shell.ops import run_op
from ui.shell.session import Session


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "培训 数据.db"
    with database.writing(path, create=True):
        pass
    return path


def session_on(path, writable: bool) -> Session:
    lock = DatabaseLock.acquire(path) if writable else None
    return Session(database.open_database(path, lock=lock), path, lock)


@pytest.fixture
def session(path):
    session = session_on(path, writable=True)
    yield session
    session.close()


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def notices(session: Session) -> list:
    seen = []
    session.changed.connect(seen.append)
    return seen


def add_unit(db, progress):
    progress.step(0, 1)
    db.execute("INSERT INTO units (name) VALUES ('县委办公室')")
    return threading.current_thread()


def unit_count(session: Session) -> int:
    return session.db.execute("SELECT count(*) FROM units").fetchone()[0]


def test_the_work_runs_in_a_worker_then_the_change_is_announced_once(qtbot, parent, session):
    seen, results = notices(session), []
    op = run_op(parent, session, add_unit, changed=Changed.UNITS | Changed.PEOPLE, label="正在保存…",
                on_done=lambda result: results.append((result, list(seen))))
    with qtbot.waitSignal(op.done, timeout=5000):
        pass
    worker, announced_before = results[0]
    assert worker is not threading.main_thread() and op.error is None
    assert announced_before == [Changed.UNITS | Changed.PEOPLE]  # pages reload before on_done shows anything
    assert seen == [Changed.UNITS | Changed.PEOPLE] and unit_count(session) == 1


def test_a_read_only_session_cannot_write_from_a_worker(qtbot, parent, path, answers):
    session = session_on(path, writable=False)
    seen = notices(session)
    op = run_op(parent, session, add_unit, changed=Changed.UNITS, label="正在保存…")
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=5000)
    assert "readonly" in str(op.error)
    assert answers["errors"] == [("出错了", answers["errors"][0][1])] and "程序内部错误" in answers["errors"][0][1]
    assert unit_count(session) == 0 and seen == []
    session.close()


def test_cancel_stops_the_work_and_announces_nothing(qtbot, parent, session, answers):
    started, seen, errors = threading.Event(), notices(session), []

    def work(db, progress):
        started.set()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            progress.step(0, 10)
            time.sleep(0.001)

    op = run_op(parent, session, work, changed=Changed.ROSTER, label="正在导入…")
    assert started.wait(5)
    with qtbot.waitSignal(op.done, timeout=5000):
        op.dialog.canceled.emit()  # what the 取消 button sends
    assert isinstance(op.error, Cancelled)
    assert seen == [] and answers["errors"] == [] and answers["infos"] == []  # a cancel is no error
    op = run_op(parent, session, work, changed=Changed.ROSTER, label="正在导入…", on_error=errors.append)
    with qtbot.waitSignal(op.done, timeout=5000):
        op.dialog.canceled.emit()
    assert isinstance(errors[0], Cancelled) and seen == []


def test_an_unforeseen_error_is_told_in_chinese_and_logged(qtbot, parent, session, answers):
    seen = notices(session)

    def work(db, progress):
        raise KeyError("column 'x' not found")

    run_op(parent, session, work, changed=Changed.PEOPLE, label="正在检查…")
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=5000)
    title, text = answers["errors"][0]
    assert title == "出错了" and text.startswith("程序内部错误") and "column" not in text
    assert "column 'x' not found" in error_log.log_file().read_text(encoding="utf-8")
    assert seen == []


def test_a_read_announces_nothing(qtbot, parent, session):
    seen = notices(session)
    op = run_op(parent, session, lambda db, progress: db.execute("SELECT count(*) FROM units").fetchone()[0],
                changed=NOTHING, label="正在读取…")
    with qtbot.waitSignal(op.done, timeout=5000):
        pass
    assert op.result == 0 and seen == []


def test_what_changed_can_depend_on_the_result(qtbot, parent, session):
    seen = notices(session)
    for written in (0, 3):  # e.g. an hours import whose every row was refused wrote nothing
        op = run_op(parent, session, lambda db, progress, written=written: written, label="正在导入学时…",
                    changed=lambda result: Changed.HOURS if result else NOTHING)
        with qtbot.waitSignal(op.done, timeout=5000):
            pass
    assert seen == [Changed.HOURS]


def test_everything_holds_each_kind():
    assert all(kind in EVERYTHING for kind in Changed) and not NOTHING


def test_a_page_reloads_once_for_the_kinds_it_shows_and_never_for_others(qtbot, window, monkeypatch):
    units_page, people_page = window.show_page("单位"), window.show_page("学员")
    unit_count = window.session.db.execute("SELECT count(*) FROM units").fetchone()[0]
    reloads = {"units": 0, "people": 0, "unit filter": 0}
    monkeypatch.setattr(units_page, "refresh", lambda: reloads.update(units=reloads["units"] + 1))
    monkeypatch.setattr(people_page, "refresh", lambda: reloads.update(people=reloads["people"] + 1))
    monkeypatch.setattr(people_page, "_fill_units", lambda: reloads.update({"unit filter": reloads["unit filter"] + 1}))

    def add_unit_and_person(db, progress):
        db.execute("INSERT INTO units (name) VALUES ('县新设局')")

    op = run_op(window, window.session, add_unit_and_person, label="正在导入…",
                changed=Changed.UNITS | Changed.PEOPLE | Changed.ROSTER)  # what an imported roster changes
    with qtbot.waitSignal(op.done, timeout=5000):
        pass
    assert reloads == {"units": 1, "people": 1, "unit filter": 1}  # one notice, however many kinds it names
    assert f"单位 {unit_count + 1}　" in window.counts_label.text()  # the status bar counts every kind
    op = run_op(window, window.session, lambda db, progress: None, changed=Changed.HOURS, label="正在导入学时…")
    with qtbot.waitSignal(op.done, timeout=5000):
        pass
    window.session.announce(Changed.SETTINGS | Changed.PLANS)
    window.session.announce(Changed.ROSTER)  # the people page shows it; the units page does not
    assert reloads == {"units": 1, "people": 2, "unit filter": 1}
