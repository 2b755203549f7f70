"""举办方式 in the window: the class form's choice (a unit's own class needs its unit), the plan editor's, the
lists' columns, the statistics page's table of the three kinds and their labelled sum, and 导入单位自办班… from
the 班次 page (preview, import, the hours in the ledger)."""
from PySide6.QtCore import Qt

from app.services import classes
from app.services.hours import ledger
from app.storage import tables
from tests.ui.helpers import stats_page
from tests.ui.test_class_form import class_named, open_form
from tests.unit_class_files import trainee_rows, write_xlsx
from ui.classes import unit_class_import
from ui.classes.class_dialog import ClassDialog
from ui.shell.changes import Changed


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_class_form_asks_a_units_own_class_for_its_unit(qtbot, demo_db):
    dialog = open_form(demo_db, "科级干部培训班", qtbot)
    kind, unit = dialog.fields.widget("organiser_kind"), dialog.fields.widget("unit_id")
    assert kind.currentData() == "本级举办" and not unit.isEnabled()
    choose(kind, "单位自办")
    assert unit.isEnabled() and not dialog.save_button.isEnabled()
    assert "单位自办的班次需要选择举办单位" in dialog.fields.bindings["unit_id"].box.message.text()
    finance = tables.units(demo_db).where("name = ?", ["县财政局"])[0]
    choose(unit, finance.id)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = class_named(demo_db, "科级干部培训班")
    assert (saved.organiser_kind, saved.unit_id) == ("单位自办", finance.id)
    dialog = open_form(demo_db, "科级干部培训班", qtbot)
    choose(dialog.fields.widget("organiser_kind"), "上级调训")
    assert dialog.fields.widget("unit_id").currentData() is None and not dialog.fields.widget("unit_id").isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (class_named(demo_db, "科级干部培训班").organiser_kind, class_named(demo_db, "科级干部培训班").unit_id) == \
        ("上级调训", None)


def test_a_new_class_in_the_city_plan_is_sent_to_not_held(qtbot, demo_db):
    city = tables.plans(demo_db).where("title = ?", ["2020年公务员培训计划"])[0]
    dialog = ClassDialog(demo_db, classes.new_draft(demo_db))
    qtbot.addWidget(dialog)
    assert dialog.fields.widget("organiser_kind").currentData() == "本级举办"
    choose(dialog.fields.widget("plan_id"), city.id)
    assert dialog.fields.widget("organiser_kind").currentData() == "上级调训"


def test_lists_show_the_kind_and_the_plan_editor_sets_it(qtbot, window):
    page = window.show_page("班次")
    column = [c.header for c in page.model.columns].index("举办方式")
    shown = {page.model.record(row).name: page.model.index(row, column).data() for row in range(page.model.rowCount())}
    assert shown["加强党的政治建设专题培训班"] == "上级调训" and shown["科级干部培训班"] == "本级举办"
    assert shown["县财政局财务人员业务能力提升培训班"] == "单位自办（县财政局）"
    plans_page = window.show_page("计划")
    column = [c.header for c in plans_page.model.columns].index("举办方式")
    kinds = {plans_page.model.record(row).title: plans_page.model.index(row, column).data()
             for row in range(plans_page.model.rowCount())}
    assert kinds["2020年公务员培训计划"] == "上级调训" and kinds["2020年全县干部教育培训工作要点"] == "本级举办"


def test_the_statistics_page_keeps_the_kinds_apart(qtbot, window):
    page = stats_page(qtbot, window)
    rows = {page.organisers.record(r).kind: page.organisers.record(r) for r in range(page.organisers.rowCount())}
    assert list(rows) == ["本级举办", "上级调训", "单位自办", "合计（三种举办方式）"]
    assert (rows["本级举办"].planned_periods, rows["本级举办"].planned_trainees) == (21, 1135)
    assert (rows["上级调训"].planned_periods, rows["上级调训"].planned_trainees) == (13, 660)
    assert (rows["合计（三种举办方式）"].planned_periods, rows["合计（三种举办方式）"].planned_trainees) == (34, 1795)
    values = [label.text() for label in page.figure_labels]
    assert values[0] == "21" and values[3] == "1135"  # the headline: the office's own classes
    view = page.organiser_view
    assert view.viewport().height() >= sum(view.rowHeight(r) for r in range(4))  # every row shows
    assert dict(page.kind_chart.items)["上级调训"] == rows["上级调训"].person_times


def test_importing_a_units_own_class_from_the_classes_page(qtbot, window, tmp_path, monkeypatch):
    db = window.session.db
    finance = tables.units(db).where("name = ?", ["县财政局"])[0]
    people = tables.people(db).where("unit_id = ?", [finance.id])[:3]
    rows = trainee_rows([(p.name, p.id_number) for p in people] + [("号码错", "110101199003071234")], 24)
    monkeypatch.setattr(unit_class_import, "ask_file", lambda parent: write_xlsx(tmp_path / "采购.xlsx", rows))
    before = ledger.person_hours(db, people[0].id, 2020).classes
    announced = []
    window.session.changed.connect(announced.append)
    page = window.show_page("班次")
    dialog = page.import_unit_class()
    assert not dialog.import_button.isEnabled()  # no unit chosen yet
    choose(dialog.unit, finance.id)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert "县财政局自办：县财政局政府采购业务培训班（2020-10-12至2020-10-16）" in dialog.heading.text()
    assert "检查结果（尚未导入）：共4行，可导入3人（72学时），未通过1行" in dialog.heading.text()
    assert [r.status for r in dialog.model.records()] == ["导入", "导入", "导入", "未通过"]
    assert tables.classes(db).where("name = ?", ["县财政局政府采购业务培训班"]) == []  # a preview writes nothing
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported, timeout=10000)
    assert "导入完成" in dialog.heading.text() and not dialog.import_button.isEnabled()
    assert announced and announced[-1] & Changed.CLASSES and announced[-1] & Changed.HOURS
    assert ledger.person_hours(db, people[0].id, 2020).classes == before + 24
    names = [page.model.record(row).name for row in range(page.model.rowCount())]
    assert "县财政局政府采购业务培训班" in names  # the page reloaded
    dialog.close()


def test_the_periods_page_filters_by_organiser_kind(qtbot, window):
    page = window.show_page("期次")
    page.when.setCurrentIndex(page.when.findData("all"))
    choose(page.organiser, "上级调训")
    shown = {page.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1).class_name
             for row in range(page.proxy.rowCount())}
    assert page.proxy.rowCount() == 13 and "加强党的政治建设专题培训班" in shown and "科级干部培训班" not in shown
    choose(page.organiser, "单位自办")
    assert page.proxy.rowCount() == 2
    choose(page.organiser, "")
    assert page.proxy.rowCount() == 36


def test_a_file_named_after_its_unit_is_checked_at_once(qtbot, window, tmp_path):
    finance = tables.units(window.session.db).where("name = ?", ["县财政局"])[0]
    person = tables.people(window.session.db).where("unit_id = ?", [finance.id])[0]
    path = write_xlsx(tmp_path / "县财政局政府采购业务培训班.xlsx", trainee_rows([(person.name, person.id_number)]))
    dialog = unit_class_import.UnitClassImportDialog(window, window.session, path)
    qtbot.addWidget(dialog)
    assert dialog.unit.currentData() == finance.id
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert dialog.import_button.isEnabled() and "可导入1人（30学时）" in dialog.heading.text()
