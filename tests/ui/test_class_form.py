"""The class form driven as a user drives it: type, click, read the database back."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit

from app.domain.models import Enrollment
from app.services import classes
from app.storage import tables
from tests.ui.conftest import type_text
from ui.classes import actions
from ui.classes.class_dialog import HOURS, PERIODS, ClassDialog
from ui.classes.rule_settings import RuleSettingsDialog


def class_named(db, name):
    return tables.classes(db).where("name = ?", [name])[0]


def open_form(db, name, qtbot) -> ClassDialog:
    dialog = ClassDialog(db, classes.load_draft(db, class_named(db, name).id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def message(dialog_fields, name) -> str:
    box = dialog_fields.bindings[name].box
    return "" if box.message.isHidden() else box.message.text()


def step_date(qtbot, edit, days: int) -> None:
    """Moves a date field by days with the arrow keys, as a user does."""
    edit.setCurrentSection(QDateTimeEdit.Section.DaySection)
    for _ in range(abs(days)):
        qtbot.keyClick(edit, Qt.Key.Key_Up if days > 0 else Qt.Key.Key_Down)


def replace_text(qtbot, edit, text) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


def test_a_rule_warning_shows_beside_its_field_but_does_not_block_saving(qtbot, demo_db):
    dialog = open_form(demo_db, "科级干部培训班", qtbot)
    dialog.tabs.setCurrentIndex(HOURS)
    spin = dialog.fields.widget("party_spirit_hours")
    assert message(dialog.fields, "party_spirit_hours") == ""
    spin.selectAll()
    qtbot.keyClicks(spin, "12")
    assert "党性教育课时12" in message(dialog.fields, "party_spirit_hours")
    assert "14.3%" in dialog.hours.shares.text()
    assert not dialog.tabs.tabIcon(HOURS).isNull() and dialog.tabs.tabIcon(0).isNull()
    assert "1条规则提示" in dialog.summary.text() and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ClassDialog.DialogCode.Accepted
    assert class_named(demo_db, "科级干部培训班").party_spirit_hours == 12


def test_typing_the_name_and_an_empty_name_is_an_error(qtbot, demo_db):
    dialog = open_form(demo_db, "科级干部培训班", qtbot)
    name = dialog.fields.widget("name")
    replace_text(qtbot, name, "")
    assert "班次名称不能为空" in message(dialog.fields, "name") and not dialog.save_button.isEnabled()
    type_text(name, "科级干部进修培训班")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tables.classes(demo_db).where("name = '科级干部进修培训班'")


def test_end_before_start_is_an_error_and_nothing_is_saved(qtbot, demo_db, answers):
    dialog = open_form(demo_db, "科级干部培训班", qtbot)
    dialog.tabs.setCurrentIndex(PERIODS)
    dialog.periods.table.selectRow(1)
    step_date(qtbot, dialog.periods.fields.widget("end_date"), -15)
    assert "结束日期不能早于开始日期" in message(dialog.periods.fields, "end_date")
    assert dialog.periods.model.index(1, 0).data() == "✖"
    assert not dialog.save_button.isEnabled() and "1处需要改正" in dialog.summary.text()
    dialog.save()  # even forced, the service refuses
    assert answers["errors"][0][0] == "未能保存"
    stored = classes.load_draft(demo_db, class_named(demo_db, "科级干部培训班").id).periods[1]
    assert stored.end_date == "2020-10-26"


def test_added_period_overlapping_another_is_an_error_until_moved(qtbot, demo_db):
    dialog = open_form(demo_db, "选调生培训班", qtbot)
    dialog.tabs.setCurrentIndex(PERIODS)
    qtbot.mouseClick(next(b for b in dialog.periods.findChildren(type(dialog.save_button)) if b.text() == "添加期次"),
                     Qt.MouseButton.LeftButton)
    assert dialog.periods.model.rowCount() == 2
    new = dialog.periods.periods()[1]
    assert (new.number, new.start_date, new.end_date, new.capacity) == (2, "2020-08-22", "2020-08-26", 40)
    start = dialog.periods.fields.widget("start_date")
    step_date(qtbot, start, -3)  # 8月19日: inside 第1期 (8月17日至21日)
    assert "与本班次第1期" in message(dialog.periods.fields, "start_date")
    assert not dialog.save_button.isEnabled()
    step_date(qtbot, start, 5)
    replace_text(qtbot, dialog.periods.fields.widget("place"), "县委党校第二教室")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    periods = classes.load_draft(demo_db, class_named(demo_db, "选调生培训班").id).periods
    assert [(p.number, p.start_date, p.place) for p in periods] == [(1, "2020-08-17", ""), (2, "2020-08-24", "县委党校第二教室")]


def test_a_period_on_national_day_warns_beside_its_start_date(qtbot, demo_db):
    dialog = open_form(demo_db, "科级干部培训班", qtbot)
    dialog.tabs.setCurrentIndex(PERIODS)
    dialog.periods.table.selectRow(1)
    step_date(qtbot, dialog.periods.fields.widget("start_date"), -11)  # 10月1日起, over 国庆节
    assert "国庆节（10月1日至10月8日）" in message(dialog.periods.fields, "start_date")
    assert dialog.periods.fields.widget("report_time").text() == "2020-10-01 08:30"  # follows the first day
    assert dialog.periods.model.index(1, 0).data() == "⚠" and dialog.save_button.isEnabled()


def test_deleting_a_period_with_trainees_is_refused_and_archiving_offered(qtbot, demo_db, answers):
    dialog = open_form(demo_db, "科级干部培训班", qtbot)
    dialog.tabs.setCurrentIndex(PERIODS)
    dialog.periods.table.selectRow(0)
    answers["replies"] = [0]  # 归档本期
    dialog.periods.remove_period()
    assert "不能删除" in answers["asked"][0][0] and "条学员记录" in answers["asked"][0][1]
    assert dialog.periods.model.index(0, 5).data() == "已归档"
    dialog.save()
    stored = classes.load_draft(demo_db, class_named(demo_db, "科级干部培训班").id).periods
    assert [p.archived for p in stored] == [True, False]
    assert tables.enrollments(demo_db).count("period_id = ?", [stored[0].id]) > 0


def test_a_period_without_trainees_is_removed_on_save(qtbot, demo_db):
    dialog = open_form(demo_db, "人才研修班", qtbot)
    dialog.tabs.setCurrentIndex(PERIODS)
    dialog.periods.table.selectRow(0)
    dialog.periods.remove_period()
    dialog.save()
    assert classes.load_draft(demo_db, class_named(demo_db, "人才研修班").id).periods == []


def test_contacts_are_typed_in_the_table_and_a_bad_phone_blocks_saving(qtbot, demo_db):
    dialog = open_form(demo_db, "人才研修班", qtbot)
    dialog.tabs.setCurrentIndex(3)
    dialog.contacts.add()
    model = dialog.contacts.model
    for column, value in enumerate(("县委党校", "刘静", "12345")):
        model.setData(model.index(0, column), value)
    assert not dialog.save_button.isEnabled() and "第1行" in dialog.contacts.messages.text()
    model.setData(model.index(0, 2), "023-57731234")
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert [(c.name, c.phone) for c in classes.load_draft(demo_db, class_named(demo_db, "人才研修班").id).contacts] == [
        ("刘静", "023-57731234")]


def test_the_work_point_list_follows_the_plan(qtbot, demo_db):
    dialog = open_form(demo_db, "人才研修班", qtbot)
    items = dialog.fields.widget("plan_item_id")
    assert items.currentText().startswith("15. ") and items.count() == 23
    plans = dialog.fields.widget("plan_id")
    plans.setCurrentIndex(plans.findText("2020年公务员培训计划"))
    assert items.count() == 5 and items.currentData() is None


def test_dialogs_fit_a_small_screen(qtbot, demo_db):
    dialog = open_form(demo_db, "中青年干部培训班", qtbot)
    settings = RuleSettingsDialog(__import__("app.domain.rules", fromlist=["x"]).Thresholds())
    qtbot.addWidget(settings)
    for widget in (dialog, settings):
        hint = widget.minimumSizeHint()
        assert hint.width() <= 910 and hint.height() <= 512


@pytest.fixture
def classes_page(window):
    return window.show_page("班次")


def drive(monkeypatch, handler):
    """Replaces the modal exec of the class form with the test's hands."""
    def fake_exec(dialog):
        handler(dialog)
        return dialog.result()
    monkeypatch.setattr(ClassDialog, "exec", fake_exec)


def test_new_class_from_the_classes_page(qtbot, window, classes_page, monkeypatch):
    def fill(dialog):
        type_text(dialog.fields.widget("name"), "党务干部专题培训班")
        dialog.periods.add_period()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    drive(monkeypatch, fill)
    before = classes_page.model.rowCount()
    qtbot.mouseClick(classes_page.new_button, Qt.MouseButton.LeftButton)
    assert classes_page.model.rowCount() == before + 1
    assert classes_page.selected_record().name == "党务干部专题培训班"
    saved = class_named(window.session.db, "党务干部专题培训班")
    assert len(classes.load_draft(window.session.db, saved.id).periods) == 1


def test_class_list_marks_warnings(qtbot, window, classes_page, monkeypatch):
    def cut_hours(dialog):
        dialog.fields.widget("leader_lecture_hours").setValue(5)
        dialog.save()
    drive(monkeypatch, cut_hours)
    row = next(r for r in range(classes_page.proxy.rowCount()) if classes_page.proxy.index(r, 3).data() == "科级干部培训班")
    assert classes_page.proxy.index(row, 0).data() == ""
    classes_page.table.selectRow(row)
    qtbot.mouseClick(classes_page.edit_button, Qt.MouseButton.LeftButton)
    assert classes_page.proxy.index(row, 0).data() == "⚠1"
    assert "领导干部讲课课时5" in classes_page.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "规则提示" in classes_page.detail.toPlainText()


def select_class(page, name):
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 3).data() == name)
    page.table.selectRow(row)


def test_a_class_with_trainees_is_archived_not_deleted(qtbot, window, classes_page, answers):
    select_class(classes_page, "科级干部培训班")
    answers["replies"] = [0]  # 归档
    qtbot.mouseClick(classes_page.delete_button, Qt.MouseButton.LeftButton)
    assert answers["asked"][0][2] == ["归档", "取消"]
    assert "科级干部培训班" not in [c.name for c in classes_page.model.records()]
    assert class_named(window.session.db, "科级干部培训班").archived
    classes_page.show_archived.setChecked(True)
    select_class(classes_page, "科级干部培训班")
    assert classes_page.restore_button.isVisible()
    qtbot.mouseClick(classes_page.restore_button, Qt.MouseButton.LeftButton)
    assert not class_named(window.session.db, "科级干部培训班").archived


def test_a_class_without_trainees_is_deleted_after_asking(qtbot, window, classes_page, answers):
    select_class(classes_page, "人才研修班")
    answers["replies"] = [1]  # 取消
    qtbot.mouseClick(classes_page.delete_button, Qt.MouseButton.LeftButton)
    assert tables.classes(window.session.db).where("name = '人才研修班'")
    answers["replies"] = [0]
    qtbot.mouseClick(classes_page.delete_button, Qt.MouseButton.LeftButton)
    assert "删除班次“人才研修班”及其1个期次" in answers["asked"][1][1]
    assert not tables.classes(window.session.db).where("name = '人才研修班'")


def test_copy_a_class_to_the_next_year(qtbot, window, classes_page, answers):
    select_class(classes_page, "人才研修班")
    qtbot.mouseClick(classes_page.copy_button, Qt.MouseButton.LeftButton)
    assert "暂不属于任何计划" in answers["infos"][0][1]
    copies = tables.classes(window.session.db).where("name = '人才研修班' AND plan_id IS NULL")
    periods = classes.load_draft(window.session.db, copies[0].id).periods
    assert [(p.start_date, p.end_date, p.status) for p in periods] == [("2021-11-15", "2021-11-19", "筹备")]


def test_open_class_helper_opens_the_form_on_a_period(qtbot, window, monkeypatch):
    db = window.session.db
    training_class = class_named(db, "科级干部培训班")
    second = classes.load_draft(db, training_class.id).periods[1]
    seen = {}

    def look(dialog):
        seen["tab"], seen["row"] = dialog.tabs.currentIndex(), dialog.periods.current_row()
        dialog.reject()
    drive(monkeypatch, look)
    assert actions.open_class(window, window.session, training_class.id, second.id) is None
    assert seen == {"tab": PERIODS, "row": 1}


def test_enrolled_above_planned_warns(qtbot, demo_db):
    training_class = class_named(demo_db, "人才研修班")
    period = classes.load_draft(demo_db, training_class.id).periods[0]
    for person in tables.people(demo_db).where(order_by="id")[:41]:
        tables.enrollments(demo_db).insert(Enrollment(period.id, person.id, person.unit_id))
    dialog = open_form(demo_db, "人才研修班", qtbot)
    dialog.tabs.setCurrentIndex(PERIODS)
    assert "已调训41人，超过计划每期40人" in message(dialog.periods.fields, "capacity")


def test_the_group_to_cover_in_full_is_ticked_in_the_form(qtbot, demo_db):
    dialog = open_form(demo_db, "人才研修班", qtbot)
    editor = dialog.fields.widget("coverage")
    assert editor.value() == ""
    categories = editor.categories
    row = next(r for r in range(categories.rowCount()) if categories.item(r).text() == "专业技术人员")
    categories.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    from app.services.stats import coverage
    assert coverage.group_of(demo_db, class_named(demo_db, "人才研修班").id) == {"categories": ["专业技术人员"], "ranks": []}
    again = open_form(demo_db, "人才研修班", qtbot).fields.widget("coverage")
    assert again.categories.item(row).checkState() == Qt.CheckState.Checked
