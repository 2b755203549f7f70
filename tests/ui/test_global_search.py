"""The search box in the top bar: Ctrl+K, typing a name or its pinyin initials, Enter opens what was found."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.storage import tables
from tests.ui.conftest import type_text
from tests.ui.helpers import when_dialog_opens
from ui.roster.roster_window import RosterWindow
from ui.shell.global_search import ID_ROLE


@pytest.fixture
def box(qtbot, window):
    window.search.today = lambda: date(2020, 9, 16)
    yield window.search
    window.search.popup.hide()
    for roster in window.findChildren(RosterWindow):
        roster.close()


def results(box) -> list[str]:
    model = box.completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def search_for(qtbot, box, text: str) -> None:
    type_text(box, text)
    qtbot.waitUntil(lambda: box.popup.isVisible() and len(results(box)) > 1)


def press(qtbot, box, key) -> None:
    """A key while the list is open goes to the list (a popup holds the keyboard)."""
    qtbot.keyClick(box.popup, key)


def test_ctrl_k_puts_the_cursor_in_the_search_box(qtbot, window, box):
    window.activateWindow()
    window.pages[0].setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is box
    assert window.menuBar().cornerWidget(Qt.Corner.TopRightCorner) is box


def test_a_period_by_initials_and_its_number_enter_opens_its_roster(qtbot, window, box):
    search_for(qtbot, box, "jxb2")
    assert results(box) == ["期次", "县管副职领导干部进修班 第2期"]
    assert box.popup.currentIndex().data() == "县管副职领导干部进修班 第2期"  # the first result, ready for Enter
    press(qtbot, box, Qt.Key.Key_Return)
    rosters = window.findChildren(RosterWindow)
    assert len(rosters) == 1 and rosters[0].title.text() == "县管副职领导干部进修班　第2期"
    assert not box.popup.isVisible()


def test_a_person_by_initials_opens_the_people_page_on_them(qtbot, window, box):
    person = tables.people(window.session.db).get(7)
    search_for(qtbot, box, person.name_initials)
    assert results(box)[0] == "学员" and person.name in results(box)
    while box.popup.currentIndex().data(ID_ROLE) != person.id:
        press(qtbot, box, Qt.Key.Key_Down)
    press(qtbot, box, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    assert window.nav.currentItem().text() == "学员" and page.search.text() == person.name
    assert page.selected_record().id == person.id and page.detail.name.text() == person.name


def test_the_arrows_pass_over_the_group_titles_to_a_class_whose_form_opens(qtbot, window, box):
    search_for(qtbot, box, "xgfzldgbjxb")
    assert results(box) == ["期次", "县管副职领导干部进修班 第2期", "县管副职领导干部进修班 第1期",
                            "班次", "县管副职领导干部进修班"]
    press(qtbot, box, Qt.Key.Key_Down)
    press(qtbot, box, Qt.Key.Key_Down)
    assert box.popup.currentIndex().row() == 4  # the title 班次 is never current
    seen = []
    when_dialog_opens(lambda dialog: seen.append(dialog.windowTitle()) or dialog.reject())
    press(qtbot, box, Qt.Key.Key_Return)
    assert seen == ["班次：县管副职领导干部进修班"]
    assert window.nav.currentItem().text() == "班次"
    assert window.stack.currentWidget().selected_record().name == "县管副职领导干部进修班"


def test_enter_before_the_list_shows_opens_the_best_match(qtbot, window, box):
    type_text(box, "zzb")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # quicker than the typing pause
    page = window.stack.currentWidget()
    assert window.nav.currentItem().text() == "单位" and page.selected_record().name == "县委组织部"


def test_nothing_found_says_so_and_escape_clears(qtbot, window, box):
    type_text(box, "没有这个名字")
    qtbot.waitUntil(box.popup.isVisible)
    assert results(box) == ["没有找到"] and not box.popup.currentIndex().isValid()
    press(qtbot, box, Qt.Key.Key_Return)
    assert window.findChildren(RosterWindow) == [] and window.nav.currentItem().text() == "计划"
    press(qtbot, box, Qt.Key.Key_Escape)
    assert not box.popup.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""


def test_a_click_on_a_result_opens_it(qtbot, window, box):
    search_for(qtbot, box, "县委组织")
    assert results(box) == ["单位", "县委组织部"]
    view = box.popup
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(1, 0)).center())
    assert window.nav.currentItem().text() == "单位"
    assert window.stack.currentWidget().selected_record().name == "县委组织部"
