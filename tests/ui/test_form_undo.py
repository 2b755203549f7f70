"""Undo and redo of the forms' structural edits: the plan's outline and contacts, the class form's periods
and contacts; typing in a field keeps the field's own undo."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services import classes
from tests.ui.conftest import type_text
from tests.ui.test_class_form import class_named, open_form
from tests.ui.test_plan_editor import county, outline_numbers
from ui.classes.class_dialog import BASIC, CONTACTS, PERIODS
from ui.plans.editor import BASIC as PLAN_BASIC
from ui.plans.editor import OUTLINE


def press(qtbot, widget, letter) -> None:
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)
    qtbot.keyClick(widget, letter, Qt.KeyboardModifier.ControlModifier)


def button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


@pytest.fixture
def page(window):
    return window.show_page("计划")


def shown_numbers(outline) -> list[str]:
    model = outline.model
    return [model.index(row, 0, model.index(section, 0)).data() for section in range(model.rowCount())
            for row in range(model.rowCount(model.index(section, 0)))]


def test_outline_moves_are_undone_and_redone_with_the_keys(qtbot, page, window):
    editor, outline = page.editor, page.editor.outline
    before = shown_numbers(outline)
    editor.setCurrentIndex(OUTLINE)
    outline.select(0, 1)
    moved = outline.model.node(outline.current()).title
    qtbot.mouseClick(button(outline, "下移"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(outline, "下移"), Qt.MouseButton.LeftButton)
    after = shown_numbers(outline)
    assert after[2] == f"3. {moved}" and outline.model.position(outline.current()) == (1, 0) and editor.undo_action.text() == f"撤销 下移要点“{moved}”"
    editor.setCurrentIndex(PLAN_BASIC)
    press(qtbot, outline.tree, Qt.Key.Key_Z)
    assert editor.currentIndex() == OUTLINE  # the step is shown where it was made
    press(qtbot, outline.tree, Qt.Key.Key_Z)
    assert shown_numbers(outline) == before and not editor.undo_stack.canUndo()
    press(qtbot, outline.tree, Qt.Key.Key_Y)
    press(qtbot, outline.tree, Qt.Key.Key_Y)
    assert shown_numbers(outline) == after
    qtbot.mouseClick(page.buttons["save"], Qt.MouseButton.LeftButton)
    db = window.session.db
    assert outline_numbers(db, county(db).id)[2] == (3, moved)
    assert not editor.undo_stack.canUndo()  # saved: the steps belonged to the plan as it was edited


def test_a_deleted_point_comes_back_with_its_text_and_an_added_one_goes(qtbot, page, window, answers):
    editor, outline = page.editor, page.editor.outline
    db = window.session.db
    original = outline_numbers(db, county(db).id)
    editor.setCurrentIndex(OUTLINE)
    outline.select(1, 0)
    body = outline.model.node(outline.current()).body
    qtbot.mouseClick(button(outline, "删除"), Qt.MouseButton.LeftButton)
    assert len(shown_numbers(outline)) == len(original) - 1
    outline.select(0, 0)
    qtbot.mouseClick(button(outline, "新增要点"), Qt.MouseButton.LeftButton)
    type_text(outline.title, "加强理论学习考核。")
    assert editor.undo_action.text() == "撤销 新增要点"
    editor.undo_action.trigger()
    assert "2. 加强理论学习考核。" not in shown_numbers(outline)
    editor.redo_action.trigger()
    assert shown_numbers(outline)[1] == "2. 加强理论学习考核。"  # back as it was typed
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert [text.split(". ", 1)[1] for text in shown_numbers(outline)] == [title for _, title in original]
    outline.select(1, 0)
    assert outline.body.toPlainText() == body
    qtbot.mouseClick(page.buttons["save"], Qt.MouseButton.LeftButton)
    assert outline_numbers(db, county(db).id) == original


def test_switching_plans_leaves_no_steps_behind(qtbot, page):
    outline = page.editor.outline
    outline.select(0, 1)
    outline.move(1)
    assert page.editor.undo_stack.canUndo()
    qtbot.mouseClick(page.buttons["revert"], Qt.MouseButton.LeftButton)
    assert not page.editor.undo_stack.canUndo()


def test_class_form_periods_added_deleted_and_archived_are_undone(qtbot, demo_db, answers):
    dialog = open_form(demo_db, "人才研修班", qtbot)
    periods = dialog.periods
    dialog.tabs.setCurrentIndex(PERIODS)
    qtbot.mouseClick(button(periods, "添加期次"), Qt.MouseButton.LeftButton)
    assert periods.model.rowCount() == 2 and dialog.undo_action.text() == "撤销 添加第2期"
    periods.table.selectRow(0)
    qtbot.mouseClick(button(periods, "删除本期"), Qt.MouseButton.LeftButton)
    assert [p.number for p in periods.periods()] == [2] and periods.removed_ids
    dialog.tabs.setCurrentIndex(BASIC)
    press(qtbot, dialog.tabs, Qt.Key.Key_Z)
    assert dialog.tabs.currentIndex() == PERIODS
    assert [p.number for p in periods.periods()] == [1, 2] and not periods.removed_ids
    press(qtbot, dialog.tabs, Qt.Key.Key_Z)
    assert [p.number for p in periods.periods()] == [1]
    periods.table.selectRow(0)
    qtbot.mouseClick(periods.archive_button, Qt.MouseButton.LeftButton)
    assert periods.periods()[0].archived
    press(qtbot, dialog.tabs, Qt.Key.Key_Z)
    assert not periods.periods()[0].archived
    press(qtbot, dialog.tabs, Qt.Key.Key_Y)
    assert periods.periods()[0].archived
    press(qtbot, dialog.tabs, Qt.Key.Key_Z)
    dialog.save()
    stored = classes.load_draft(demo_db, class_named(demo_db, "人才研修班").id).periods
    assert [(p.number, p.archived) for p in stored] == [(1, False)]


def test_class_form_contacts_added_deleted_and_moved_are_undone(qtbot, demo_db):
    dialog = open_form(demo_db, "人才研修班", qtbot)
    contacts = dialog.contacts
    dialog.tabs.setCurrentIndex(CONTACTS)
    for name in ("刘静", "王强"):
        contacts.add()
        contacts.model.setData(contacts.model.index(contacts.model.rowCount() - 1, 1), name)
    contacts.table.selectRow(1)
    contacts.move(-1)
    assert [c.name for c in contacts.model.contacts()] == ["王强", "刘静"]
    contacts.table.selectRow(0)
    contacts.remove()
    assert dialog.undo_action.text() == "撤销 删除联系人“王强”"
    dialog.undo_action.trigger()
    dialog.undo_action.trigger()
    assert [c.name for c in contacts.model.contacts()] == ["刘静", "王强"]
    dialog.undo_action.trigger()
    assert [c.name for c in contacts.model.contacts()] == ["刘静"]  # the second 添加联系人 undone, name and all
    dialog.redo_action.trigger()
    assert [c.name for c in contacts.model.contacts()] == ["刘静", "王强"]
