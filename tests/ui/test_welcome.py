"""The first start: the program asks for the demo office or an empty one, then points to where the work
begins (快速上手) once; 帮助 → 快速上手 and 帮助 → 使用手册 keep both at hand."""
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from app.services import database
from ui.help.manual_window import ManualWindow
from ui.help.welcome import WelcomeDialog
from ui.shell import help
from ui.shell import main as main_module


def describe(widget) -> str | dict:
    """What a test wants to know of a window on screen, read before it closes."""
    if isinstance(widget, WelcomeDialog):
        return widget.intro.text() if widget.intro else ""
    if hasattr(widget, "session"):
        return database.counts(widget.session.db)
    return widget.windowTitle()


@pytest.fixture
def started(monkeypatch, qapp):
    """Runs `traindesk` as a user starts it; its event loop returns at once, noting what was on screen."""
    seen = []

    class EventLoop:
        @staticmethod
        def exec():
            QCoreApplication.processEvents()
            shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
            seen.append({type(w).__name__: describe(w) for w in shown})
            for widget in shown:
                widget.close()
            return 0

    make_app = main_module.make_app
    monkeypatch.setattr(main_module, "make_app", lambda: make_app() and EventLoop)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own

    def start(*args: str) -> dict:
        assert main_module.main(list(args)) == 0
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return seen[-1]
    return start


def test_the_first_start_offers_the_demo_then_welcomes_once(started, answers, home):
    path = home / "traindesk.db"
    answers["replies"] = [1]  # 建立空数据库
    shown = started("--db", str(path))
    title, text, buttons = answers["asked"][0]
    assert buttons == ["载入示范数据", "建立空数据库", "退出"] and "示范数据" in text
    assert shown["WelcomeDialog"].startswith("这是一个空数据库")
    assert shown["MainWindow"]["people"] == 0 and path.exists()
    again = started("--db", str(path))  # the next start: no question, no welcome
    assert len(answers["asked"]) == 1 and "WelcomeDialog" not in again and "MainWindow" in again


def test_the_welcome_is_not_shown_twice_even_for_another_new_database(started, answers, home, tmp_path):
    answers["replies"] = [0, 1]
    shown = started("--db", str(tmp_path / "示范.db"))
    assert shown["WelcomeDialog"].startswith("已载入示范数据")
    assert shown["MainWindow"]["people"] == 600
    shown = started("--db", str(tmp_path / "空的.db"))
    assert len(answers["asked"]) == 2 and "WelcomeDialog" not in shown


def test_demo_flag_starts_without_question_or_welcome(started, answers, tmp_path):
    shown = started("--db", str(tmp_path / "d.db"), "--demo")
    assert answers["asked"] == [] and "WelcomeDialog" not in shown


def test_quitting_at_the_first_question_starts_nothing(started, answers, tmp_path):
    answers["replies"] = [2]
    assert main_module.main(["--db", str(tmp_path / "no.db")]) == 0
    assert not (tmp_path / "no.db").exists()


def test_each_step_opens_its_page(qtbot, window):
    for index, title in enumerate(["计划", "班次", "期次", "文书打印"]):
        help.show_welcome(window)
        dialog = window.findChildren(WelcomeDialog)[-1]
        assert dialog.isVisible()
        button = dialog.step_buttons[index]
        assert button.text() == f"打开“{title}”"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        assert window.stack.currentWidget() is window.page(window.page_titles().index(title))


def test_the_welcome_leads_to_the_manual(qtbot, window):
    help.show_welcome(window)
    dialog = window.findChildren(WelcomeDialog)[-1]
    qtbot.mouseClick(dialog.manual_button, Qt.MouseButton.LeftButton)
    manual = help.manual_window()
    assert manual.isVisible() and manual.browser.headings()[0] == "快速上手"
    manual.close()


def test_the_help_menu(qtbot, window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    entries = {a.text(): a for a in menu.actions() if a.text()}
    assert list(entries) == ["使用手册(&M)", "本页帮助(&P)", "快速上手(&Q)", "操作日志(&L)", "关于(&A)"]
    entries["使用手册(&M)"].trigger()
    manual = help.manual_window()
    assert manual.isVisible() and manual.browser.headings()[0] == "快速上手"  # at its beginning
    help.open_help(window, "stats")  # F1 on the statistics page
    entries["使用手册(&M)"].trigger()
    assert help.manual_window() is manual and manual.browser.headings()[0] == "统计"  # where the reader left it
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, ManualWindow) and w.isVisible()] == [manual]
    manual.close()
    entries["快速上手(&Q)"].trigger()
    assert window.findChildren(WelcomeDialog)[-1].isVisible()
