"""A period's roster is one click away wherever the period shows: the class form's 期次 tab, a person's record,
the statistics by class, and the import wizard's last page (the periods page, the calendar and the global
search have their own tests)."""
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from app.services import classes, people
from app.storage import tables
from tests.ui.conftest import type_text
from tests.ui.helpers import double_click_row, when_dialog_opens
from tests.ui.test_main_window import click_nav
from ui.classes import actions
from ui.roster.roster_window import RosterWindow


def rosters(window) -> list[int]:
    return [roster.period_id for roster in window.findChildren(RosterWindow) if roster.isVisible()]


def close_rosters(window) -> None:
    for roster in window.findChildren(RosterWindow):
        roster.close()


def class_named(db, name):
    return tables.classes(db).where("name = ?", [name])[0]


def when_menu_opens(qtbot, pick) -> None:
    """Clicks the menu item pick(menu) returns once a popup menu is shown (QTimer polls while exec runs)."""
    def poll(left=200):
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            action = pick(menu)
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))
    QTimer.singleShot(0, poll)


def test_the_class_form_opens_a_saved_periods_roster_and_closes(qtbot, window):
    db = window.session.db
    training_class = class_named(db, "科级干部培训班")
    second = classes.load_draft(db, training_class.id).periods[1]
    seen = []

    def open_roster(dialog):
        seen.append(dialog.periods.roster_button.isEnabled())
        qtbot.mouseClick(dialog.periods.roster_button, Qt.MouseButton.LeftButton)
    when_dialog_opens(open_roster)
    assert actions.open_class(window, window.session, training_class.id, second.id) is None  # nothing saved
    assert seen == [True] and rosters(window) == [second.id]
    close_rosters(window)


def test_a_double_click_in_the_form_asks_to_save_changes_first(qtbot, window, answers):
    db = window.session.db
    training_class = class_named(db, "科级干部培训班")
    first = classes.load_draft(db, training_class.id).periods[0]

    def edit_then_open(dialog):
        type_text(dialog.fields.widget("theme"), "新主题")
        answers["replies"] += [2, 0]  # 取消 first: the form stays; then 保存并打开
        double_click_row(qtbot, dialog.periods.table, 0)
        assert dialog.isVisible() and rosters(window) == []
        double_click_row(qtbot, dialog.periods.table, 0)
    when_dialog_opens(edit_then_open)
    saved = actions.open_class(window, window.session, training_class.id, first.id)
    assert [question[1] for question in answers["asked"]] == ["班次有未保存的修改。先保存，再打开名单吗？"] * 2
    assert saved is not None and classes.get_class(db, training_class.id).theme.endswith("新主题")
    assert rosters(window) == [first.id]
    close_rosters(window)


def test_a_new_period_has_no_roster_until_saved(qtbot, window):
    training_class = class_named(window.session.db, "科级干部培训班")
    seen = []

    def add_then_look(dialog):
        qtbot.mouseClick(next(b for b in dialog.periods.findChildren(type(dialog.periods.roster_button))
                              if b.text() == "添加期次"), Qt.MouseButton.LeftButton)
        seen.append(dialog.periods.roster_button.isEnabled())
        dialog.periods.open_roster()
        seen.append(dialog.isVisible())
        dialog.reject()
    when_dialog_opens(add_then_look)
    actions.open_class(window, window.session, training_class.id)
    assert seen == [False, True] and rosters(window) == []


def test_a_persons_record_opens_the_roster_of_a_period_they_attended(qtbot, window):
    page = click_nav(qtbot, window, "学员")
    person = next(p for p in people.search_people(window.session.db) if people.attendance(window.session.db, p.id))
    history = people.attendance(window.session.db, person.id)
    page.select_person(person.id)
    assert page.detail.model.rowCount() == len(history)
    double_click_row(qtbot, page.detail.table, 0)
    assert rosters(window) == [history[0].period_id]
    close_rosters(window)


def test_statistics_by_class_open_a_period_chosen_from_a_menu(qtbot, window):
    page = click_nav(qtbot, window, "统计")
    page.tabs.setCurrentWidget(page.table)
    names = [summary.name for summary in page.model.records()]
    db = window.session.db
    only_one = names.index("人才研修班")
    double_click_row(qtbot, page.table, only_one)  # one period: its roster at once
    assert rosters(window) == [classes.list_periods(db, class_id=class_named(db, "人才研修班").id)[0].id]
    close_rosters(window)
    several = classes.list_periods(db, class_id=class_named(db, "县管领导干部学习贯彻党的十九届四中全会精神专题班").id)
    offered = []

    def third(menu):
        choices = [action for action in menu.actions() if action.data()]
        offered.extend(action.text()[:3] for action in choices)
        return choices[2]
    when_menu_opens(qtbot, third)
    double_click_row(qtbot, page.table, names.index("县管领导干部学习贯彻党的十九届四中全会精神专题班"))
    assert offered == ["第1期", "第2期", "第3期", "第4期"] and len(several) == 4
    assert rosters(window) == [several[2].id]
    close_rosters(window)
