"""The 课程表 tab of a period's window, through the user's paths: double-click to add and edit in the session
dialog, drag to move, Ctrl+drag and 复制 / 粘贴 to copy, Del to delete, each undone with Ctrl+Z and redone with
Ctrl+Y, the offer to take a typed lecturer into the pool, a closed period left as it is, copying from
another period and from last year, printing and exporting; the database read back after every step."""
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from app.domain.models import Period
from app.services.teaching import lecturers, timetable
from app.storage import tables
from tests.documents.conftest import period_id
from tests.timetable_data import TOPICS, fill_timetable
from tests.ui.helpers import when_dialog_opens
from ui.documents.print_dialog import PrintDialog
from ui.roster.period_actions import open_period
from ui.shell.changes import Changed
from ui.timetable import clipboard
from ui.timetable.session_dialog import SessionDialog
from ui.timetable.timetable_model import CONFLICTS_ROLE

CLASS = "加强党的政治建设专题培训班"


def stored(db, period) -> list[tuple]:
    return [(s.day, s.half, s.topic, s.form, s.lecturer, s.where) for s in timetable.timetable(db, period)]


@pytest.fixture
def tab(qtbot, window):
    db = window.session.db
    period = period_id(db, CLASS, 2)
    fill_timetable(db, period)
    shown = open_period(window, window.session, period)
    shown.tabs.setCurrentWidget(shown.timetable_tab)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown.timetable_tab
    shown.close()


def key(qtbot, tab, letter, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    tab.window().activateWindow()
    qtbot.waitUntil(tab.window().isActiveWindow)
    qtbot.keyClick(tab.view, letter, modifier)


def days(tab) -> list[str]:
    return timetable.days_of(tab.period)


def test_double_click_an_empty_half_day_adds_a_session_and_a_typed_lecturer_joins_the_pool(
        qtbot, window, tab, answers):
    db = window.session.db
    original = stored(db, tab.period_id)
    day = days(tab)[3]

    def fill(dialog):
        assert isinstance(dialog, SessionDialog) and dialog.day.date().toString(Qt.DateFormat.ISODate) == day
        assert dialog.half.currentText() == "晚上"
        dialog.topic.setText("红色电影观看")
        dialog.form.setCurrentIndex(dialog.form.findData("自学"))
        dialog.party.setChecked(True)
        dialog.lecturer.setEditText("钱新人")
        dialog.post.setText("县文化馆馆长")
        dialog.place.setCurrentIndex(dialog.place.findText("长征精神党性教育基地"))
        assert dialog.by_rule.isChecked() and dialog.rule_note.text() == "按规则：2学时"
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    when_dialog_opens(fill)
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=tab.view.visualRect(tab.model.index_of(day, "晚上")).center())
    added = stored(db, tab.period_id)
    assert added == sorted(original + [(day, "晚上", "红色电影观看", "自学", "钱新人", "长征精神党性教育基地")],
                           key=lambda r: (r[0], "上下晚".index(r[1][0])))
    title, question, buttons = answers["asked"][0]
    assert title == "加入师资库" and "“钱新人”不在师资库中" in question
    pooled = [lecturer for lecturer in lecturers.list_lecturers(db) if lecturer.name == "钱新人"]
    assert len(pooled) == 1 and pooled[0].post == "县文化馆馆长"
    new = next(s for s in timetable.timetable(db, tab.period_id) if s.topic == "红色电影观看")
    assert new.lecturer_id == pooled[0].id and new.is_party_spirit and new.credited_hours == 2
    assert tab.model.sessions(tab.model.index_of(day, "晚上"))[0].topic == "红色电影观看"
    assert "共8节课，总学时26" in tab.totals.text()
    assert tab.window().tabs.tabText(2) == "课程表（8）"
    assert tab.undo_stack.undoText() == "添加课程：红色电影观看"
    key(qtbot, tab, Qt.Key.Key_Z)
    assert stored(db, tab.period_id) == original
    key(qtbot, tab, Qt.Key.Key_Y)
    assert stored(db, tab.period_id) == added


def test_double_click_a_session_edits_it_and_undo_puts_it_back(qtbot, window, tab, answers):
    db = window.session.db
    original = stored(db, tab.period_id)
    first_day = days(tab)[0]

    def fill(dialog):
        assert dialog.topic.text() == TOPICS[1] and dialog.lecturer.currentText() == "李教授"
        assert dialog.post.text() == "副校长" and dialog.post.isReadOnly()
        dialog.topic.setText("新思想专题辅导")
        dialog.by_rule.setChecked(False)
        dialog.hours.setValue(2.5)
        dialog.end.setText("11:00")
        dialog.save()
    when_dialog_opens(fill)
    point = tab.view.block_rect(tab.view.visualRect(tab.model.index_of(first_day, "上午")), 1).center()
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    edited = next(s for s in timetable.timetable(db, tab.period_id) if s.topic == "新思想专题辅导")
    assert (edited.hours, edited.end_time, edited.lecturer) == (2.5, "11:00", "李教授")
    assert not answers["asked"]  # a pool lecturer: nothing to offer
    key(qtbot, tab, Qt.Key.Key_Z)
    assert stored(db, tab.period_id) == original
    key(qtbot, tab, Qt.Key.Key_Y)
    assert any(s.topic == "新思想专题辅导" for s in timetable.timetable(db, tab.period_id))


def test_the_dialog_refuses_a_session_without_a_topic_or_with_bad_times(qtbot, window, tab):
    period = tables.periods(window.session.db).get(tab.period_id)
    dialog = SessionDialog(tab, window.session.db, period, timetable.Session(tab.period_id, period.start_date, "晚上"))
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert not save.isEnabled() and "课程内容不能为空" in dialog.error.text()
    dialog.topic.setText("夜读")
    dialog.start.setText("8点")
    assert not save.isEnabled() and "开始时间应写成 08:30 的样子" in dialog.error.text()
    dialog.start.setText("19:00")
    dialog.end.setText("18:00")
    assert "结束时间应晚于开始时间" in dialog.error.text()
    dialog.end.setText("21:00")
    assert save.isEnabled() and not dialog.error.text()


def drop(tab, session, day: str, half: str, ctrl: bool = False) -> None:
    mime: QMimeData = clipboard.to_mime(session)
    index = tab.model.index_of(day, half)
    tab.view.scrollTo(index)
    pos = QPointF(tab.view.visualRect(index).center())
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.CopyAction if ctrl else Qt.DropAction.MoveAction
    event = QDropEvent(pos, Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       modifiers)
    event.setDropAction(action)
    tab.view.dropEvent(event)


def test_dragging_moves_a_session_and_ctrl_dragging_copies_it_both_undone(qtbot, window, tab):
    db = window.session.db
    original = stored(db, tab.period_id)
    session = next(s for s in timetable.timetable(db, tab.period_id) if s.topic == TOPICS[1])
    target = days(tab)[4]
    drop(tab, session, target, "上午")
    moved = tables.sessions(db).get(session.id)
    assert (moved.day, moved.half, moved.start_time) == (target, "上午", "09:40")  # same half: times kept
    assert len(stored(db, tab.period_id)) == len(original)
    assert tab.undo_stack.undoText() == f"移动课程：{TOPICS[1]}"
    drop(tab, tables.sessions(db).get(session.id), target, "下午", ctrl=True)
    after_copy = stored(db, tab.period_id)
    assert len(after_copy) == len(original) + 1
    copy = next(s for s in timetable.timetable(db, tab.period_id) if s.half == "下午" and s.day == target)
    assert copy.topic == TOPICS[1] and copy.start_time == "" and copy.id != session.id
    key(qtbot, tab, Qt.Key.Key_Z)
    key(qtbot, tab, Qt.Key.Key_Z)
    assert stored(db, tab.period_id) == original
    key(qtbot, tab, Qt.Key.Key_Y)
    key(qtbot, tab, Qt.Key.Key_Y)
    assert stored(db, tab.period_id) == after_copy


def test_copy_and_paste_by_keys_then_delete_asks_and_is_undone(qtbot, window, tab, answers):
    db = window.session.db
    original = stored(db, tab.period_id)
    first_day, last_day = days(tab)[0], days(tab)[-1]
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.view.block_rect(tab.view.visualRect(tab.model.index_of(first_day, "下午")), 0).center())
    assert tab.view.current_session().topic == TOPICS[2]
    key(qtbot, tab, Qt.Key.Key_C)
    tab.view.setCurrentIndex(tab.model.index_of(last_day, "下午"))
    key(qtbot, tab, Qt.Key.Key_V)
    pasted = [s for s in timetable.timetable(db, tab.period_id) if s.day == last_day]
    assert [(s.half, s.topic, s.lecturer) for s in pasted] == [("下午", TOPICS[2], "王书记")]
    assert tab.view.current_session().id == pasted[0].id
    answers["replies"] = [1]  # 取消
    key(qtbot, tab, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert len(stored(db, tab.period_id)) == len(original) + 1
    key(qtbot, tab, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert "删除" in answers["asked"][-1][1] and stored(db, tab.period_id) == original
    key(qtbot, tab, Qt.Key.Key_Z)
    assert [s.topic for s in timetable.timetable(db, tab.period_id) if s.day == last_day] == [TOPICS[2]]
    key(qtbot, tab, Qt.Key.Key_Z)
    assert stored(db, tab.period_id) == original


def test_a_step_undone_after_the_session_changed_elsewhere_is_refused_and_dropped(qtbot, window, tab, answers):
    db = window.session.db
    session = next(s for s in timetable.timetable(db, tab.period_id) if s.topic == TOPICS[3])
    drop(tab, session, days(tab)[4], "上午")
    changed_elsewhere = replace(tables.sessions(db).get(session.id), topic="别处改过")
    tables.sessions(db).update(changed_elsewhere)
    key(qtbot, tab, Qt.Key.Key_Z)
    assert answers["errors"] and "这条记录已被" in answers["errors"][0][1] and "请刷新后再改" in answers["errors"][0][1]
    assert tables.sessions(db).get(session.id) == changed_elsewhere and not tab.undo_stack.canUndo()


def test_a_closed_periods_timetable_is_only_shown(qtbot, window, tab, answers):
    db = window.session.db
    db.execute("UPDATE periods SET status = '结班' WHERE id = ?", [tab.period_id])
    tab.refresh()
    original = stored(db, tab.period_id)
    assert not tab.add_button.isEnabled() and not tab.copy_other.isEnabled() and tab.lock_note.isVisible()
    assert tab.print_button.isEnabled() and tab.export_button.isEnabled()
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=tab.view.visualRect(tab.model.index_of(days(tab)[4], "晚上")).center())
    assert answers["infos"] and "已结班" in answers["infos"][0][1]
    drop(tab, timetable.timetable(db, tab.period_id)[0], days(tab)[4], "上午")
    assert stored(db, tab.period_id) == original and not tab.undo_stack.canUndo()


def test_copying_from_another_period_asks_replaces_says_what_was_left_out_and_is_undone(
        qtbot, window, tab, answers, monkeypatch):
    db = window.session.db
    original = stored(db, tab.period_id)
    klass = tables.periods(db).get(tab.period_id).class_id
    source = tables.periods(db).insert(Period(klass, 7, "2020-11-02", "2020-11-30", status="开班"))
    for day in ("2020-11-02", "2020-11-03", "2020-11-20"):
        timetable.save_session(db, timetable.Session(source.id, day, "上午", topic=f"课{day}", form="专题讲座"))
    chosen = []

    def pick(parent, title, label, items, current, editable):
        chosen.append(items)
        return next(item for item in items if "第7期" in item), True
    monkeypatch.setattr(QInputDialog, "getItem", pick)
    qtbot.mouseClick(tab.copy_other, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=10000)
    assert "替换" in answers["asked"][0][1] and "7节课" in answers["asked"][0][1]
    assert "复制2节课" in answers["infos"][0][1] and "1节课未复制" in answers["infos"][0][1]
    assert [s[2] for s in stored(db, tab.period_id)] == ["课2020-11-02", "课2020-11-03"]
    assert tab.model.sessions(tab.model.index_of(days(tab)[0], "上午"))[0].topic == "课2020-11-02"
    key(qtbot, tab, Qt.Key.Key_Z)
    assert stored(db, tab.period_id) == original
    key(qtbot, tab, Qt.Key.Key_Y)
    assert [s[2] for s in stored(db, tab.period_id)] == ["课2020-11-02", "课2020-11-03"]


def test_copying_from_last_years_period_of_the_same_class(qtbot, window, answers):
    db = window.session.db
    period = period_id(db, CLASS, 2)
    this = tables.periods(db).get(period)
    klass = tables.classes(db).get(this.class_id)
    old = tables.classes(db).insert(replace(klass, id=None, plan_id=None))
    last_year = tables.periods(db).insert(Period(old.id, 2, "2019-10-14", "2019-10-18", status="开班"))
    fill_timetable(db, last_year.id)
    roster = open_period(window, window.session, period)
    tab = roster.timetable_tab
    roster.tabs.setCurrentWidget(tab)
    assert tab.session_count() == 0 and roster.tabs.tabText(2) == "课程表（0）" and "双击某个半天" in tab.totals.text()
    qtbot.mouseClick(tab.copy_last_year, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=10000)
    assert not answers["asked"]  # nothing to replace: no question
    assert "2019-10-14" in answers["infos"][0][1] and "复制7节课" in answers["infos"][0][1]
    assert [s.day for s in timetable.timetable(db, period)][0] == this.start_date and tab.session_count() == 7
    roster.close()


def test_print_and_export_from_the_tab(qtbot, window, tab, monkeypatch, tmp_path):
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PrintDialog) and dialog.windowTitle() == "打印 — 课程表"
    qtbot.waitUntil(lambda: dialog.shown is not None, timeout=20000)
    assert dialog.pages_label.text() == "课程表，共1页"
    dialog.reject()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "课程表 导出"), ""))
    monkeypatch.setattr("ui.common.messages.info", lambda *args: None)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(tmp_path / "课程表 导出.xlsx").active
    assert sheet["A1"].value == f"{CLASS}第2期课程表" and sheet.max_row == 3 + 7 + 1


def test_the_letters_print_dialog_ticks_the_timetable_on_after_each_letter(qtbot, window, tab):
    roster = tab.window()
    next(action for action in roster.print_menu.actions() if action.text() == "入学通知书…").trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PrintDialog)
    qtbot.waitUntil(lambda: dialog.shown is not None, timeout=20000)
    letters = dialog.shown.pages
    assert dialog.option_box.text() == "附课程表" and not dialog.option_box.isChecked()
    dialog.option_box.setChecked(True)
    assert dialog.shown is None and not dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.shown is not None, timeout=20000)
    trainees = roster.model.rowCount()
    assert dialog.shown.pages == letters + trainees and dialog.printable.key.with_timetable
    dialog.reject()


def test_the_print_centre_offers_the_timetable_of_a_period(qtbot, window):
    from tests.ui.test_documents_page import select_period, wait_preview
    from tests.ui.test_main_window import click_nav

    fill_timetable(window.session.db, period_id(window.session.db, CLASS, 2))
    page = click_nav(qtbot, window, "文书打印")
    page.kind_box.setCurrentIndex(page.kind_box.findText("课程表"))
    select_period(qtbot, page, CLASS, 2)
    wait_preview(qtbot, page, pages=1)
    assert page.pages_label.text() == "课程表，共1页"
    select_period(qtbot, page, CLASS, 1)
    wait_preview(qtbot, page)
    assert page.pages_label.text() == "无法打印"  # 第1期 has no timetable: the preview says so


def test_a_lecturer_booked_in_another_period_at_the_same_time_is_marked_with_a_tooltip(qtbot, window, tab):
    db = window.session.db
    busy = next(s for s in timetable.timetable(db, tab.period_id) if s.topic == TOPICS[2])
    klass = tables.periods(db).get(tab.period_id).class_id
    other = tables.periods(db).insert(Period(klass, 8, busy.day, busy.day, status="开班"))
    timetable.save_session(db, timetable.Session(other.id, busy.day, "下午", topic="另一课",
                                                 lecturer_id=busy.lecturer_id))
    window.session.announce(Changed.TIMETABLE)
    index = tab.model.index_of(busy.day, "下午")
    assert tab.model.data(index, CONFLICTS_ROLE) == {busy.id: tab.model.conflicts[busy.id]}
    tooltip = tab.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert f"⚠ 冲突：王书记同一时段（{busy.day}下午）在{CLASS}第8期" in tooltip and "另一课" in tooltip
    assert "1节课的授课人同一时段在其他期次授课" in tab.totals.text()
    assert not tab.model.data(tab.model.index_of(busy.day, "上午"), CONFLICTS_ROLE)


def test_the_grid_model_passes_the_model_tester(qtmodeltester, window, tab):
    qtmodeltester.check(tab.model)


def test_a_copy_refused_by_the_service_says_why_and_changes_nothing(qtbot, window, tab, answers, monkeypatch):
    db = window.session.db
    original = stored(db, tab.period_id)
    klass = tables.periods(db).get(tab.period_id).class_id
    source = tables.periods(db).insert(Period(klass, 6, "2020-11-02", "2020-11-06", status="开班"))
    tables.sessions(db).insert(timetable.Session(source.id, "2020-11-02", "上午", topic="旧表里的课", form="讲座甲"))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: (next(i for i in args[3] if "第6期" in i), True))
    qtbot.mouseClick(tab.copy_other, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=10000)
    title, text = answers["errors"][0]
    assert title == "未能复制课程表" and "第1节：教学形式“讲座甲”不在列表中" in text and "课程表未作改动" in text
    assert stored(db, tab.period_id) == original and not tab.undo_stack.canUndo()


def test_a_read_only_database_shows_the_timetable_and_changes_nothing(qtbot, demo_file, answers):
    from app.services import database
    from tests.writing import writable
    from ui.shell.main_window import MainWindow
    from ui.shell.session import Session as WindowSession

    with writable(demo_file) as db:
        period = period_id(db, CLASS, 2)
        fill_timetable(db, period)
    session = WindowSession(database.open_database(demo_file), demo_file, None)
    main = MainWindow(session)
    qtbot.addWidget(main)
    roster = open_period(main, session, period)
    tab = roster.timetable_tab
    assert tab.session_count() == 7 and not tab.add_button.isEnabled() and not tab.view.editable
    assert tab.print_button.isEnabled() and "只读" in tab.lock_note.text()
    tab.paste()
    tab.add()
    assert answers["infos"] and "只读" in answers["infos"][-1][1]
    roster.close()
    session.close()
    with writable(demo_file) as db:
        assert len(timetable.timetable(db, period)) == 7
