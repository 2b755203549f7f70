"""Opened read-only (another computer holds the file): plans, classes and the calendar can be looked at,
never changed."""
from datetime import date

from app.services import database
from app.storage import tables
from ui.classes.class_dialog import ClassDialog
from ui.shell.main_window import MainWindow
from ui.shell.session import Session


def test_editors_only_look_when_the_database_is_read_only(qtbot, demo_file, monkeypatch):
    session = Session(database.open_database(demo_file), demo_file, None)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    plans = window.show_page("计划")
    assert not any(plans.buttons[key].isEnabled() for key in ("new", "copy", "delete"))
    classes = window.show_page("班次")
    assert classes.edit_button.isEnabled() and not classes.new_button.isEnabled()
    assert not classes.delete_button.isEnabled()
    seen = []
    monkeypatch.setattr(ClassDialog, "exec", lambda dialog: seen.append(
        (dialog.save_button.isEnabled(), dialog.summary.text())) or 0)
    classes.edit_selected()
    assert seen and seen[0][0] is False and "只能查看" in seen[0][1]
    calendar = window.show_page("日历")
    assert not calendar.month_view.movable
    calendar.go_to(date(2020, 9, 1))
    assert calendar.entries
    session.close()
    assert tables.classes(database.open_database(demo_file)).count() == 24
