"""The calendar page driven with the mouse and keyboard: click, double-click, drag, undo, filters, files."""
import unicodedata
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QToolButton

from app.services import classes
from app.services.safety import audit
from app.storage import tables
from ui.calendar import files, palette
from ui.calendar.calendar_page import MONTH, WEEK, YEAR
from ui.calendar.lanes import hidden_counts, segments, visible_lanes
from ui.classes.class_dialog import ClassDialog
from ui.documents.print_dialog import PrintDialog


@pytest.fixture
def page(qtbot, window):
    calendar = window.show_page("日历")
    qtbot.waitExposed(calendar.month_view)
    return calendar


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def go_to_september(qtbot, page):
    forward = next(b for b in page.toolbar.findChildren(QToolButton) if b.text() == "▶")
    for _ in range(6):
        click(qtbot, forward)
    assert page.toolbar.range_label.text() == "2020年9月"


def bar_of(page, name, view=None):
    view = view or page.month_view
    return next(b for b in view.scene().bars if b.entry.class_name == name)


def point(rect, x_share=0.5) -> QPoint:
    return QPoint(int(rect.left() + rect.width() * x_share), int(rect.center().y()))


def period_of(db, name, number=1):
    training_class = tables.classes(db).where("name = ?", [name])[0]
    return next(p for p in classes.list_periods(db, class_id=training_class.id) if p.number == number)


def test_opens_where_the_periods_are_and_shows_conflicts(qtbot, page):
    assert page.toolbar.range_label.text() == "2020年3月"  # the demo's year, not today's
    go_to_september(qtbot, page)
    assert page.conflicts and page.toolbar.count_label.text() == f"6期，{len(page.conflicts)}处冲突"
    names = {b.entry.class_name for b in page.month_view.scene().bars}
    assert {"中青年干部培训班", "国企改革与管理培训班", "县管副职领导干部进修班"} <= names
    marks = page.month_view.marks
    assert bar_of(page, "国企改革与管理培训班").entry.period_id in marks.conflict_ids  # same place as 进修班
    assert date(2020, 9, 7) in marks.crowded_days and "同时有" in marks.crowded_days[date(2020, 9, 7)][0].message
    assert f"冲突 {len(page.conflicts)} 处" in page.details.toPlainText()
    assert ("kind:主体班", "主体班") in page.legend.items and ("conflict", "冲突") in page.legend.items


def test_click_shows_details_and_double_click_opens_the_period(qtbot, page, monkeypatch):
    go_to_september(qtbot, page)
    bar = bar_of(page, "国企改革与管理培训班")
    qtbot.mouseClick(page.month_view, Qt.MouseButton.LeftButton, pos=point(bar.rect))
    text = page.details.toPlainText()
    assert "国企改革与管理培训班第1期" in text and "2020-09-15 至 2020-09-18（4天）" in text and "培训地点冲突" in text
    assert page.month_view.marks.selected_id == bar.entry.period_id
    from ui.roster.period_actions import open_period

    qtbot.mouseDClick(page.month_view, Qt.MouseButton.LeftButton, pos=point(bar.rect))
    roster = open_period(page, page.session, bar.entry.period_id)  # the window the double-click opened
    assert roster.isVisible() and "国企改革与管理培训班" in roster.windowTitle()
    seen = []
    monkeypatch.setattr(ClassDialog, "exec", lambda dialog: seen.append(
        (dialog.draft.training_class.name, dialog.periods.current_row())) or 0)
    next(b for b in roster.findChildren(QPushButton) if b.text() == "班次信息…").click()
    assert seen == [("国企改革与管理培训班", 0)]
    roster.close()


def drag(qtbot, view, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(view, middle)
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


def test_drag_moves_a_period_and_ctrl_z_puts_it_back(qtbot, page, window):
    db = window.session.db
    go_to_september(qtbot, page)
    bar = bar_of(page, "国企改革与管理培训班")
    scene = page.month_view.scene()
    one_week_down = QPoint(0, int(scene.cell_height))
    start = point(bar.rect, 0.15)
    drag(qtbot, page.month_view, start, start + one_week_down)
    assert period_of(db, "国企改革与管理培训班").start_date == "2020-09-22"
    assert period_of(db, "国企改革与管理培训班").end_date == "2020-09-25"
    assert "已改为 2020-09-22 开始" in page.details.toPlainText()
    assert bar_of(page, "国企改革与管理培训班").entry.start == date(2020, 9, 22)  # redrawn
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert period_of(db, "国企改革与管理培训班").start_date == "2020-09-15"
    assert page.toolbar.redo_button.isEnabled() and page.toolbar.redo_button.toolTip() == \
        "重做 移动“国企改革与管理培训班第1期”（Ctrl+Y）"
    qtbot.keyClick(page, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert period_of(db, "国企改革与管理培训班").start_date == "2020-09-22"
    click(qtbot, page.toolbar.undo_button)
    assert period_of(db, "国企改革与管理培训班").start_date == "2020-09-15"


def test_undoing_a_move_the_period_no_longer_allows_says_why_and_drops_the_step(qtbot, page, window, answers):
    db = window.session.db
    go_to_september(qtbot, page)
    bar = bar_of(page, "国企改革与管理培训班")
    start = point(bar.rect, 0.15)
    drag(qtbot, page.month_view, start, start + QPoint(0, int(page.month_view.scene().cell_height)))
    assert period_of(db, "国企改革与管理培训班").start_date == "2020-09-22"
    period = period_of(db, "国企改革与管理培训班")
    period.status = "结班"  # closed meanwhile (in the roster window): its hours are credited
    tables.periods(db).update(period)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert period_of(db, "国企改革与管理培训班").start_date == "2020-09-22"
    title, text = answers["errors"][-1]
    assert title == "无法撤销" and "已结班" in text and "数据未作改动" in text
    assert not page.undo_stack.canUndo() and not page.undo_stack.canRedo()


def test_a_drag_the_rules_refuse_changes_nothing(qtbot, page, window, answers):
    db = window.session.db
    for number in (1, 2):  # let the two April periods of one class be movable
        period = period_of(db, "村党组织书记脱贫攻坚专题轮训班", number)
        period.status = "筹备"
        tables.periods(db).update(period)
    page.refresh()
    click(qtbot, next(b for b in page.toolbar.findChildren(QToolButton) if b.text() == "▶"))
    bar = bar_of(page, "村党组织书记脱贫攻坚专题轮训班")
    start = point(bar.rect, 0.1)
    drag(qtbot, page.month_view, start, start + QPoint(int(page.month_view.scene().cell_width * 5), 0))
    assert "时间重叠" in answers["errors"][0][1]
    assert period_of(db, "村党组织书记脱贫攻坚专题轮训班").start_date == "2020-04-20"
    assert not page.undo_stack.canUndo()
    closed = bar_of(page, "县管领导干部学习贯彻党的十九届四中全会精神专题班")
    start = point(closed.rect, 0.5)
    drag(qtbot, page.month_view, start, start + QPoint(int(page.month_view.scene().cell_width), 0))
    assert "已结班" in answers["errors"][1][1]


def test_filters_by_kind_plan_and_host(qtbot, page):
    go_to_september(qtbot, page)
    bar = page.toolbar
    bar.kind_filter.setCurrentIndex(bar.kind_filter.findText("主体班"))
    assert {e.kind for e in page.entries} == {"主体班"}
    bar.kind_filter.setCurrentIndex(0)
    bar.plan_filter.setCurrentIndex(bar.plan_filter.findText("2020年公务员培训计划"))
    assert {e.plan_title for e in page.entries} == {"2020年公务员培训计划"}
    bar.plan_filter.setCurrentIndex(0)
    bar.host_filter.setCurrentIndex(bar.host_filter.findText("中共xx县委党校"))
    assert page.entries and {e.host for e in page.entries} == {"中共xx县委党校"}
    assert "筛选：中共xx县委党校" == page.filter_text()


def test_week_and_year_views(qtbot, page):
    go_to_september(qtbot, page)
    click(qtbot, page.toolbar.views.button(WEEK))
    assert page.views.currentWidget() is page.week_view and page.toolbar.range_label.text() == "2020年8月31日—9月6日"
    assert page.week_view.scene().detailed and page.week_view.scene().bars
    click(qtbot, page.toolbar.views.button(YEAR))
    year = page.year_view
    assert page.views.currentWidget() is year and year.most_away > 0
    assert year.away[date(2020, 7, 6)] > 0 and date(2020, 1, 6) not in year.away
    day_center = year.day_rect(date(2020, 7, 6)).center().toPoint()
    qtbot.mouseClick(year, Qt.MouseButton.LeftButton, pos=day_center)
    assert "2020年7月6日 星期一" in page.details.toPlainText() and "在训" in page.details.toPlainText()
    qtbot.mouseDClick(year, Qt.MouseButton.LeftButton, pos=day_center)
    assert page.mode == MONTH and page.toolbar.range_label.text() == "2020年7月"


def render(view) -> QImage:
    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    view.render(image)
    return image


def test_holidays_adjusted_days_and_today_are_marked(qtbot, page):
    page.go_to(date(2020, 10, 1))
    scene = page.month_view.scene()
    image = render(page.month_view)
    national_day = scene.cell_rect(0, 3)  # Thursday 1 October
    assert QColor(image.pixel(national_day.center().toPoint() + QPoint(0, int(national_day.height() / 3)))) == \
        palette.HOLIDAY_BACKGROUND
    page.go_to(date.today())
    scene = page.month_view.scene()
    row, col = divmod((date.today() - scene.first_day).days, 7)
    label_left = scene.cell_rect(row, col).topLeft() + QPoint(3, int(scene.label_height / 2))
    assert QColor(render(page.month_view).pixel(label_left.toPoint())) == palette.TODAY


def test_a_full_day_shows_plus_n(qtbot, page):
    page.go_to(date(2020, 9, 1))
    page.month_view.setFixedHeight(260)
    qtbot.waitUntil(lambda: bool(page.month_view.scene().more))
    rect, day, count = page.month_view.scene().more[0]
    qtbot.mouseClick(page.month_view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert f"{day.month}月{day.day}日" in page.details.toPlainText()


def test_lanes_keep_bars_apart_and_count_what_does_not_fit():
    monday = date(2020, 8, 31)
    spans = [(date(2020, 9, 1), date(2020, 9, 30)), (date(2020, 9, 7), date(2020, 9, 13)),
             (date(2020, 9, 7), date(2020, 9, 11)), (date(2020, 8, 20), date(2020, 9, 3))]
    found = segments(spans, monday, 5)
    week_two = sorted((s.index, s.lane) for s in found if s.row == 1)
    assert week_two == [(0, 0), (1, 1), (2, 2)]
    assert [s.starts for s in found if s.index == 0] == [True, False, False, False, False]
    shown = visible_lanes(found, 5, 2)
    assert shown == [2, 2, 1, 1, 1] and hidden_counts(found, shown)[(1, 0)] == 1


def test_export_ics_and_print_the_month(qtbot, page, window, monkeypatch, tmp_path, answers):
    go_to_september(qtbot, page)
    monkeypatch.setattr(files, "ask_path", lambda *args: tmp_path / "日 历.ics")
    click(qtbot, page.toolbar.export_button)
    text = (tmp_path / "日 历.ics").read_bytes().decode("utf-8")
    assert text.count("BEGIN:VEVENT") == 36 and "已把2020年的36期导出到" in answers["infos"][0][1]
    assert page.toolbar.print_button.text() == "打印9月…"
    click(qtbot, page.toolbar.print_button)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PrintDialog) and dialog.windowTitle() == "打印 — 日历"
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=20000)
    assert dialog.pages_label.text() == "日历，共1页"
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, suggested, kinds: asked.append(suggested) or (str(tmp_path / "九 月"), kinds))
    click(qtbot, dialog.save_button)
    assert asked[0].endswith("2020年9月干部教育培训日历.pdf")
    pdf = PdfReader(str(tmp_path / "九 月.pdf"))
    assert len(pdf.pages) == 1 and pdf.pages[0].mediabox.width > pdf.pages[0].mediabox.height
    # the embedded CJK font maps some characters to their Kangxi radical look-alikes (月 → ⽉) for copying
    content = unicodedata.normalize("NFKC", pdf.pages[0].extract_text())
    assert "2020年9月干部教育培训日历" in content and "国企改革与管理培训班" in content
    assert audit.entries(window.session.db)[0]["detail"] == "2020年9月干部教育培训日历：1页"
    dialog.close()


def test_a_cancelled_file_dialog_writes_nothing(qtbot, page, monkeypatch, answers):
    monkeypatch.setattr(files, "ask_path", lambda *args: None)
    click(qtbot, page.toolbar.export_button)
    assert answers["infos"] == [] and answers["errors"] == []


def test_today_button_and_paging(qtbot, page):
    page.step(0)
    today = date.today()
    assert page.toolbar.range_label.text() == f"{today.year}年{today.month}月"
    page.set_mode(WEEK)
    page.step(1)
    assert page.visible_range()[0] == today - timedelta(days=today.weekday()) + timedelta(days=7)


def test_the_window_with_the_calendar_and_editors_fits_a_small_screen(qtbot, window, page):
    for title in ("计划", "班次", "日历"):
        window.show_page(title)
    hint = window.minimumSizeHint()
    assert hint.width() <= 910 and hint.height() <= 512
