"""The attendance grid driven with the mouse and keyboard, then closed out and reopened."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.services import attendance, classes
from ui.roster.attendance_dialog import AttendanceDialog


def open_period(window):
    return next(p for p in classes.list_periods(window.session.db) if p.status == "开班")


def cell(dialog, row, slot_index):
    return dialog.model.index(row, 2 + slot_index)


def click(qtbot, dialog, index):
    rect = dialog.table.visualRect(index)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicks_cycle_marks_and_keys_set_them(qtbot, window):
    period = open_period(window)
    dialog = AttendanceDialog(window.session, period.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    last = len(dialog.model.sheet.slots) - 1  # the period's last half-day: not yet recorded on the demo's day
    index = cell(dialog, 0, last)
    dialog.table.scrollTo(index)
    trainee = dialog.model.trainee_at(0)
    slot = dialog.model.slot_at(index.column())
    for expected in ("出勤", "请假", "缺勤", ""):
        click(qtbot, dialog, cell(dialog, 0, last))
        assert attendance.sheet(window.session.db, period.id).mark(trainee.id, slot) == expected
    dialog.table.setCurrentIndex(cell(dialog, 0, last))
    qtbot.keyClick(dialog.table, Qt.Key.Key_2)
    assert attendance.sheet(window.session.db, period.id).mark(trainee.id, slot) == "请假"
    assert dialog.table.currentIndex().row() == 1  # moved down to the next trainee
    qtbot.keyClick(dialog.table, Qt.Key.Key_1)
    assert attendance.sheet(window.session.db, period.id).mark(dialog.model.trainee_at(1).id, slot) == "出勤"
    assert "请假" in dialog.model.data(cell(dialog, 0, last), Qt.ItemDataRole.ToolTipRole)


def test_a_whole_half_day_from_the_sign_in_sheet(qtbot, window):
    period = open_period(window)
    dialog = AttendanceDialog(window.session, period.id, window)
    qtbot.addWidget(dialog)
    last = len(dialog.model.sheet.slots) - 1
    dialog.table.setCurrentIndex(cell(dialog, 0, last))
    qtbot.mouseClick(dialog.mark_all, Qt.MouseButton.LeftButton)
    sheet = attendance.sheet(window.session.db, period.id)
    assert all(sheet.mark(t.id, sheet.slots[last]) == "出勤" for t in sheet.trainees)


def test_close_out_then_reopen_with_a_reason(qtbot, window, answers, monkeypatch):
    period = open_period(window)
    dialog = AttendanceDialog(window.session, period.id, window)
    qtbot.addWidget(dialog)
    answers["replies"] = [0]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "按课程表中各半天的学时" in answers["asked"][0][1]  # the demo's open periods have timetables
    assert "已结班" in answers["infos"][0][1]
    assert "已结班" in dialog.status.text()
    assert not dialog.close_button.isEnabled() and dialog.reopen_button.isEnabled()
    before = attendance.sheet(window.session.db, period.id).marks
    click(qtbot, dialog, cell(dialog, 0, 0))
    assert attendance.sheet(window.session.db, period.id).marks == before  # locked
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    assert "说明原因" in answers["errors"][-1][1]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("补登请假", True))
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    assert dialog.close_button.isEnabled()


def test_fits_a_small_screen(qtbot, window):
    dialog = AttendanceDialog(window.session, open_period(window).id, window)
    qtbot.addWidget(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 910 and hint.height() <= 512
