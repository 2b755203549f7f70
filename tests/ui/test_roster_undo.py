"""Undo and redo in the roster window: each edit through its buttons and dialogs, then Ctrl+Z and Ctrl+Y,
with the database read back after every step."""
import pytest
from PySide6.QtCore import Qt

from app.services import closeout, roster_undo
from app.services import roster as roster_service
from app.services.safety import audit
from tests.ui.helpers import select_rows, when_dialog_opens
from tests.ui.test_roster_window import open_period_with


def stored(db, period_id) -> dict[int, tuple]:
    """Each person on the roster: what undo must bring back (status, hours, problems, notes, fee, unit, marks)."""
    lines = roster_service.roster(db, period_id)
    seats = roster_undo.seats(db, period_id, [line.person_id for line in lines])
    return {person_id: seat.details() + (seat.marks,) for person_id, seat in seats.items()}


def key(qtbot, roster, letter) -> None:
    roster.activateWindow()  # as it is again once a dialog over it closes
    qtbot.waitUntil(roster.isActiveWindow)
    qtbot.keyClick(roster.table, letter, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def roster(qtbot, window):
    shown = open_period_with(window, status="开班")
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown
    shown.close()


def rows_of(roster, person_ids) -> list[int]:
    return [row for row in range(roster.model.rowCount()) if roster.model.record(row).person_id in person_ids]


def test_removing_two_trainees_asks_then_ctrl_z_brings_them_back_whole(qtbot, window, roster, answers):
    db, period = window.session.db, roster.period_id
    db.execute("UPDATE enrollments SET key_problems = '乡村振兴', notes = '住宿', fee_paid = 1200 "
               "WHERE id = ?", [roster.model.record(0).enrollment_id])
    original = stored(db, period)
    select_rows(roster.table, [0, 1])
    chosen = roster.selected_lines()
    assert original[chosen[0].person_id][-1], "the trainee has half-days marked"
    answers["replies"] = [1]  # 取消
    roster.remove()
    assert stored(db, period) == original and not roster.undo_stack.canUndo()
    title, question, buttons = answers["asked"][0]
    assert f"把{chosen[0].name}、{chosen[1].name}移出本期名单？" in question and buttons == ["移出", "取消"]
    roster.remove()
    assert set(stored(db, period)) == set(original) - {line.person_id for line in chosen}
    assert roster.undo_action.text() == f"撤销 移出名单：{chosen[0].name}、{chosen[1].name}"
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period) == original  # status, hours, problems, notes, fee, unit and attendance
    assert roster.model.rowCount() == len(original)
    assert audit.entries(db)[0]["action"] == "撤销移出名单"
    key(qtbot, roster, Qt.Key.Key_Y)
    assert set(stored(db, period)) == set(original) - {line.person_id for line in chosen}
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period) == original


def test_adding_people_is_undone_and_redone(qtbot, window, answers):
    roster = open_period_with(window, status="报名")
    db, period = window.session.db, roster.period_id
    original = stored(db, period)

    def pick(dialog):
        dialog.search.unit.setCurrentIndex(dialog.search.unit.findText("青龙乡"))
        qtbot.waitUntil(lambda: dialog.search.model.rowCount() > 5)
        fresh = [r for r in range(dialog.search.model.rowCount())
                 if dialog.search.model.record(r).id not in original][:2]
        select_rows(dialog.search.table, fresh)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    when_dialog_opens(pick)
    roster.add_people()
    added = set(stored(db, period)) - set(original)
    assert len(added) == 2 and roster.undo_action.text().startswith("撤销 加入名单：")
    undo_button, redo_button = roster.undo_buttons
    assert undo_button.text() == "撤销" and undo_button.toolTip().startswith("撤销 加入名单：")
    qtbot.mouseClick(undo_button, Qt.MouseButton.LeftButton)
    assert stored(db, period) == original and redo_button.isEnabled() and not undo_button.isEnabled()
    qtbot.mouseClick(redo_button, Qt.MouseButton.LeftButton)
    assert set(stored(db, period)) - set(original) == added
    assert all(stored(db, period)[person][1] == "拟选调" for person in added)
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period) == original
    key(qtbot, roster, Qt.Key.Key_Y)
    assert set(stored(db, period)) - set(original) == added
    roster.close()


def test_a_trainees_details_are_undone(qtbot, window, roster):
    db, period = window.session.db, roster.period_id
    original = stored(db, period)
    roster.table.selectRow(0)
    line = roster.selected_lines()[0]

    def details(dialog):
        dialog.hours.setValue(6)
        dialog.problems.setPlainText("如何破解招商引资难题")
        dialog.save()
    when_dialog_opens(details)
    roster.edit_trainee()
    edited = stored(db, period)
    assert edited[line.person_id][2:4] == (6.0, "如何破解招商引资难题")
    assert roster.undo_action.text() == f"撤销 修改学员信息：{line.name}"
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period) == original
    key(qtbot, roster, Qt.Key.Key_Y)
    assert stored(db, period) == edited


def test_a_replacement_is_undone_to_the_old_trainee(qtbot, window, roster):
    db, period = window.session.db, roster.period_id
    original = stored(db, period)
    row = next(r for r in range(roster.model.rowCount()) if roster.model.record(r).active)
    leaving = roster.model.record(row)
    roster.table.selectRow(row)
    chosen = {}

    def pick(dialog):
        dialog.search.unit.setCurrentIndex(dialog.search.unit.findText("青龙乡"))
        qtbot.waitUntil(lambda: dialog.search.model.rowCount() > 3)
        fresh = next(r for r in range(dialog.search.model.rowCount())
                     if dialog.search.model.record(r).id not in original)
        chosen["person"] = dialog.search.model.record(fresh)
        dialog.search.table.selectRow(fresh)
        dialog.reason.setText("原学员临时出差")
        dialog.save()
    when_dialog_opens(pick)
    roster.replace()
    newcomer = chosen["person"]
    after = stored(db, period)
    assert after[leaving.person_id][1] == "已替换" and after[leaving.person_id][7] == newcomer.id
    assert roster.undo_action.text() == f"撤销 更换学员：{leaving.name} → {newcomer.name}"
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period) == original
    key(qtbot, roster, Qt.Key.Key_Y)
    assert stored(db, period) == after


def test_status_of_several_asks_first_and_undo_sets_each_back(qtbot, window, roster, answers):
    db, period = window.session.db, roster.period_id
    select_rows(roster.table, [0, 1, 2])
    lines = roster.selected_lines()
    db.execute("UPDATE enrollments SET status = '请假' WHERE id = ?", [lines[1].enrollment_id])
    original = stored(db, period)
    answers["replies"] = [1]
    roster.set_status("缺训")
    assert stored(db, period) == original
    assert answers["asked"][0][1].startswith(f"把{lines[0].name}、{lines[1].name}、{lines[2].name}（共3人）的状态都设为“缺训”")
    roster.set_status("缺训")
    assert {stored(db, period)[line.person_id][1:3] for line in lines} == {("缺训", 0.0)}
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period) == original  # 已报到 and 请假 each back, with their hours
    key(qtbot, roster, Qt.Key.Key_Y)
    assert {stored(db, period)[line.person_id][1] for line in lines} == {"缺训"}


def test_an_undo_the_data_no_longer_allows_changes_nothing_and_leaves_the_step(qtbot, window, roster, answers):
    db, period = window.session.db, roster.period_id
    roster.table.selectRow(0)
    first = roster.selected_lines()[0]
    roster.set_status("请假")
    roster.table.selectRow(1)
    second = roster.selected_lines()[0]
    roster.remove()
    roster_service.add_people(db, period, [second.person_id])  # someone else put the person back meanwhile
    before = stored(db, period)
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period) == before
    title, text = answers["errors"][-1]
    assert title == "无法撤销" and f"{second.name}已在本期名单中" in text and "数据未作改动" in text
    assert roster.undo_stack.count() == 1 and roster.undo_action.text() == f"撤销 设置状态“请假”：{first.name}"
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period)[first.person_id][1] == first.status


def test_a_closed_period_refuses_undo(qtbot, window, roster, answers):
    db, period = window.session.db, roster.period_id
    roster.table.selectRow(0)
    roster.set_status("请假")
    assert roster.undo_stack.canUndo()
    closeout.close_out(db, period)
    before = stored(db, period)
    key(qtbot, roster, Qt.Key.Key_Z)
    assert stored(db, period) == before and "已结班" in answers["errors"][-1][1]
    assert not roster.undo_stack.canUndo()
