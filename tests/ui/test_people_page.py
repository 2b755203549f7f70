"""学员 and 单位 pages driven as a user drives them: search, page, the person form, the unit form."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.domain.models import Person
from app.services import people, units
from tests.roster_files import id_number
from tests.ui.conftest import type_text
from tests.ui.helpers import when_dialog_opens
from tests.ui.test_main_window import click_nav
from ui.people.person_dialog import PersonDialog
from ui.shell.changes import Changed
from ui.units.units_page import UnitDialog


def test_the_list_reads_pages_as_it_scrolls(qtbot, window, qtmodeltester):
    page = click_nav(qtbot, window, "学员")
    assert page.model.rowCount() == 200 and page.model.total == 600 and page.model.canFetchMore()
    qtmodeltester.check(page.model)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 200)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 600 and page.count_label.text() == "共 600 人"


def test_search_by_pinyin_initials_and_filters(qtbot, window):
    page = click_nav(qtbot, window, "学员")
    someone = people.search_people(window.session.db)[10]
    qtbot.keyClicks(page.search, someone.name_initials)
    qtbot.waitUntil(lambda: page.count_label.text().startswith("找到"))
    found = [page.model.record(r).name for r in range(page.model.rowCount())]
    assert someone.name in found
    page.search.clear()
    qtbot.waitUntil(lambda: not page._timer.isActive())
    page.rank_filter.setCurrentIndex(page.rank_filter.findData("正科级"))
    qtbot.waitUntil(lambda: page.count_label.text().startswith("找到"))
    assert {page.model.record(r).rank for r in range(page.model.rowCount())} == {"正科级"}


def test_the_selected_person_shows_every_class_attended(qtbot, window):
    page = click_nav(qtbot, window, "学员")
    attended = window.session.db.execute(
        "SELECT person_id FROM enrollments WHERE status = '结业' LIMIT 1").fetchone()[0]
    person = people.get_person(window.session.db, attended)
    type_text(page.search, person.id_number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.detail.name.text() == person.name)
    history = people.attendance(window.session.db, attended)
    assert page.detail.model.rowCount() == len(history)
    statuses = [page.detail.model.index(r, 5).data() for r in range(page.detail.model.rowCount())]
    assert "结业" in statuses and f"参训{len(history)}次" in page.detail.summary.text()


def fill_person(dialog: PersonDialog, name: str, number: str, phone: str = "") -> None:
    type_text(dialog.name, name)
    type_text(dialog.id_number, number)
    if phone:
        type_text(dialog.phone, phone)


def test_the_form_checks_as_you_type_and_fills_sex_and_birth_from_the_id(qtbot, window):
    db = window.session.db
    dialog = PersonDialog(window, db)
    qtbot.addWidget(dialog)
    number = id_number("1985-06-01", 123)
    fill_person(dialog, "新学员", number[:10])
    assert "18位" in dialog.errors.labels["id_number"].text() and not dialog.save_button.isEnabled()
    type_text(dialog.id_number, number[10:])
    assert (dialog.gender.currentData(), dialog.birth_date.text()) == ("男", "1985-06-01")
    dialog.gender.setCurrentIndex(dialog.gender.findData("女"))
    assert "号码显示为男" in dialog.errors.labels["gender"].text() and not dialog.save_button.isEnabled()
    dialog.gender.setCurrentIndex(dialog.gender.findData("男"))
    type_text(dialog.phone, "138")
    assert "11位" in dialog.errors.labels["phone"].text()  # a hint: a number of no known form is kept as typed
    assert dialog.save_button.isEnabled() and "不妨碍保存" in dialog.summary.text()
    dialog.phone.clear()
    assert dialog.save_button.isEnabled() and dialog.summary.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = people.by_id_number(db, number)
    assert saved.name == "新学员" and saved.gender == "男" and saved.name_initials == "xxy"


def test_an_id_number_already_registered_is_refused_and_nothing_changes(qtbot, window):
    db = window.session.db
    someone = people.search_people(db)[0]
    before = people.count_people(db)
    dialog = PersonDialog(window, db)
    qtbot.addWidget(dialog)
    fill_person(dialog, "冒名", someone.id_number)
    assert f"已登记给“{someone.name}”" in dialog.errors.labels["id_number"].text()
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert dialog.result() == 0 and people.count_people(db) == before


def test_adding_from_the_page_and_deleting(qtbot, window, answers):
    page = click_nav(qtbot, window, "学员")
    number = id_number("1990-02-03", 245)
    when_dialog_opens(lambda d: (fill_person(d, "页面新增", number), d.save()))
    page.add_person()
    added = people.by_id_number(window.session.db, number)
    assert added is not None
    type_text(page.search, number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.delete_person()
    assert people.by_id_number(window.session.db, number) is None
    busy = window.session.db.execute("SELECT person_id FROM enrollments LIMIT 1").fetchone()[0]
    page.search.setText(people.get_person(window.session.db, busy).id_number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.delete_person()
    assert "参训记录" in answers["errors"][-1][1]


def test_units_page_adds_orders_and_refuses_bad_input(qtbot, window, answers):
    page = click_nav(qtbot, window, "单位")
    db = window.session.db
    dialog = UnitDialog(window, db, units.list_units(db)[0])
    qtbot.addWidget(dialog)
    dialog.name.setText("县委组织部")
    assert "已存在" not in dialog.errors.labels["name"].text()  # known only when saving
    dialog.save()
    assert "已存在" in dialog.errors.labels["name"].text() and units.list_units(db)[0].name == "县委办公室"
    dialog.name.setText("")
    assert dialog.errors.labels["name"].text() == "单位名称不能为空" and not dialog.save_button.isEnabled()

    def fill(d):
        d.name.setText("县新设局")
        d.contact_phone.setText("023-5772")
        assert not d.save_button.isEnabled()
        d.contact_phone.setText("023-57720099")
        d.save()
    when_dialog_opens(fill)
    page.add_unit()
    assert units.list_units(db)[-1].name == "县新设局"
    page.table.selectRow(page.proxy.rowCount() - 1)
    page.move(-1)
    assert [u.name for u in units.list_units(db)][-2] == "县新设局"
    page.table.selectRow(0)
    page.delete_unit()
    assert "还有" in answers["errors"][-1][1]


def test_new_people_without_a_unit_come_last(qtbot, window):
    page = click_nav(qtbot, window, "学员")
    people.save_person(window.session.db, Person(name="无单位", id_number=id_number("1970-01-01", 11)))
    window.session.announce(Changed.PEOPLE)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.record(page.model.rowCount() - 1).name == "无单位"


def test_download_template_from_the_page(qtbot, window, answers, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    page = click_nav(qtbot, window, "学员")
    target = tmp_path / "下载 目录" / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), ""))
    page.template()
    sheet = load_workbook(target)["学员名单"]
    assert sheet["A1"].value == "参训学员信息报送表" and "身份证号码" in [c.value for c in sheet[3]]
    assert "模板已保存" in answers["infos"][-1][1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: ("", ""))
    page.template()  # cancelled: nothing happens
    assert len(answers["infos"]) == 1
