"""The 补训 window through the user's paths: opened from the 班次 page, the 期次 page and a roster window on
that class; filtered by class and unit; 安排补训… (the class's later period offered first), 免补训… and
撤销免补训, each undone from the window's stack; Excel; 补训通知 in the print dialog; the roster marks a make-up
and the trainee's record says what it makes up for; the class form's 点名调训 tick."""
from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from app.domain.status import EnrollmentStatus
from app.services.makeup import items
from app.storage import tables
from tests.ui.conftest import type_text
from tests.ui.helpers import select_rows, stats_page, when_dialog_opens
from ui.documents import print_actions
from ui.makeup.choices import LATER, LinkDialog, WaiveDialog
from ui.makeup.launch import open_makeup
from ui.makeup.makeup_window import MakeupWindow
from ui.roster.period_actions import open_period
from ui.stats import stats_export


def class_named(db, name):
    return tables.classes(db).where("name = ?", [name])[0]


def opened(window) -> MakeupWindow:
    found = [w for w in window.findChildren(MakeupWindow) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def row_of(makeup: MakeupWindow, state: str, class_id: int | None = None) -> int:
    for row, found in enumerate(makeup.model.records()):
        if found.state == state and (class_id is None or found.line.class_id == class_id):
            return row
    raise AssertionError(state)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_opened_from_the_classes_and_periods_pages_and_the_roster_on_that_class(qtbot, window, qtmodeltester):
    db = window.session.db
    section = class_named(db, "科级干部培训班")
    page = window.show_page("班次")
    page.select_id(section.id)
    click(qtbot, page.makeup_button)
    makeup = opened(window)
    qtmodeltester.check(makeup.model)
    assert makeup.class_box.currentData() == section.id
    shown = makeup.model.records()
    assert shown and {f.line.class_id for f in shown} == {section.id}
    assert [f.enrollment_id for f in shown] == [f.enrollment_id for f in items.items(db, section.id)]
    assert f"待补训{len(shown)}人" in makeup.facts.text()
    makeup.close()
    leaders = class_named(db, "县管领导干部学习贯彻党的十九届四中全会精神专题班")
    periods = window.show_page("期次")
    periods.select_id(db.execute("SELECT id FROM periods WHERE class_id = ? LIMIT 1", [leaders.id]).fetchone()[0])
    click(qtbot, periods.makeup_button)
    assert opened(window).class_box.currentData() == leaders.id
    opened(window).close()
    period = db.execute("SELECT id FROM periods WHERE class_id = ? AND number = 2", [section.id]).fetchone()[0]
    roster = open_period(window, window.session, period)
    makeup_button = next(b for b in roster.findChildren(type(page.makeup_button)) if b.text() == "补训…")
    click(qtbot, makeup_button)
    assert opened(window).class_box.currentData() == section.id
    opened(window).close()
    roster.close()


def test_filter_by_unit(qtbot, window):
    makeup = open_makeup(window, window.session)
    every = makeup.model.records()
    unit_id = every[-1].line.unit_id
    makeup.unit_box.setCurrentIndex(makeup.unit_box.findData(unit_id))
    assert [f.enrollment_id for f in makeup.model.records()] == [f.enrollment_id for f in every
                                                               if f.line.unit_id == unit_id]
    makeup.close()


def test_linking_offers_the_later_period_first_and_is_undone(qtbot, window, answers):
    db = window.session.db
    section = class_named(db, "科级干部培训班")
    second = db.execute("SELECT id FROM periods WHERE class_id = ? AND number = 2", [section.id]).fetchone()[0]
    makeup = open_makeup(window, window.session, section.id)
    row = row_of(makeup, items.DUE)
    chosen = makeup.model.record(row)
    select_rows(makeup.table, [row])
    offered = []

    def choose(dialog):
        assert isinstance(dialog, LinkDialog)
        offered.append((dialog.period.currentData(), dialog.period.currentText()))
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_dialog_opens(choose)
    click(qtbot, makeup.link_button)
    assert offered[0][0] == second and offered[0][1].endswith(LATER)
    made = tables.enrollments(db).where("makeup_of = ?", [chosen.enrollment_id])
    assert [(m.period_id, m.status) for m in made] == [(second, EnrollmentStatus.SELECTED)]
    shown = {f.enrollment_id: f for f in makeup.model.records()}[chosen.enrollment_id]
    assert shown.state == items.LINKED and makeup.model.index(0, 0).isValid()
    assert makeup.undo_stack.undoText() == f"安排补训：{chosen.line.person_name}"
    makeup.undo_stack.undo()
    assert not tables.enrollments(db).where("makeup_of = ?", [chosen.enrollment_id])
    assert {f.enrollment_id: f for f in makeup.model.records()}[chosen.enrollment_id].state == items.DUE
    makeup.undo_stack.redo()
    assert len(tables.enrollments(db).where("makeup_of = ?", [chosen.enrollment_id])) == 1
    assert not answers["errors"]
    makeup.close()


def test_waiving_needs_a_reason_and_is_undone(qtbot, window):
    db = window.session.db
    makeup = open_makeup(window, window.session)
    row = row_of(makeup, items.DUE)
    chosen = makeup.model.record(row)
    select_rows(makeup.table, [row])
    seen = []

    def waive(dialog):
        assert isinstance(dialog, WaiveDialog)
        seen.append(dialog.ok.isEnabled())
        type_text(dialog.reason, "已调离本县")
        seen.append(dialog.ok.isEnabled())
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    when_dialog_opens(waive)
    click(qtbot, makeup.waive_button)
    assert seen == [False, True]
    assert tables.enrollments(db).get(chosen.enrollment_id).makeup_note == "已调离本县"
    assert chosen.enrollment_id not in {f.enrollment_id for f in makeup.model.records()}
    makeup.waived.setChecked(True)
    row = next(r for r, f in enumerate(makeup.model.records()) if f.enrollment_id == chosen.enrollment_id)
    assert makeup.model.index(row, 5).data() == "免补训：已调离本县"
    select_rows(makeup.table, [row])
    click(qtbot, makeup.unwaive_button)
    assert tables.enrollments(db).get(chosen.enrollment_id).makeup_note == ""
    makeup.undo_stack.undo()  # 撤销 撤销免补训: waived again
    assert tables.enrollments(db).get(chosen.enrollment_id).makeup_note == "已调离本县"
    makeup.undo_stack.undo()  # 撤销 免补训
    assert tables.enrollments(db).get(chosen.enrollment_id).makeup_note == ""
    makeup.close()


def test_a_refused_link_says_why_and_changes_nothing(qtbot, window, answers):
    db = window.session.db
    makeup = open_makeup(window, window.session)
    chosen = makeup.model.record(row_of(makeup, items.DUE))
    closed = db.execute("SELECT id FROM periods WHERE status = '结班' AND id <> ? LIMIT 1",
                        [chosen.line.period_id]).fetchone()[0]
    before = db.execute("SELECT count(*) FROM enrollments").fetchone()[0]
    makeup.link_to(chosen, closed)
    assert answers["errors"] and "已结班" in answers["errors"][0][1]
    assert db.execute("SELECT count(*) FROM enrollments").fetchone()[0] == before
    assert makeup.undo_stack.count() == 0
    makeup.close()


def test_export_and_print(qtbot, window, tmp_path, monkeypatch, answers):
    makeup = open_makeup(window, window.session)
    target = tmp_path / "补训.xlsx"
    monkeypatch.setattr(stats_export, "ask_path", lambda parent, name: target)
    click(qtbot, makeup.export_button)
    sheet = load_workbook(target).active
    names = [sheet.cell(row, 1).value for row in range(1, sheet.max_row + 1)]
    assert all(f.line.person_name in names for f in makeup.model.records())
    sent = []
    monkeypatch.setattr(print_actions, "print_document", lambda parent, session, request: sent.append(request))
    select_rows(makeup.table, [row_of(makeup, items.LINKED)])
    linked = makeup.selected()
    makeup.print_unit()
    makeup.print_all()
    assert [(r.kind, r.unit_id, r.year) for r in sent] == [
        ("makeup-notice", linked.line.unit_id, None), ("makeup-notice", None, int(linked.makeup.start_date[:4]))]
    makeup.close()


def test_the_roster_marks_a_make_up_and_the_record_says_what_for(qtbot, window):
    db = window.session.db
    made = tables.enrollments(db).where("makeup_of IS NOT NULL AND status = '已选调'")[0]
    roster = open_period(window, window.session, made.period_id)
    row = next(r for r, line in enumerate(roster.model.records()) if line.enrollment_id == made.id)
    note = roster.model.index(row, roster.model.NOTE_COLUMN).data()
    assert note.startswith("补训：科级干部培训班第1期")
    from ui.roster.trainee_dialogs import TraineeDialog

    dialog = TraineeDialog(roster, db, roster.model.record(row))
    assert note.split("；")[0] in [label.text() for label in dialog.findChildren(QLabel)]
    dialog.close()
    roster.close()


def test_the_class_form_sets_roll_call(qtbot, window):
    from ui.classes import actions

    db = window.session.db
    training_class = class_named(db, "选调生培训班")
    assert not training_class.roll_call

    def tick(dialog):
        box = dialog.fields.widget("roll_call")
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
        dialog.save()
    when_dialog_opens(tick)
    actions.open_class(window, window.session, training_class.id)
    assert tables.classes(db).get(training_class.id).roll_call
    page = window.show_page("班次")
    page.refresh()
    column = [c.header for c in page.model.columns].index("点名调训")
    row = next(r for r, c in enumerate(page.model.records()) if c.id == training_class.id)
    assert page.model.index(row, column).data() == "是"


def test_the_print_centre_offers_the_notice_for_a_year(qtbot, window, monkeypatch):
    from app.services.documents import fonts
    from tests.ui.test_main_window import click_nav

    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [])
    page = click_nav(qtbot, window, "文书打印")
    page.kind_box.setCurrentIndex(page.kind_box.findText("补训通知"))
    assert page.model.record(0).year == 2020 and not page.unit_box.isVisible()
    qtbot.waitUntil(lambda: page.print_button.isEnabled() or page.pages_label.text() == "无法打印", timeout=10000)
    units = {f.line.unit_id for f in items.items(window.session.db) if f.makeup}
    assert page.pages_label.text().startswith("补训通知") and page.preview.page_count() >= len(units) > 0


def test_the_coverage_tab_marks_the_due(qtbot, window):
    from app.services.stats import coverage

    db = window.session.db
    section = class_named(db, "科级干部培训班")
    due = items.due_people(db, section.id)
    ranks = sorted({p.rank for p in tables.people(db).all() if p.id in due})
    coverage.set_group(db, section.id, [], ranks)
    page = stats_page(qtbot, window)
    page.reload()
    page.coverage_class.setCurrentIndex(page.coverage_class.findData(section.id))
    marked = {page.coverage_model.record(r).id for r in range(page.coverage_model.rowCount())
              if page.coverage_model.index(r, len(page.coverage_model.columns) - 1).data() == "待补训"}
    assert marked == due and f"其中待补训{len(due)}人" in page.coverage_note.text()
