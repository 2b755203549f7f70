"""The roster window of a period, opened from the lists and driven through its buttons and dialogs."""
from datetime import date, timedelta

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.services import quotas
from app.services import roster as roster_service
from tests.ui.conftest import type_text
from tests.ui.helpers import select_rows, when_dialog_opens
from tests.ui.test_main_window import click_nav
from ui.roster.period_actions import open_period
from ui.roster.trainee_dialogs import ReplaceDialog
from ui.shell.changes import Changed


def open_period_with(window, status="报名"):
    period_id = window.session.db.execute(
        "SELECT id FROM periods WHERE status = ? ORDER BY start_date LIMIT 1", [status]).fetchone()[0]
    return open_period(window, window.session, period_id)


def test_a_period_opens_its_roster_once(qtbot, window):
    period_id = window.session.db.execute("SELECT id FROM periods ORDER BY start_date LIMIT 1").fetchone()[0]
    roster = open_period(window, window.session, period_id)
    assert roster.isVisible() and roster.period_id == period_id
    assert roster.model.rowCount() == len(roster_service.roster(window.session.db, period_id))
    assert open_period(window, window.session, period_id) is roster
    roster.close()


def test_one_click_printing_and_attendance_from_the_roster(qtbot, window, monkeypatch):
    from ui.documents import print_actions
    from ui.roster.attendance_dialog import AttendanceDialog

    sent = []
    monkeypatch.setattr(print_actions, "print_document", lambda parent, session, request: sent.append(request))
    monkeypatch.setattr(print_actions, "open_print_dialog",  # the letters of a period with a timetable
                        lambda parent, session, printable, option=None: sent.append(printable.key))
    roster = open_period_with(window, status="开班")
    for action in roster.print_menu.actions():
        action.trigger()
    roster.tabs.setCurrentIndex(1)
    roster.quota_panel.print_button.click()
    assert [r.kind for r in sent] == ["letters", "sign-in", "roster", "certificates", "summary", "lecture-fees",
                                         "funds", "unit-letters"]
    assert {r.period_id for r in sent} == {roster.period_id}
    opened = []
    monkeypatch.setattr(AttendanceDialog, "exec", lambda dialog: opened.append(dialog.period_id) or 0)
    roster.open_attendance()
    assert opened == [roster.period_id]
    roster.close()


def test_the_window_fits_a_small_screen(qtbot, window):
    roster = open_period_with(window)
    hint = roster.minimumSizeHint()
    assert hint.width() <= 910 and hint.height() <= 512
    roster.close()


def test_adding_people_from_the_archive_refuses_those_already_on_it(qtbot, window, answers):
    roster = open_period_with(window)
    before = roster.model.rowCount()
    on_roster = roster.model.record(0)

    def pick(dialog):
        type_text(dialog.search.text, on_roster.id_number)
        qtbot.waitUntil(lambda: dialog.search.model.rowCount() == 1)
        dialog.search.table.selectRow(0)
        assert dialog.ok.isEnabled()
        dialog.accept()
    when_dialog_opens(pick)
    roster.add_people()
    assert roster.model.rowCount() == before
    assert "已在本期名单中" in answers["infos"][-1][1]

    def pick_new(dialog):
        dialog.search.unit.setCurrentIndex(dialog.search.unit.findText("青龙乡"))
        qtbot.waitUntil(lambda: dialog.search.model.rowCount() > 3)
        select_rows(dialog.search.table, [0, 1, 2])
        assert dialog.count.text() == "已选 3 人"
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    when_dialog_opens(pick_new)
    roster.add_people()
    added = roster.model.rowCount() - before
    assert 1 <= added <= 3  # some of 青龙乡 may be on the roster already


def test_double_booking_and_over_quota_are_shown(qtbot, window):
    db = window.session.db
    roster = open_period_with(window)
    period = roster.period
    other = db.execute("""SELECT e.person_id FROM enrollments e JOIN periods p ON p.id = e.period_id
                          WHERE p.id <> ? AND p.start_date <= ? AND p.end_date >= ? LIMIT 1""",
                       [period.id, period.end_date, period.start_date]).fetchone()
    if other is None:  # make an overlap: a person of another period's roster joins this one
        other = db.execute("SELECT person_id FROM enrollments WHERE period_id <> ? LIMIT 1", [period.id]).fetchone()
        db.execute("UPDATE periods SET start_date = ?, end_date = ? WHERE id = (SELECT period_id FROM enrollments "
                   "WHERE person_id = ? AND period_id <> ? LIMIT 1)", [period.start_date, period.end_date, other[0],
                                                                        period.id])
    roster_service.add_people(db, period.id, [other[0]])
    usage = next(u for u in quotas.usage(db, period.id) if u.used)
    quotas.save_quotas(db, period.id, {usage.unit_id: 0})
    window.session.announce(Changed.ROSTER)
    row = next(r for r in range(roster.model.rowCount()) if roster.model.record(r).person_id == other[0])
    note = roster.model.index(row, roster.model.NOTE_COLUMN).data()
    assert note.startswith("多头调训") and roster.model.index(row, 1).data(Qt.ItemDataRole.BackgroundRole)
    assert "多头调训" in roster.banner.text() and f"{usage.unit_name}名额0人" in roster.banner.text()
    assert roster.banner.isVisibleTo(roster)


def test_editing_seats_in_the_quota_tab(qtbot, window):
    roster = open_period_with(window)
    panel = roster.quota_panel
    roster.tabs.setCurrentWidget(panel)
    panel.every_unit.setChecked(True)
    index = panel.proxy.index(0, panel.model.SEATS)
    unit = panel.model.record(panel.proxy.mapToSource(index).row())
    assert not panel.save_button.isEnabled()
    assert not panel.proxy.setData(index, -3)  # refused: seats are never negative
    assert panel.proxy.setData(index, 7) and panel.save_button.isEnabled()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    seats = {u.unit_id: u.seats for u in quotas.usage(window.session.db, roster.period_id)}
    assert seats[unit.unit_id] == 7 and not panel.save_button.isEnabled()


def test_a_late_replacement_needs_a_reason(qtbot, window):
    roster = open_period_with(window)
    db = window.session.db
    line = next(roster.model.record(r) for r in range(roster.model.rowCount()) if roster.model.record(r).active)
    late = date.fromisoformat(roster.period.start_date) - timedelta(days=2)
    dialog = ReplaceDialog(roster, db, line, today=late)
    qtbot.addWidget(dialog)
    dialog.search.unit.setCurrentIndex(dialog.search.unit.findText("青龙乡"))
    on_roster = {l.person_id for l in roster.model.records()}
    row = next(r for r in range(dialog.search.model.rowCount()) if dialog.search.model.record(r).id not in on_roster)
    dialog.search.table.selectRow(row)
    assert "不足5天" in dialog.errors.labels["reason"].text() and not dialog.ok.isEnabled()
    type_text(dialog.reason, "原学员临时出差")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    lines = {l.enrollment_id: l for l in roster_service.roster(db, roster.period_id)}
    assert lines[line.enrollment_id].status == "已替换"
    assert lines[line.enrollment_id].replace_reason == "原学员临时出差"


def test_status_details_removal_and_export(qtbot, window, answers, tmp_path, monkeypatch):
    roster = open_period_with(window)
    db = window.session.db
    select_rows(roster.table, [0, 1])
    first, second = roster.selected_lines()
    roster.set_status("已报到")
    statuses = {l.enrollment_id: l.status for l in roster_service.roster(db, roster.period_id)}
    assert statuses[first.enrollment_id] == statuses[second.enrollment_id] == "已报到"

    def details(dialog):
        dialog.hours.setValue(6)
        dialog.problems.setPlainText("如何破解招商引资难题")
        dialog.save()
    roster.table.selectRow(0)
    when_dialog_opens(details)
    roster.edit_trainee()
    stored = {l.enrollment_id: l for l in roster_service.roster(db, roster.period_id)}
    assert any(l.key_problems == "如何破解招商引资难题" and l.hours == 6 for l in stored.values())
    target = tmp_path / "导出 目录" / "名单.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), ""))
    roster.order.setCurrentIndex(roster.order.findData("strokes"))
    roster.export()
    sheet = load_workbook(target).active
    assert sheet.max_row - 3 == len([l for l in stored.values() if l.status != "已替换"])
    count = roster.model.rowCount()
    roster.table.selectRow(0)
    removed = roster.selected_lines()[0]
    answers["replies"] = [1]  # 取消: nothing happens
    roster.remove()
    assert roster.model.rowCount() == count
    answers["replies"] = [0]
    roster.remove()
    assert roster.model.rowCount() == count - 1
    remaining = {l.enrollment_id for l in roster_service.roster(db, roster.period_id)}
    assert removed.enrollment_id not in remaining and len(remaining) == len(stored) - 1


def test_a_read_only_database_can_be_looked_at_not_changed(qtbot, window, monkeypatch):
    from ui.shell.session import Session

    monkeypatch.setattr(Session, "read_only", property(lambda self: True), raising=False)
    roster = open_period_with(window)
    assert not any(button.isEnabled() for button in roster.write_buttons)
    assert not roster.quota_panel.save_button.isEnabled()
    assert roster.quota_panel.table.editTriggers() == roster.quota_panel.table.EditTrigger.NoEditTriggers
    page = click_nav(qtbot, window, "学员")
    page.reload()
    assert not any(button.isEnabled() for button in page.write_buttons)
    roster.close()


def test_picking_the_people_furthest_behind_first(qtbot, window, answers):
    from app.services.hours import ledger

    roster = open_period_with(window, status="报名")
    year = int(roster.period.start_date[:4])
    expected = [p.person_id for p in ledger.behind(window.session.db, year)]
    chosen = {}

    def pick(dialog):
        dialog.tabs.setCurrentIndex(1)
        listed = [dialog.behind.model.record(r).person_id for r in range(dialog.behind.model.rowCount())]
        chosen["listed"] = listed
        fresh = [pid for pid in listed if pid not in {line.person_id for line in roster.model.records()}][:2]
        rows = [listed.index(pid) for pid in fresh]
        select_rows(dialog.behind.table, rows)
        chosen["ids"] = dialog.person_ids()
        dialog.accept()
    when_dialog_opens(pick)
    roster.add_people()
    assert chosen["listed"] == expected
    shortfalls = {p.person_id: p.shortfall for p in ledger.behind(window.session.db, year)}
    assert [shortfalls[pid] for pid in chosen["listed"]] == sorted(shortfalls[pid] for pid in chosen["listed"])[::-1]
    on_roster = {line.person_id for line in roster.model.records()}
    assert set(chosen["ids"]) <= on_roster and len(chosen["ids"]) == 2
    roster.close()
