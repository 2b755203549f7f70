"""The keys: Ctrl+F finds on the page, Ctrl+P prints what the page prints, F1 opens the page's help, Enter
opens the selected item, Del removes it after asking (and only in the list: in a search box it deletes a
character), Esc closes the roster window."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.errors import NotFound
from app.services import people
from tests.ui.helpers import when_dialog_opens
from tests.ui.test_main_window import click_nav
from ui.roster.period_actions import open_period
from ui.units.units_page import UnitDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def active(qtbot, window):
    """The window in front with the keyboard, as on the office PC."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def helped(monkeypatch):
    from ui.shell import help

    asked = []
    monkeypatch.setattr(help, "open_help", lambda parent, topic: asked.append((parent, topic)))
    return asked


def test_ctrl_f_puts_the_cursor_in_the_page_search(qtbot, active):
    for title in ("学员", "班次", "单位"):
        page = click_nav(qtbot, active, title)
        page.search.setText("县")
        active.nav.setFocus()
        qtbot.keyClick(active, Qt.Key.Key_F, CTRL)
        assert QApplication.focusWidget() is page.search and page.search.selectedText() == "县", title
    click_nav(qtbot, active, "日历")
    qtbot.keyClick(active, Qt.Key.Key_F, CTRL)
    assert "没有搜索框" in active.statusBar().currentMessage()


def test_ctrl_p_prints_what_the_page_prints(qtbot, active, monkeypatch):
    from ui.documents import print_actions

    printed = []
    monkeypatch.setattr(print_actions, "print_year_summary", lambda parent, session, year: printed.append(year))
    click_nav(qtbot, active, "统计")
    qtbot.keyClick(active, Qt.Key.Key_P, CTRL)
    assert printed == [2020]
    click_nav(qtbot, active, "单位")
    qtbot.keyClick(active, Qt.Key.Key_P, CTRL)
    assert printed == [2020] and "文书打印" in active.statusBar().currentMessage()


def test_f1_opens_the_help_of_the_page_shown(qtbot, active, helped):
    for title, topic in (("计划", "plans"), ("学员", "people"), ("文书打印", "documents"), ("日历", "calendar")):
        click_nav(qtbot, active, title)
        qtbot.keyClick(active, Qt.Key.Key_F1)
        assert helped[-1] == (active, topic)


def removable_person(window):
    """A person on no roster: the archive lets them go."""
    db = window.session.db
    return next(p for p in window.show_page("学员").model.records()
                if not db.execute("SELECT 1 FROM enrollments WHERE person_id = ?", [p.id]).fetchone())


def test_del_in_the_list_asks_then_removes(qtbot, active, answers):
    page = click_nav(qtbot, active, "学员")
    person = removable_person(active)
    page.search.setText(person.id_number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.setFocus()
    answers["replies"] = [1]  # 取消
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers["asked"][-1][0] == "删除人员" and person.name in answers["asked"][-1][1]
    assert people.get_person(active.session.db, person.id).name == person.name
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # 删除 this time
    assert page.model.rowCount() == 0
    with pytest.raises(NotFound):
        people.get_person(active.session.db, person.id)


def test_del_in_the_search_box_only_edits_the_text(qtbot, active, answers):
    page = click_nav(qtbot, active, "学员")
    page.search.setText("张")
    page.search.setFocus()
    page.search.setCursorPosition(0)
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    assert page.search.text() == "" and answers["asked"] == []


def test_enter_opens_the_selected_item(qtbot, active):
    page = click_nav(qtbot, active, "单位")
    page.table.selectRow(0)
    page.table.setFocus()
    opened = []

    def look(dialog):
        opened.append((type(dialog), dialog.name.text()))
        dialog.reject()
    when_dialog_opens(look)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [(UnitDialog, page.selected_record().name)]


def test_the_roster_window_answers_esc_f1_enter_and_del(qtbot, window, answers, helped):
    period_id = window.session.db.execute(
        "SELECT period_id FROM enrollments e JOIN periods p ON p.id = e.period_id WHERE p.status = '报名' "
        "LIMIT 1").fetchone()[0]
    roster = open_period(window, window.session, period_id)
    roster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is roster)
    qtbot.keyClick(roster, Qt.Key.Key_F1)
    assert helped == [(roster, "roster")]
    before = roster.model.rowCount()
    roster.table.selectRow(0)
    roster.table.setFocus()
    answers["replies"] = [1]  # 取消
    qtbot.keyClick(roster.table, Qt.Key.Key_Delete)
    assert answers["asked"][-1][0] == "移出名单" and roster.model.rowCount() == before
    edited = []
    when_dialog_opens(lambda dialog: edited.append(dialog.windowTitle()) or dialog.reject())
    qtbot.keyClick(roster.table, Qt.Key.Key_Return)
    assert edited and edited[0].startswith("学员信息")
    roster.activateWindow()  # back in front once the dialog is closed
    qtbot.waitUntil(lambda: QApplication.activeWindow() is roster)
    qtbot.keyClick(roster, Qt.Key.Key_Escape)
    assert not roster.isVisible()
