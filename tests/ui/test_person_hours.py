"""The 学时档案 tab of a person's page: registering hours by hand (checked as you type), deleting a record,
printing a certificate of hours, and only looking when the database is read-only."""
from PySide6.QtCore import Qt

from app.services import database, people
from app.services.hours import ledger
from app.services.safety import audit
from tests.ui.conftest import type_text
from tests.ui.helpers import when_dialog_opens
from ui.people.hours_record_dialog import HoursRecordDialog
from ui.shell.main_window import MainWindow
from ui.shell.session import Session


def open_person(qtbot, window, person_id: int):
    """The people page searched down to one person, with the 学时档案 tab showing."""
    page = window.show_page("学员")
    person = people.get_person(window.session.db, person_id)
    type_text(page.search, person.id_number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.detail.name.text() == person.name)
    page.detail.tabs.setCurrentIndex(1)
    return page.detail.hours, person


def first_person_without_records(db) -> int:
    return db.execute("SELECT min(id) FROM people WHERE id NOT IN (SELECT person_id FROM hours_records)").fetchone()[0]


def test_registering_hours_checks_as_you_type_and_saves_once(qtbot, window):
    db = window.session.db
    tab, person = open_person(qtbot, window, first_person_without_records(db))
    assert tab.model.rowCount() == 0 and tab.add_button.isEnabled() and not tab.delete_button.isEnabled()
    seen = {}

    def fill(dialog: HoursRecordDialog):
        seen["empty"] = (dialog.save_button.isEnabled(), dialog.errors.text("hours"))
        type_text(dialog.hours, "两小时")
        seen["words"] = dialog.errors.text("hours")
        dialog.hours.clear()
        type_text(dialog.hours, "1.5")
        type_text(dialog.date, "2020-13-01")
        seen["date"] = (dialog.save_button.isEnabled(), dialog.errors.text("date"))
        dialog.save()  # refused while a field is wrong: nothing is written
        seen["written"] = len(ledger.records_of(db, person.id))
        dialog.date.clear()
        type_text(dialog.date, "2020-06-30")
        dialog.year.setValue(2020)
        dialog.kind.setCurrentIndex(dialog.kind.findData("网络学习"))
        type_text(dialog.source, "中国干部网络学院")
        type_text(dialog.notes, "专题课程")
        seen["ready"] = dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert seen["empty"] == (False, "请填写学时")
    assert "不是数字" in seen["words"]
    assert seen["date"][0] is False and "不是有效日期" in seen["date"][1]
    assert seen["written"] == 0 and seen["ready"]
    saved = ledger.records_of(db, person.id)
    assert [(r.year, r.hours, r.kind, r.source, r.date, r.notes) for r in saved] == [
        (2020, 1.5, "网络学习", "中国干部网络学院", "2020-06-30", "专题课程")]
    assert tab.model.rowCount() == 1 and tab.year.currentData() == 2020
    assert f"网络学习{ledger.person_hours(db, person.id, 2020).online:g}" in tab.year_summary.text()
    logged = audit.entries(db, 1)[0]
    assert logged["action"] == "登记学时" and logged["entity_id"] == person.id and "1.5学时" in logged["detail"]


def test_cancelling_the_dialog_writes_nothing(qtbot, window):
    db = window.session.db
    tab, person = open_person(qtbot, window, first_person_without_records(db))
    when_dialog_opens(lambda dialog: (type_text(dialog.hours, "8"), dialog.reject()))
    tab.add_button.click()
    assert ledger.records_of(db, person.id) == [] and tab.model.rowCount() == 0


def test_deleting_a_record_asks_first_and_is_logged(qtbot, window, answers):
    db = window.session.db
    person_id = db.execute("SELECT person_id FROM hours_records LIMIT 1").fetchone()[0]
    tab, person = open_person(qtbot, window, person_id)
    before = ledger.records_of(db, person_id)
    assert tab.model.rowCount() == len(before) > 0
    tab.table.selectRow(0)
    assert tab.delete_button.isEnabled()
    answers["replies"] = [1]  # 取消
    tab.delete_button.click()
    assert len(ledger.records_of(db, person_id)) == len(before)
    tab.delete_button.click()  # 删除
    assert "删除" in answers["asked"][-1][0] and person.name in answers["asked"][-1][1]
    assert [r.id for r in ledger.records_of(db, person_id)] == [r.id for r in before[1:]]
    assert tab.model.rowCount() == len(before) - 1
    logged = audit.entries(db, 1)[0]
    assert (logged["action"], logged["entity_id"]) == ("删除学时", person_id)
    assert person.id_number not in logged["detail"]


def test_print_button_asks_for_the_years_certificate(qtbot, window, monkeypatch):
    from ui.documents import print_actions

    sent = []
    monkeypatch.setattr(print_actions, "print_document", lambda parent, session, request: sent.append(request))
    person_id = window.session.db.execute("SELECT person_id FROM hours_records LIMIT 1").fetchone()[0]
    tab, _ = open_person(qtbot, window, person_id)
    tab.year.setCurrentIndex(tab.year.findData(2020))
    tab.print_button.click()
    assert [(r.kind, r.person_id, r.year) for r in sent] == [("hours", person_id, 2020)]


def test_read_only_database_only_shows_the_hours(qtbot, demo_file):
    session = Session(database.open_database(demo_file), demo_file, None)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    person_id = session.db.execute("SELECT person_id FROM hours_records LIMIT 1").fetchone()[0]
    tab, _ = open_person(qtbot, window, person_id)
    tab.table.selectRow(0)
    assert tab.model.rowCount() > 0 and tab.print_button.isEnabled()
    assert not tab.add_button.isEnabled() and not tab.delete_button.isEnabled()
    assert "只能查看" in tab.add_button.toolTip()
    session.close()


def test_the_dialog_fits_a_small_screen(qtbot, window):
    dialog = HoursRecordDialog(window, window.session.db, people.get_person(window.session.db, 1), 2020)
    qtbot.addWidget(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 910 and hint.height() <= 512
