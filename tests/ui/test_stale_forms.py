"""No lost update in the forms (issue 23): a form open on a record another clerk saves meanwhile is refused
on 保存 with "这条记录已被 <用户> 在 <时间> 修改，请刷新后再改", and offers 重新载入 (the record as stored now,
the typing lost after a question) or 取消 (the form stays as typed). Undo of a change someone has changed
again since is refused with the same message.

The second clerk is a second connection to the window's file; who writes is the signed-in user, so each
clerk's writes run under their own name."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from app.domain import teaching
from app.domain.errors import shown_time
from app.domain.models import Expense, Unit
from app.domain.status import PeriodStatus
from app.services import classes, database, people, plans, units, versions
from app.services.funds import expenses
from app.services.teaching import timetable
from app.storage import writers
from tests.ui.conftest import type_text
from tests.ui.test_class_form import replace_text
from ui.classes.class_dialog import ClassDialog
from ui.common.stale import KEEP, RELOAD, TITLE
from ui.people.person_dialog import PersonDialog
from ui.units.units_page import UnitDialog


@pytest.fixture
def other_clerk(window, monkeypatch):
    """李四's connection to the window's file, and `as_clerk(name)` for whose writes come next."""
    second = database.light_connection(window.session.path, window.session.lock)

    def as_clerk(name: str) -> None:
        monkeypatch.setattr(writers, "os_user", lambda: name)

    as_clerk("张三")
    yield second, as_clerk
    second.close()


def expected_message(record) -> str:
    return f"这条记录已被 李四 在 {shown_time(record.changed_at)} 修改，请刷新后再改"


def open_person(qtbot, window, person_id: int) -> PersonDialog:
    dialog = PersonDialog(window, window.session.db, people.get_person(window.session.db, person_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def lisi_saves_person(second, as_clerk, person_id: int, **changes):
    as_clerk("李四")
    saved = people.save_person(second, replace(people.get_person(second, person_id), **changes))
    as_clerk("张三")
    return saved


def test_the_person_form_is_refused_and_reloads_what_the_other_clerk_saved(qtbot, window, answers, other_clerk):
    second, as_clerk = other_clerk
    dialog = open_person(qtbot, window, 7)
    theirs = lisi_saves_person(second, as_clerk, 7, phone="13900001111")
    dialog.notes.clear()
    type_text(dialog.notes, "张三补充的备注")
    answers["replies"] = [0, 0]  # 重新载入, then yes, lose the typing
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    title, text, buttons = answers["asked"][0]
    assert (title, text, buttons) == (TITLE, expected_message(theirs), [RELOAD, KEEP])
    assert "丢失" in answers["asked"][1][1]
    assert dialog.isVisible() and dialog.result() != PersonDialog.DialogCode.Accepted
    stored = people.get_person(window.session.db, 7)
    assert stored.phone == "13900001111" and stored.notes != "张三补充的备注"  # as 李四 left it
    assert dialog.phone.text() == "13900001111" and dialog.notes.text() == stored.notes  # reloaded
    type_text(dialog.notes, "再补充")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    stored = people.get_person(second, 7)
    assert stored.phone == "13900001111" and stored.notes.endswith("再补充") and stored.changed_by == "张三"
    assert stored.version == theirs.version + 1


def test_cancel_keeps_the_form_as_typed_and_the_data_as_the_other_clerk_left_it(qtbot, window, answers, other_clerk):
    second, as_clerk = other_clerk
    dialog = open_person(qtbot, window, 8)
    lisi_saves_person(second, as_clerk, 8, post="李四改的职务")
    replace_text(qtbot, dialog.post, "张三改的职务")
    answers["replies"] = [1]  # 取消
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(answers["asked"]) == 1 and dialog.isVisible()
    assert dialog.post.text() == "张三改的职务"
    assert people.get_person(window.session.db, 8).post == "李四改的职务"


def test_reload_asked_twice_can_still_be_declined(qtbot, window, answers, other_clerk):
    second, as_clerk = other_clerk
    dialog = open_person(qtbot, window, 9)
    lisi_saves_person(second, as_clerk, 9, post="李四改的职务")
    replace_text(qtbot, dialog.post, "张三改的职务")
    answers["replies"] = [0, 1]  # 重新载入, then no: keep the typing
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.post.text() == "张三改的职务" and people.get_person(window.session.db, 9).post == "李四改的职务"


def test_a_unit_deleted_meanwhile_says_so(qtbot, window, answers, other_clerk):
    second, _ = other_clerk
    db = window.session.db
    made = units.save_unit(db, Unit(name="临时工作专班"))
    dialog = UnitDialog(window, db, made)
    qtbot.addWidget(dialog)
    units.delete_unit(second, made.id)
    dialog.notes.setText("x")
    dialog.save()
    assert answers["errors"] and "已被删除" in answers["errors"][-1][1] and not answers["asked"]
    assert dialog.result() != UnitDialog.DialogCode.Accepted


def test_the_class_form_reloads_class_and_periods(qtbot, window, answers, other_clerk):
    second, as_clerk = other_clerk
    db = window.session.db
    class_id = classes.list_classes(db)[0].id
    dialog = ClassDialog(db, classes.load_draft(db, class_id), window)
    qtbot.addWidget(dialog)
    dialog.show()
    as_clerk("李四")
    draft = classes.load_draft(second, class_id)
    classes.save_draft(second, replace(draft, training_class=replace(draft.training_class, theme="李四改的主题")))
    as_clerk("张三")
    theirs = classes.get_class(db, class_id)
    replace_text(qtbot, dialog.fields.widget("place"), "张三改的地点")
    answers["replies"] = [0, 0]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert answers["asked"][0][1] == expected_message(theirs) and not answers["errors"]
    assert dialog.fields.bindings["theme"].get() == "李四改的主题"
    assert dialog.fields.bindings["place"].get() == theirs.place
    assert classes.get_class(db, class_id).place == theirs.place
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ClassDialog.DialogCode.Accepted


def test_the_plan_page_is_refused_and_reverts_to_what_is_stored(qtbot, window, answers, other_clerk):
    second, as_clerk = other_clerk
    page = window.show_page("计划")
    editor = page.editor
    plan_id = page.shown_plan_id
    replace_text(qtbot, editor.fields.widget("closing"), "张三的结束语")
    as_clerk("李四")
    outline = plans.plan_outline(second, plan_id)
    plans.save_plan(second, replace(plans.get_plan(second, plan_id), closing="李四的结束语"), outline.sections,
                    outline.contacts)
    as_clerk("张三")
    answers["replies"] = [0, 0]
    qtbot.mouseClick(page.buttons["save"], Qt.MouseButton.LeftButton)
    assert answers["asked"][0][1] == expected_message(plans.get_plan(second, plan_id))
    assert editor.fields.bindings["closing"].get() == "李四的结束语" and not editor.dirty
    assert plans.get_plan(window.session.db, plan_id).closing == "李四的结束语"


def test_undo_of_an_expense_changed_again_by_someone_else_is_refused(window, other_clerk, answers):
    second, as_clerk = other_clerk
    db = window.session.db
    period = next(p for p in classes.list_periods(db) if expenses.period_expenses(db, p.id))
    before = expenses.period_expenses(db, period.id)[0]
    after = expenses.save_expense(db, replace(before, item="会务费"), before.amount, before.day)
    expenses.restore_expense(db, before.id, after, before, "撤销修改支出")  # own undo: goes through
    assert expenses.period_expenses(db, period.id)[0].item == before.item and before.version == after.version + 1
    expenses.restore_expense(db, before.id, before, after, "重做修改支出")  # and its redo
    as_clerk("李四")
    theirs = expenses.save_expense(second, replace(versions.current(second, after), payee="李四改的单位"),
                                   after.amount, after.day)
    as_clerk("张三")
    with pytest.raises(Exception) as refused:
        expenses.restore_expense(db, before.id, after, before, "撤销修改支出")
    assert str(refused.value) == expected_message(theirs)
    assert versions.current(db, theirs).payee == "李四改的单位"


def test_undo_of_a_session_changed_again_by_someone_else_is_refused_in_the_window(
        qtbot, window, answers, other_clerk):
    from app.services.teaching import timetable_undo
    from ui.common.undo import Step

    second, as_clerk = other_clerk
    db = window.session.db
    period = next(p for p in classes.list_periods(db)
                  if not PeriodStatus.is_closed(p.status) and timetable.timetable(db, p.id))
    session = teaching.plain(timetable.timetable(db, period.id)[0])
    before = timetable_undo.snapshot(db, [session.id])
    timetable.save_session(db, replace(session, notes="张三的备注"))
    after = timetable_undo.snapshot(db, [session.id])
    step = Step("修改课程", lambda: timetable_undo.restore(db, period.id, after, before, "撤销修改课程"),
                lambda: timetable_undo.restore(db, period.id, before, after, "重做修改课程"), window)
    step.redo()  # pushed: the first redo does nothing
    step.undo()
    step.redo()  # the undo's own write does not stop its redo
    assert not answers["errors"] and versions.current(db, session).notes == "张三的备注"
    as_clerk("李四")
    timetable.save_session(second, replace(versions.current(second, session), notes="李四的备注"))
    as_clerk("张三")
    step.undo()
    assert answers["errors"] and "已被 李四 在" in answers["errors"][-1][1] and step.isObsolete()
    assert versions.current(db, session).notes == "李四的备注"


def test_expense_form_carries_its_version(qtbot, window, answers, other_clerk):
    from ui.funds.expense_dialog import ExpenseDialog

    second, as_clerk = other_clerk
    db = window.session.db
    period = next(p for p in classes.list_periods(db) if expenses.period_expenses(db, p.id))
    loaded = expenses.period_expenses(db, period.id)[0]
    dialog = ExpenseDialog(window, db, replace(loaded))
    qtbot.addWidget(dialog)
    as_clerk("李四")
    theirs = expenses.save_expense(second, replace(loaded, voucher="李-001"), loaded.amount, loaded.day)
    as_clerk("张三")
    dialog.payee.setText("张三改的单位")
    answers["replies"] = [0, 0]
    dialog.save()
    assert answers["asked"][0][1] == expected_message(theirs)
    assert dialog.voucher.text() == "李-001" and dialog.result() != ExpenseDialog.DialogCode.Accepted
    assert isinstance(versions.current(db, loaded), Expense)


def test_undo_of_a_calendar_move_after_another_clerk_saved_the_period_is_refused(qtbot, window, answers, other_clerk):
    from tests.ui.test_calendar import bar_of, drag, go_to_september, period_of, point

    second, as_clerk = other_clerk
    db = window.session.db
    page = window.show_page("日历")
    go_to_september(qtbot, page)
    start = point(bar_of(page, "国企改革与管理培训班").rect, 0.15)
    drag(qtbot, page.month_view, start, start + QPoint(0, int(page.month_view.scene().cell_height)))
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # own steps undo and redo
    qtbot.keyClick(page, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert period_of(db, "国企改革与管理培训班").start_date == "2020-09-22" and not answers["errors"]
    as_clerk("李四")
    theirs = classes.save_period(second, replace(period_of(second, "国企改革与管理培训班"), report_place="李四定的报到地点"))
    as_clerk("张三")
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert answers["errors"][-1][1].startswith(f"不能撤销“移动“国企改革与管理培训班第1期””：{expected_message(theirs)}")
    stored = period_of(db, "国企改革与管理培训班")
    assert stored.start_date == "2020-09-22" and stored.report_place == "李四定的报到地点"


def test_the_roster_trainee_form_is_refused_after_a_bulk_status_change(qtbot, window, answers, other_clerk):
    from app.services import roster
    from ui.roster.trainee_dialogs import TraineeDialog

    second, as_clerk = other_clerk
    db = window.session.db
    line = next(line for period in classes.list_periods(db) if not PeriodStatus.is_closed(period.status)
                for line in roster.roster(db, period.id) if line.status == "拟选调")
    dialog = TraineeDialog(window, db, line)
    qtbot.addWidget(dialog)
    as_clerk("李四")
    assert roster.set_statuses(second, [line.enrollment_id], "已报到") == {}  # a bulk change in another window
    roster.update_details(second, line.enrollment_id, 0, "李四填的问题", "")
    as_clerk("张三")
    theirs = roster.get_enrollment(db, line.enrollment_id)
    dialog.notes.setText("张三的备注")
    answers["replies"] = [0, 0]
    dialog.save()
    assert answers["asked"][0][1] == expected_message(theirs) and dialog.result() != TraineeDialog.DialogCode.Accepted
    assert dialog.problems.toPlainText() == "李四填的问题" and dialog.notes.text() == ""
    dialog.notes.setText("张三的备注")
    dialog.save()
    stored = roster.get_enrollment(db, line.enrollment_id)
    assert dialog.result() == TraineeDialog.DialogCode.Accepted
    assert (stored.key_problems, stored.notes, stored.changed_by) == ("李四填的问题", "张三的备注", "张三")


def test_the_assessment_form_carries_the_trainees_version(qtbot, window, answers, other_clerk):
    from app.services.class_management import assessment, committee
    from ui.class_management.trainee_dialogs import AssessmentDialog

    second, as_clerk = other_clerk
    db = window.session.db
    period, line = next((period, line) for period in classes.list_periods(db)
                        if not PeriodStatus.is_closed(period.status) for line in committee.trainees(db, period.id))
    dialog = AssessmentDialog(window, db, line)
    qtbot.addWidget(dialog)
    as_clerk("李四")
    assessment.save_assessment(second, line.id, assessment.AssessmentDraft("92", "", False, "李四的报告", ""))
    as_clerk("张三")
    dialog.score.setText("60")
    answers["replies"] = [0, 0]
    dialog.save()
    assert "李四" in answers["asked"][0][1] and dialog.score.text() == "92"
    assert dialog.report_title.text() == "李四的报告"
    assert QDialog.result(dialog) != QDialog.DialogCode.Accepted  # (the dialog's `result` is its 考核结果 box)
    dialog.save()
    assert QDialog.result(dialog) == QDialog.DialogCode.Accepted
    stored = next(found for found in committee.trainees(db, period.id) if found.id == line.id)
    assert stored.version == line.version + 2 and stored.report_title == "李四的报告"
