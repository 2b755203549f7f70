"""导入课程表 from the roster window, driven as the clerk drives it: the file chosen (dialog patched), the
columns and sessions shown, the bad rows listed, replacing asked first, the import read back from the database."""
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from app.services.safety import audit
from app.services.teaching import timetable
from app.services.teaching.timetable_import import pipeline
from tests.timetable_files import BASE, POOL_NAME, TYPED_NAME, open_period, pool, sessions_in_week, week, write_xlsx
from ui.roster.period_actions import open_period as open_roster
from ui.shell.changes import Changed
from ui.timetable import import_dialog
from ui.timetable.import_dialog import TimetableImportDialog


def preview(qtbot) -> TimetableImportDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TimetableImportDialog), timeout=10000)
    return QApplication.activeModalWidget()


def roster_button(roster) -> QPushButton:
    return next(button for button in roster.findChildren(QPushButton) if button.text() == "导入课程表…")


def start(qtbot, window, monkeypatch, path: Path):
    period = open_period(window.session.db)
    roster = open_roster(window, window.session, period.id)
    qtbot.addWidget(roster)
    monkeypatch.setattr(import_dialog, "ask_file", lambda parent: path(period) if callable(path) else path)
    roster_button(roster).click()
    return period, roster


def test_the_roster_windows_button_imports_a_hosts_timetable(qtbot, window, tmp_path, monkeypatch, answers):
    pool(window.session.db)
    announced = []
    window.session.changed.connect(announced.append)
    late = []

    def made(period):
        first = date.fromisoformat(period.start_date)
        late.append(date.fromisoformat(period.end_date) + timedelta(days=2))
        return write_xlsx(tmp_path / "党校 课程表.xlsx", week(first) + [[late[0], "上午", "期外的课", "", "", "", "", "", ""]])

    period, _ = start(qtbot, window, monkeypatch, made)
    dialog = preview(qtbot)
    assert dialog.import_button.text() == "导入" and dialog.import_button.isEnabled()
    assert dialog.tabs.currentIndex() == 1  # the refused rows are shown first
    assert [(row.line, row.status, row.reason) for row in dialog.left_out_model.records()][-2:] == [
        (13, "未通过", f"日期{late[0].isoformat()}不在本期（{period.start_date}至{period.end_date}）之内"),
        (15, "跳过", "“注：课程如有调整，另行通知。”不是课程安排，已跳过")]
    shown = dialog.sessions_model.records()
    assert len(shown) == sessions_in_week()
    assert [(p.session.lecturer, p.session.where) for p in shown[1:4]] == [
        (POOL_NAME, "县委党校报告厅"), (TYPED_NAME, ""), ("", BASE)]
    assert "未通过1行" in dialog.summary.text() and TYPED_NAME in dialog.summary.text()
    assert not timetable.has_timetable(window.session.db, period.id)  # nothing written before the click
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=10000)
    assert f"导入{sessions_in_week()}节课" in answers["infos"][0][1]
    assert len(timetable.timetable(window.session.db, period.id)) == sessions_in_week()
    assert Changed.TIMETABLE in announced[-1]
    assert audit.entries(window.session.db, 1)[0]["action"] == pipeline.ACTION


def test_replacing_a_timetable_is_asked_first_and_backs_up(qtbot, window, tmp_path, monkeypatch, answers):
    db = window.session.db
    period = open_period(db)
    first = date.fromisoformat(period.start_date)
    pipeline.commit(db, pipeline.analyse(db, write_xlsx(tmp_path / "旧.xlsx", week(first)), period.id))
    before = [s.topic for s in timetable.timetable(db, period.id)]
    monkeypatch.setattr(import_dialog, "ask_file", lambda parent: write_xlsx(tmp_path / "新.xlsx", week(first)[:2]))
    roster = open_roster(window, window.session, period.id)
    qtbot.addWidget(roster)
    roster_button(roster).click()
    dialog = preview(qtbot)
    assert dialog.import_button.text() == "替换并导入" and "将替换原有课程表的8节课" in dialog.summary.text()
    answers["replies"] = [1]  # 取消
    dialog.import_button.click()
    assert "已有课程表（8节课）" in answers["asked"][0][1]
    assert [s.topic for s in timetable.timetable(db, period.id)] == before and dialog.isVisible()
    backups = set((window.session.path.parent / "backups").glob("*.db"))
    answers["replies"] = [0]  # 替换
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=10000)
    assert [s.topic for s in timetable.timetable(db, period.id)] == ["开班式", "学习贯彻党的二十大精神"]
    made = set((window.session.path.parent / "backups").glob("*.db")) - backups
    assert len(made) == 1 and made.pop().name in answers["infos"][0][1]


def test_an_unreadable_file_is_reported_and_nothing_opens(qtbot, window, tmp_path, monkeypatch, answers):
    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    period = open_period(window.session.db)
    monkeypatch.setattr(import_dialog, "ask_file", lambda parent: broken)
    task = import_dialog.open_timetable_import(window, window.session, period.id)
    qtbot.waitUntil(lambda: task.error is not None, timeout=10000)
    assert "“损坏.xlsx”不完整或已损坏" in answers["errors"][0][1]
    assert not isinstance(QApplication.activeModalWidget(), TimetableImportDialog)
    assert not timetable.has_timetable(window.session.db, period.id)
    monkeypatch.setattr(import_dialog, "ask_file", lambda parent: None)
    assert import_dialog.open_timetable_import(window, window.session, period.id) is None  # cancelled


def test_the_file_dialog_opens_in_the_folder_last_opened(qtbot, window, tmp_path, monkeypatch):
    starts, picked = [], tmp_path / "党校 发来"
    picked.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, start, filters: starts.append(start) or (str(picked / "课程表.xlsx"), ""))
    assert import_dialog.ask_file(window) == picked / "课程表.xlsx"
    import_dialog.ask_file(window)
    assert Path(starts[1]) == picked


def test_a_read_only_session_cannot_import(qtbot, window, tmp_path, monkeypatch):
    db = window.session.db
    period = open_period(db)
    found = pipeline.analyse(db, write_xlsx(tmp_path / "a.xlsx", week(date.fromisoformat(period.start_date))), period.id)
    monkeypatch.setattr(type(window.session), "read_only", property(lambda session: True))
    dialog = TimetableImportDialog(window, window.session, found, pipeline.planned(db, found))
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()


def test_a_closed_period_is_refused_before_a_file_is_chosen(qtbot, window, monkeypatch, answers):
    from app.domain.status import PeriodStatus
    from app.storage import tables

    closed = next(p for p in tables.periods(window.session.db).all() if PeriodStatus.is_closed(p.status))
    asked = []
    monkeypatch.setattr(import_dialog, "ask_file", lambda parent: asked.append(parent))
    assert import_dialog.open_timetable_import(window, window.session, closed.id) is None
    assert not asked and "已结班" in answers["errors"][0][1]
