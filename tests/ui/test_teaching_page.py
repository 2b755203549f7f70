"""The 师资 page driven as the clerk drives it: add, edit, refuse, delete (refused when used), 停用; a lecturer's
year opening a period; bases and the course library; 讲课费 printed, exported and its rates; the period window's
讲课费发放表; the statistics' 领导干部上讲台 line."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from app.services import database
from app.services.safety import audit
from app.services.teaching import fees
from app.storage import tables
from tests import teaching_data
from tests.ui.conftest import type_text
from tests.ui.helpers import double_click_row, figures_arrived, stats_page, when_dialog_opens
from tests.ui.test_documents_page import bundled_fonts, previewed  # noqa: F401 (a fixture)
from ui.documents.print_dialog import PrintDialog
from ui.roster.period_actions import open_period
from ui.teaching import fee_actions


@pytest.fixture
def demo_file(demo_file):
    """The demo office with the test's own teaching instead of its own: two periods, six lecturers, a base, six sessions."""
    with database.writing(demo_file) as db:
        teaching_data.forget_demo_teaching(db)
        office = teaching_data.build(db)
        teaching_data.teach(db, office, office.first,
                            ("2020-05-11", "上午", "党史专题", "王教授", {"base_id": office.base.id}),
                            ("2020-05-11", "下午", "全县经济形势", "孙书记"),
                            ("2020-05-12", "上午", "党史专题", "李副教授"),
                            ("2020-05-13", "上午", "公文写作", "赵讲师"))
        teaching_data.teach(db, office, office.second, ("2020-05-12", "下午", "党史专题", "王教授"))
    return demo_file


@pytest.fixture
def page(qtbot, window):
    shown = window.show_page("师资")
    shown.year.setCurrentIndex(shown.year.findData(2020))
    return shown


def lecturer_row(page, name: str) -> int:
    return next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == name)


def choose(page, name: str):
    page.table.selectRow(lecturer_row(page, name))
    return page.selected_record()


def test_the_list_masks_phones_filters_by_kind_and_searches_every_tab(qtbot, page):
    assert page.model.rowCount() == 6 and page.count_label.text() == "共 6 位授课人"
    phone = [c.header for c in page.model.columns].index("联系电话")
    assert page.proxy.index(lecturer_row(page, "王教授"), phone).data() == "138****5678"
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("党校教师"))
    assert sorted(page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())) == ["李副教授", "赵讲师"]
    page.kind_filter.setCurrentIndex(0)
    type_text(page.search, "党史")
    assert page.courses.proxy.rowCount() == 1
    page.tabs.setCurrentIndex(2)
    assert page.count_label.text() == "找到 1 个专题（共 3 个专题）"


def test_adding_editing_and_refusing_a_lecturer(qtbot, window, page, answers):
    db = window.session.db

    def fill(dialog):
        dialog.name.setText("吴专家")
        dialog.phone.setText("1381234")
        assert not dialog.save_button.isEnabled() and "手机号码应为11位" in dialog.errors.labels["phone"].text()
        dialog.phone.setText("13812340000")
        dialog.title_box.setCurrentIndex(dialog.title_box.findData("知名专家"))
        dialog.kind.setCurrentIndex(dialog.kind.findData("专家学者"))
        dialog.fields.setText("乡村振兴")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    when_dialog_opens(fill)
    qtbot.mouseClick(page.write_buttons[0], Qt.MouseButton.LeftButton)
    saved = tables.lecturers(db).where("name = ?", ["吴专家"])[0]
    assert (saved.title, saved.kind, saved.phone, saved.fields) == ("知名专家", "专家学者", "13812340000", "乡村振兴")
    assert page.selected_record().name == "吴专家" and page.model.rowCount() == 7

    def empty_name(dialog):
        dialog.name.setText("")
        assert dialog.errors.labels["name"].text() == "姓名不能为空" and not dialog.save_button.isEnabled()
        dialog.reject()
    when_dialog_opens(empty_name)
    page.edit_lecturer()
    assert tables.lecturers(db).get(saved.id).name == "吴专家"

    def leader(dialog):
        assert dialog.phone.text() == "13812340000"  # whole in the form
        dialog.kind.setCurrentIndex(dialog.kind.findData("领导干部"))
        dialog.title_box.setCurrentIndex(dialog.title_box.findData("领导干部"))
        assert dialog.level.isEnabled()
        dialog.level.setCurrentIndex(dialog.level.findData("副处级"))
        dialog.save()
    when_dialog_opens(leader)
    double_click_row(qtbot, page.table, page.proxy.mapFromSource(page.model.index(
        next(i for i, r in enumerate(page.model.records()) if r.id == saved.id), 0)).row())
    assert tables.lecturers(db).get(saved.id).leader_level == "副处级"
    assert audit.entries(db, 1)[0]["action"] == "保存授课人"


def test_delete_is_refused_for_a_lecturer_who_taught_and_archiving_keeps_them(qtbot, window, page, answers):
    db = window.session.db
    choose(page, "王教授")
    page.delete_lecturer()
    assert "已在课程表中授课2次，不能删除" in answers["errors"][-1][1]
    assert tables.lecturers(db).where("name = ?", ["王教授"])
    choose(page, "钱院士")
    page.delete_lecturer()
    assert not tables.lecturers(db).where("name = ?", ["钱院士"]) and page.model.rowCount() == 5
    choose(page, "王教授")
    page.toggle_archived()
    assert tables.lecturers(db).where("name = ?", ["王教授"])[0].archived
    assert "王教授" not in [r.name for r in page.model.records()] and "已停用" in answers["infos"][-1][1]
    page.show_archived.setChecked(True)
    assert choose(page, "王教授").archived
    page.toggle_archived()
    assert not tables.lecturers(db).where("name = ?", ["王教授"])[0].archived


def test_a_lecturers_year_lists_the_sessions_and_each_opens_its_period(qtbot, window, page):
    choose(page, "王教授")
    assert [(page.taught.record(r).period_label, page.taught.record(r).session.topic)
            for r in range(page.taught.rowCount())] == [("科级干部培训班第1期", "党史专题"), ("乡村振兴专题班第1期", "党史专题")]
    assert page.taught_label.text() == "王教授：授课2节、8学时"
    page.year.setCurrentIndex(page.year.findData(date.today().year))  # the combo always offers this year
    assert page.taught.rowCount() == 0 and page.taught_label.text() == "王教授：授课0节、0学时"
    page.year.setCurrentIndex(page.year.findData(2020))
    page.taught_table.selectRow(1)
    page.taught_table.doubleClicked.emit(page.taught_proxy.index(1, 0))
    roster = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "RosterWindow" and w.isVisible())
    assert "乡村振兴专题班" in roster.windowTitle()
    roster.close()


def test_bases_are_added_refused_when_named_twice_and_show_their_sessions(qtbot, window, page, answers):
    db = window.session.db
    page.tabs.setCurrentIndex(1)
    bases = page.bases
    assert bases.held.rowCount() == 1 and "党史专题" in [bases.held.record(0).session.topic]

    def same_name(dialog):
        dialog.name.setText("长征精神党性教育基地")
        dialog.save()
        assert "已存在" in dialog.errors.labels["name"].text()
        dialog.name.setText("王良故居党性教育基地")
        dialog.kind.setCurrentIndex(dialog.kind.findData("党性教育基地"))
        dialog.capacity.setValue(60)
        dialog.save()
    when_dialog_opens(same_name)
    bases.add_base()
    assert [(b.name, b.capacity) for b in tables.teaching_bases(db).all()][-1] == ("王良故居党性教育基地", 60)
    assert bases.current().name == "王良故居党性教育基地" and bases.held.rowCount() == 0
    bases.select(tables.teaching_bases(db).all()[0].id)
    bases.delete_base()
    assert "已安排教学1次，不能删除" in answers["errors"][-1][1]


def test_the_course_library_marks_a_topic(qtbot, window, page):
    page.tabs.setCurrentIndex(2)
    courses = page.courses
    assert courses.proxy.index(0, 0).data() == "党史专题" and courses.proxy.index(0, 2).data() == "3"
    courses.table.selectRow(0)
    qtbot.mouseClick(courses.write_buttons[0], Qt.MouseButton.LeftButton)
    assert [(c.topic, c.kind) for c in tables.courses(window.session.db).all()] == [("党史专题", "精品课程")]
    assert courses.proxy.index(0, 1).data() == "精品课程" and "已标记1个" in courses.summary.text()


def test_fee_rules_dialog_saves_and_the_sheet_follows(qtbot, window, page):
    db = window.session.db

    def change(dialog):
        dialog.rates["正高级"].setValue(800)
        dialog.leaders_unpaid.setChecked(False)
        dialog.save()
    when_dialog_opens(change)
    next(a for a in page.fees_menu.actions() if a.text() == "讲课费标准…").trigger()
    rules = fees.fee_rules(db)
    assert rules.rate("正高级") == 800 and not rules.leaders_unpaid
    wang = tables.lecturers(db).where("name = ?", ["王教授"])[0]
    assert fees.lecturer_sheet(db, wang.id, 2020).total_amount == 6400  # 2 half-days × 4 学时 × 800

    def restore(dialog):
        assert dialog.rates["正高级"].value() == 800
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "恢复默认").click()
        assert dialog.rates["正高级"].value() == 1000 and dialog.leaders_unpaid.isChecked()
        dialog.save()
    when_dialog_opens(restore)
    window.lecture_fee_rules()
    assert fees.fee_rules(db) == fees.FeeRules()


def test_fees_export_to_excel_from_the_page(qtbot, window, page, monkeypatch, tmp_path, answers):
    monkeypatch.setattr(fee_actions, "ask_path", lambda parent, name: tmp_path / name)
    choose(page, "王教授")
    next(a for a in page.fees_menu.actions() if a.text().startswith("导出本人本年度")).trigger()
    book = load_workbook(tmp_path / "王教授2020年讲课费发放表.xlsx")
    assert book.active["A1"].value == "王教授2020年讲课费发放表"
    page.taught_table.selectRow(0)
    next(a for a in page.fees_menu.actions() if a.text().startswith("导出所选课程所在期次")).trigger()
    assert load_workbook(tmp_path / "科级干部培训班第1期讲课费发放表.xlsx").active["A1"].value == \
        "科级干部培训班第1期讲课费发放表"
    choose(page, "钱院士")
    assert not next(a for a in page.fees_menu.actions() if a.text().startswith("导出本人本年度")).isEnabled()


def test_the_period_window_prints_its_lecture_fees(qtbot, window, monkeypatch, tmp_path):
    db = window.session.db
    period_id = tables.periods(db).where("place = ?", ["二教室"])[0].id
    roster = open_period(window, window.session, period_id)
    next(a for a in roster.print_menu.actions() if a.text() == "讲课费发放表…").trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PrintDialog) and dialog.windowTitle() == "打印 — 讲课费发放表"
    previewed(qtbot, dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "讲课费"), a[-1]))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    from pypdf import PdfReader

    text = PdfReader(str(tmp_path / "讲课费.pdf")).pages[0].extract_text()
    assert "乡村振兴专题班第1期讲课费发放表" in text and "王教授" in text
    dialog.close()
    roster.close()


def test_the_statistics_show_leaders_teaching(qtbot, window):
    stats = stats_page(qtbot, window)
    stats.year.setCurrentIndex(stats.year.findData(2020))
    figures_arrived(qtbot, stats)
    assert stats.leader_label.text() == "领导干部上讲台：1人，授课1节、4学时"


def test_read_only_the_page_only_looks(qtbot, demo_file, answers):
    from ui.shell.main_window import MainWindow
    from ui.shell.session import Session

    session = Session(database.open_database(demo_file), demo_file, None)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("师资")
    assert page.model.rowCount() == 6
    buttons = page.write_buttons + page.bases.write_buttons + page.courses.write_buttons
    assert not any(button.isEnabled() for button in buttons)
    window.lecture_fee_rules()
    assert "只读" in answers["infos"][-1][1]
    session.close()


def test_the_calendar_shows_a_lecturer_booked_twice(qtbot, window):
    from app.domain.conflicts import LECTURER
    from app.domain.teaching_records import Session
    from app.services.teaching import timetable
    from ui.shell.changes import Changed

    db = window.session.db
    calendar = window.show_page("日历")
    calendar.go_to(date(2020, 5, 11))
    assert not [c for c in calendar.conflicts if c.kind == LECTURER]
    wang = tables.lecturers(db).where("name = ?", ["王教授"])[0]
    second = tables.periods(db).where("place = ?", ["二教室"])[0]
    timetable.save_session(db, Session(second.id, "2020-05-11", "上午", topic="党史专题", lecturer_id=wang.id))
    window.session.announce(Changed.TEACHING)
    found = [c for c in calendar.conflicts if c.kind == LECTURER]
    assert [c.message for c in found] == ["授课人王教授在5月11日上午同时安排在科级干部培训班第1期和乡村振兴专题班第1期授课"]
    assert set(found[0].period_ids) <= calendar.month_view.marks.conflict_ids
    calendar.show_day(date(2020, 5, 11))
    assert "授课人冲突" in calendar.details.toPlainText() and "授课人王教授" in calendar.details.toPlainText()
