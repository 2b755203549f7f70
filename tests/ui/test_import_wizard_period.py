"""The import wizard picks the right period: the one it was opened from, else the next to begin; the list
shows dates and status and narrows as you type; a closed period is asked about; the last page opens the
roster."""
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWizard

from app.services import periods
from app.services import roster as roster_service
from tests.roster_files import good_rows, write_xlsx
from tests.ui.conftest import type_text
from tests.ui.test_import_wizard import COMMIT, NEXT, press
from ui.importing.launch import open_import_wizard
from ui.importing.steps import COLUMNS, FILE, FINISH, PREVIEW
from ui.roster.roster_window import RosterWindow

MID_SEPTEMBER = date(2020, 9, 16)


@pytest.fixture(autouse=True)
def close_windows(window):
    yield
    for widget in window.findChildren(QWizard) + window.findChildren(RosterWindow):
        widget.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def period_named(window, label: str):
    return next(entry for entry in periods.entries(window.session.db) if entry.label == label)


def listed(picker) -> list[str]:
    return [picker.proxy.index(row, 0).data() for row in range(picker.proxy.rowCount())]


def test_opened_from_a_period_it_imports_into_that_one(qtbot, window):
    closed = period_named(window, "县管副职领导干部进修班 第1期")
    page = open_import_wizard(window, window.session, closed.id, today=MID_SEPTEMBER).page(FILE)
    assert page.into_period.isChecked() and page.period.current_id() == closed.id
    assert page.period.box.view().model().rowCount() == 36


def test_else_the_next_to_begin_with_dates_and_status_else_the_last(qtbot, window):
    page = open_import_wizard(window, window.session, today=MID_SEPTEMBER).page(FILE)
    assert page.archive_only.isChecked()  # from the people page the list goes into the archive unless asked
    chosen = page.period.current()
    assert chosen.label == "军民融合发展战略专题培训班 第1期"  # not the oldest, closed period
    row = page.period.box.currentIndex()
    assert [page.period.proxy.index(row, column).data() for column in range(4)] == [
        "军民融合发展战略专题培训班 第1期", "2020-09-21 至 09-25", "报名", "30/50"]
    later = open_import_wizard(window, window.session, today=date(2021, 3, 1)).page(FILE)
    assert later.period.current().label == "推进“一带一路” 建设专题研讨班 第1期"


def test_typing_narrows_the_list_and_choosing_means_into_the_period(qtbot, window, answers):
    page = open_import_wizard(window, window.session, today=MID_SEPTEMBER).page(FILE)
    type_text(page.period.search, "jxb")
    assert listed(page.period) == ["县管副职领导干部进修班 第1期", "县管副职领导干部进修班 第2期"]
    assert page.period.current().label == "县管副职领导干部进修班 第2期"  # of those, the likeliest
    assert page.into_period.isChecked()
    type_text(page.period.search, "9")  # "jxb9": no 第9期
    assert listed(page.period) == [] and page.period.current() is None
    type_text(page.path, "名单.xlsx")
    qtbot.mouseClick(page.wizard_.button(NEXT), Qt.MouseButton.LeftButton)
    assert page.wizard_.currentId() == FILE and "没有符合筛选的期次" in answers["infos"][-1][1]  # says so, stays


def test_a_closed_period_is_asked_about_no_stays_yes_imports(qtbot, window, tmp_path, answers):
    closed = period_named(window, "县管副职领导干部进修班 第1期")
    before = len(roster_service.roster(window.session.db, closed.id))
    wizard = open_import_wizard(window, window.session, today=MID_SEPTEMBER)
    page = wizard.page(FILE)
    type_text(page.path, str(write_xlsx(tmp_path / "补报.xlsx", good_rows(2))))
    page.period.select(closed.id)
    assert page.into_period.isChecked()
    answers["replies"] += [1]  # 取消
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    assert answers["asked"][-1][1] == "县管副职领导干部进修班 第1期已结班（名单已锁定、学时已计入），仍要导入吗？"
    assert wizard.currentId() == FILE and wizard.sheets == []  # not even read
    answers["replies"] += [0]  # 仍要导入
    press(qtbot, wizard, NEXT, COLUMNS)
    assert len(answers["asked"]) == 2  # asked once more, not again after the file was read
    press(qtbot, wizard, NEXT, PREVIEW)
    press(qtbot, wizard, COMMIT, FINISH)
    assert len(roster_service.roster(window.session.db, closed.id)) == before + 2


def test_the_last_page_opens_the_roster_of_the_period(qtbot, window, tmp_path):
    upcoming = period_named(window, "军民融合发展战略专题培训班 第1期")
    wizard = open_import_wizard(window, window.session, today=MID_SEPTEMBER)
    page = wizard.page(FILE)
    type_text(page.path, str(write_xlsx(tmp_path / "名单.xlsx", good_rows(3))))
    page.into_period.setChecked(True)
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, PREVIEW)
    press(qtbot, wizard, COMMIT, FINISH)
    finish = wizard.page(FINISH)
    assert finish.roster_button.isVisible()
    qtbot.mouseClick(finish.roster_button, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    roster = [r for r in window.findChildren(RosterWindow) if r.isVisible()]
    assert [r.period_id for r in roster] == [upcoming.id]
    assert roster[0].model.rowCount() == upcoming.enrolled + 3


def test_no_roster_button_after_an_import_into_the_archive_only(qtbot, window, tmp_path):
    wizard = open_import_wizard(window, window.session, today=MID_SEPTEMBER)
    type_text(wizard.page(FILE).path, str(write_xlsx(tmp_path / "档案.xlsx", good_rows(1))))
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, PREVIEW)
    press(qtbot, wizard, COMMIT, FINISH)
    assert not wizard.page(FINISH).roster_button.isVisible()
