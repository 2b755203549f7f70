"""期次: the periods page driven as the clerk drives it: filters, the search, and a period's roster, class
form and import opened from it."""
from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import type_text
from tests.ui.helpers import double_click_row, when_dialog_opens
from tests.ui.test_main_window import TITLES, click_nav
from ui.importing.steps import FILE
from ui.roster.roster_window import RosterWindow

MID_SEPTEMBER = date(2020, 9, 16)


@pytest.fixture
def page(qtbot, window):
    periods_page = window.page(TITLES.index("期次"))
    periods_page.today = lambda: MID_SEPTEMBER  # built, not yet shown: it opens on this day's period
    assert click_nav(qtbot, window, "期次") is periods_page
    yield periods_page
    for roster in window.findChildren(RosterWindow):
        roster.close()


def shown(page) -> list[str]:
    return [page.proxy.index(row, 0).data() + " " + page.proxy.index(row, 1).data()
            for row in range(page.proxy.rowCount())]


def choose(box, text: str) -> None:
    box.setCurrentIndex(box.findText(text))


def test_every_period_with_its_dates_status_and_seats_the_one_at_hand_selected(page, qtmodeltester):
    assert page.model.rowCount() == 36 and page.count_label.text() == "共 36 期"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers[:6] == ["班次", "期次", "日期", "状态", "学员", "计划人数"]
    at_hand = page.selected_record()
    assert (at_hand.label, at_hand.status) == ("县管副职领导干部进修班 第2期", "开班")  # in progress on 16 September
    row = page.table.selectionModel().selectedRows()[0].row()
    assert [page.proxy.index(row, c).data() for c in range(7)] == [
        "县管副职领导干部进修班", "第2期", "2020-09-01 至 09-30", "开班", "24", "40", "县委党校"]
    qtmodeltester.check(page.model)


def test_filters_by_when_plan_and_kind_and_the_count_follows(qtbot, page):
    choose(page.when, "进行中")
    assert shown(page) == ["县管副职领导干部进修班 第2期", "国企改革与管理培训班 第1期"]
    assert page.count_label.text() == "找到 2 期（共 36 期）"
    choose(page.when, "即将开班")
    assert page.proxy.rowCount() == 10 and page.selected_record() is not None
    choose(page.kind, "初任培训")
    assert shown(page) == ["新录用公务员初任培训班 第1期"]
    choose(page.when, "已结班")
    assert shown(page) == [] and not page.open_button.isEnabled()
    choose(page.kind, "全部类型")
    choose(page.plan, "2020年公务员培训计划")
    assert page.proxy.rowCount() == 7  # the closed periods of that plan
    choose(page.when, "全部期次")
    choose(page.plan, "全部计划")
    assert page.proxy.rowCount() == 36


def test_search_by_initials_then_enter_opens_the_roster(qtbot, page, window):
    type_text(page.search, "jxb2")
    assert shown(page) == ["县管副职领导干部进修班 第2期"]
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    rosters = window.findChildren(RosterWindow)
    assert len(rosters) == 1 and rosters[0].period_id == page.selected_record().id
    assert rosters[0].isVisible() and "县管副职领导干部进修班第2期" in rosters[0].windowTitle()
    rosters[0].close()
    page.search.clear()
    type_text(page.search, "县委党校 筹备")  # the place and the status
    assert shown(page) == ["人才研修班 第1期", "新录用公务员初任培训班 第1期"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter in the search box: the selected one's roster
    assert [r.period.class_name for r in window.findChildren(RosterWindow) if r.isVisible()] == ["人才研修班"]


def test_a_double_click_opens_the_roster_once(qtbot, page, window):
    type_text(page.search, "国企改革")
    double_click_row(qtbot, page.table, 0)
    double_click_row(qtbot, page.table, 0)
    rosters = window.findChildren(RosterWindow)
    assert [r.period.class_name for r in rosters] == ["国企改革与管理培训班"]  # raised, not opened again


def test_its_class_form_and_an_import_into_it_are_a_click_away(qtbot, page, window):
    seen = []

    def look(dialog):
        seen.append((dialog.draft.training_class.name, dialog.tabs.currentIndex(),
                     dialog.periods.periods()[dialog.periods.current_row()].number))
        dialog.reject()
    when_dialog_opens(look)
    qtbot.mouseClick(page.class_button, Qt.MouseButton.LeftButton)
    assert seen == [("县管副职领导干部进修班", 1, 2)]  # the form, on the 期次 tab, on this period
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    from PySide6.QtWidgets import QWizard

    wizard = window.findChildren(QWizard)[0]
    assert wizard.page(FILE).into_period.isChecked()
    assert wizard.page(FILE).period.current_id() == page.selected_record().id
    wizard.close()
