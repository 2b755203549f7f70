"""Bulk and destructive actions ask first, naming what and how many; 取消 changes nothing."""
from PySide6.QtCore import Qt

from app.domain.models import Person, Plan, Unit
from app.services import classes, people, plans, units
from app.storage import tables
from tests.roster_files import id_number
from tests.ui.conftest import type_text
from tests.ui.test_class_form import select_class
from tests.ui.test_main_window import click_nav
from tests.ui.test_plan_editor import county
from ui.roster.attendance_dialog import AttendanceDialog
from ui.shell.changes import Changed

CANCEL = 1


def counts(db) -> tuple[int, ...]:
    return tuple(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("plans", "plan_items", "training_classes", "periods", "units", "people", "enrollments"))


def test_copying_a_plan_to_the_next_year_asks_first(qtbot, window, answers):
    page = window.show_page("计划")
    db = window.session.db
    before = counts(db)
    answers["replies"] = [CANCEL]
    qtbot.mouseClick(page.buttons["copy"], Qt.MouseButton.LeftButton)
    assert counts(db) == before
    title, question, buttons = answers["asked"][0]
    own = classes.list_classes(db, plan_id=county(db).id)
    items = len(plans.plan_outline(db, county(db).id).items)
    assert question.startswith("把“2020年全县干部教育培训工作要点”复制为2021年的“2021年全县干部教育培训工作要点”？")
    assert f"将复制{items}条要点、联系人和{len(own)}个班次（共" in question and buttons == ["复制", "取消"]
    qtbot.mouseClick(page.buttons["copy"], Qt.MouseButton.LeftButton)
    assert any(p.title == "2021年全县干部教育培训工作要点" for p in plans.list_plans(db))


def test_copying_a_class_to_the_next_year_asks_first(qtbot, window, answers):
    page = click_nav(qtbot, window, "班次")
    db = window.session.db
    select_class(page, "人才研修班")
    before = counts(db)
    answers["replies"] = [CANCEL]
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert counts(db) == before and answers["infos"] == []
    question = answers["asked"][0][1]
    assert question.startswith("把班次“人才研修班”复制到2021年？") and "将复制它的1个期次" in question


def test_deleting_a_plan_asks_with_its_number_of_points(qtbot, window, answers):
    db = window.session.db
    spare = plans.save_plan(db, Plan(year=2022, title="2022年试行计划"), [], [])
    page = window.show_page("计划")
    page.refresh()
    assert page.select_plan(spare.id)
    answers["replies"] = [CANCEL]
    qtbot.mouseClick(page.buttons["delete"], Qt.MouseButton.LeftButton)
    assert plans.get_plan(db, spare.id).title == "2022年试行计划"
    assert answers["asked"][0][1] == "删除计划“2022年试行计划”及其0条要点？删除后不能恢复。"


def test_deleting_a_unit_and_a_person_asks_and_cancel_keeps_them(qtbot, window, answers):
    db = window.session.db
    unit = units.save_unit(db, Unit(name="县新设局"))
    window.session.announce(Changed.UNITS)
    page = click_nav(qtbot, window, "单位")
    page._select(unit.id)
    answers["replies"] = [CANCEL]
    page.delete_unit()
    assert tables.units(db).get(unit.id).name == "县新设局" and "县新设局" in answers["asked"][0][1]
    number = id_number("1991-04-05", 317)
    people.save_person(db, Person(name="待删人员", id_number=number))
    page = click_nav(qtbot, window, "学员")
    type_text(page.search, number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    answers["replies"] = [CANCEL]
    page.delete_person()
    assert people.by_id_number(db, number) is not None and "待删人员" in answers["asked"][1][1]


def test_closing_a_period_asks_naming_it_and_its_trainees(qtbot, window, answers):
    db = window.session.db
    period_id = db.execute("SELECT id FROM periods WHERE status = '开班' ORDER BY start_date LIMIT 1").fetchone()[0]
    statuses = db.execute("SELECT id, status, hours FROM enrollments WHERE period_id = ?", [period_id]).fetchall()
    dialog = AttendanceDialog(window.session, period_id, window)
    qtbot.addWidget(dialog)
    answers["replies"] = [CANCEL]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert tables.periods(db).get(period_id).status == "开班"
    assert db.execute("SELECT id, status, hours FROM enrollments WHERE period_id = ?", [period_id]).fetchall() == statuses
    title, question, buttons = answers["asked"][0]
    assert question.startswith(f"结班“{dialog.period_name}”（{dialog.model.rowCount()}名学员）？")
    assert buttons == ["结班", "取消"]
