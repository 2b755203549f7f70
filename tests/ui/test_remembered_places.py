"""What the window remembers between sessions: window places and sizes (clamped to the screen), column
widths and splitters, the last page, the last folders of the file dialogs, and 文件 → 最近打开."""
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize
from PySide6.QtWidgets import QFileDialog

from tests.ui.test_main_window import click_nav
from tests.writing import writable
from ui.common import settings
from ui.common.splitters import ListSplitter
from ui.common.windows import FRAME, room
from ui.roster.period_actions import open_period
from ui.shell import database_actions
from ui.shell.main import place_main_window
from ui.shell.main_window import MainWindow


def first_period(window) -> int:
    return window.session.db.execute("SELECT period_id FROM enrollments ORDER BY period_id LIMIT 1").fetchone()[0]


def close_and_forget(widget) -> None:
    widget.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_window_reopens_with_its_size_and_place(qtbot, window):
    roster = open_period(window, window.session, first_period(window))
    size = roster.minimumSizeHint().expandedTo(QSize(640, 430))  # small, but as small as its tabs allow
    roster.resize(size)
    roster.move(30, 40)
    close_and_forget(roster)
    again = open_period(window, window.session, first_period(window))
    assert again.size() == size and again.pos() == QPoint(30, 40)
    again.close()


def test_a_saved_size_larger_than_the_screen_opens_clamped_and_whole(qtbot, window):
    """Saved on a big monitor, opened on the small one: inside the screen's free area, title bar included."""
    settings.set_numbers("windows/roster", [2400, 1500, 3000, 2000])
    roster = open_period(window, window.session, first_period(window))
    area = roster.screen().availableGeometry()
    assert roster.width() + FRAME.width() <= area.width() and roster.height() + FRAME.height() <= area.height()
    assert roster.width() >= roster.minimumSizeHint().width()
    assert area.contains(roster.frameGeometry())  # the monitor it was on is gone: in the middle of this one
    roster.close()


def test_the_main_window_keeps_its_size_and_its_last_page(qtbot, window):
    place_main_window(window)
    window.resize(780, 520)
    left = window.size()  # as large as the pages built so far allow on the 800-wide test screen
    click_nav(qtbot, window, "单位")
    window.close()
    again = MainWindow(window.session)
    qtbot.addWidget(again)
    place_main_window(again)
    assert again.size() == left.boundedTo(room(again))
    assert again.stack.currentWidget() is again.page([again.nav.item(i).text() for i in range(again.nav.count())]
                                                     .index("单位"))


def test_column_widths_and_splitters_are_kept_per_list(qtbot, window):
    people = window.show_page("学员")
    people.table.horizontalHeader().resizeSection(1, 123)
    classes = window.show_page("班次")
    splitter = classes.findChild(ListSplitter)
    splitter.moveSplitter(150, 1)  # as dragging the handle does
    kept = splitter.sizes()
    again = MainWindow(window.session)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    assert again.show_page("学员").table.horizontalHeader().sectionSize(1) == 123
    assert again.show_page("班次").findChild(ListSplitter).sizes() == kept
    assert again.show_page("单位").table.horizontalHeader().sectionSize(1) != 123  # each list its own


def test_file_dialogs_start_in_the_last_folder_used(qtbot, window, answers, tmp_path, monkeypatch):
    starts = {"save": [], "open": []}
    sent, picked = tmp_path / "发给各单位", tmp_path / "收到的 名单"
    sent.mkdir()
    picked.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: starts["save"].append(start) or (str(sent / "模板.xlsx"), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, start, filters: starts["open"].append(start) or (str(picked / "学时.xlsx"), ""))
    people = window.show_page("学员")
    people.template()
    people.template()
    assert Path(starts["save"][0]).parent != sent and Path(starts["save"][1]).parent == sent
    from ui.hours import hours_import

    hours_import.ask_file(window)
    hours_import.ask_file(window)
    assert Path(starts["open"][0]) != picked and Path(starts["open"][1]) == picked  # opening has its own folder
    sent.rmdir() if not any(sent.iterdir()) else [p.unlink() for p in sent.iterdir()] and sent.rmdir()
    people.template()
    assert Path(starts["save"][2]).parent != sent  # a folder gone since: back to Documents


def recent_entries(window) -> list:
    window.recent_menu.aboutToShow.emit()
    return [action for action in window.recent_menu.actions() if not action.isSeparator()][:-1]


def test_recent_databases_in_the_file_menu(qtbot, window, answers, tmp_path, monkeypatch):
    demo = window.session.path
    database_actions.remember(demo)
    first, second = tmp_path / "甲 办.db", tmp_path / "乙.db"
    for path in (first, second):
        writable(path, create=True).close()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, chosen=path, **k: (str(chosen), ""))
        window.open_database()
    entries = recent_entries(window)
    assert [action.text().split("　")[0] for action in entries] == ["&1 乙.db", "&2 甲 办.db", f"&3 {demo.name}"]
    assert entries[0].isChecked() and entries[1].isEnabled()
    first.unlink()  # moved away since
    entries = recent_entries(window)
    assert not entries[1].isEnabled() and "已不存在" in entries[1].toolTip()
    entries[2].trigger()
    assert window.session.path == demo and window.show_page("学员").model.total == 600
    assert database_actions.recent_databases()[0] == demo
    clear = window.recent_menu.actions()[-1]
    assert clear.text() == "清除列表"
    clear.trigger()
    assert database_actions.recent_databases() == [demo]


def test_recent_list_keeps_eight_and_drops_a_file_gone_when_chosen(qtbot, window, answers, tmp_path):
    for number in range(10):
        database_actions.remember(tmp_path / f"{number}.db")
    assert len(database_actions.recent_databases()) == 8
    assert database_actions.recent_databases()[0] == tmp_path / "9.db"
    current = window.session.path
    database_actions.open_path(window, window.session, tmp_path / "9.db")  # never written: not there
    assert "找不到文件" in answers["errors"][0][1] and window.session.path == current
    assert tmp_path / "9.db" not in database_actions.recent_databases()
