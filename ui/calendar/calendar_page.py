"""日历: the periods on a month, week or year calendar drawn with QPainter, conflicts marked on it,
filters by plan, kind and host; drag a period to move it (Ctrl+Z undoes), .ics export, print the month."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from app.domain import vocab
from app.domain.conflicts import LECTURER, PERSON, PLACE, UNIT, Conflict
from app.domain.errors import UserError
from app.services import calendar_events, rule_checks
from app.services.calendar_events import CalendarFilter
from ui.calendar import files
from ui.calendar.details import day_html, entry_html, overview_html
from ui.calendar.grid_painter import Marks
from ui.calendar.grid_view import CalendarGrid
from ui.calendar.lanes import monday_of
from ui.calendar.legend import Legend, legend_items
from ui.calendar.toolbar import CalendarToolbar
from ui.calendar.year_view import YearOverview
from ui.common import messages
from ui.common.lazy import LoadsWhenShown
from ui.common.undo import Step, undo_buttons
from ui.roster import period_actions
from ui.shell.changes import Changed
from ui.shell.session import Session
from ui.shell.style import DETAIL_SHEET

MONTH, WEEK, YEAR = range(3)


def month_bounds(day: date) -> tuple[date, date]:
    first = date(day.year, day.month, 1)
    return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)


def month_range(day: date) -> tuple[date, date]:
    """The whole weeks (Monday to Sunday) that show a month: four to six of them."""
    first, last = month_bounds(day)
    return monday_of(first), last + timedelta(days=6 - last.weekday())


def kinds_of(entries: list) -> list[str]:
    """The class kinds shown, in the office's order of kinds (the legend's order)."""
    order = vocab.words("class_kinds")
    return sorted({e.kind for e in entries}, key=lambda k: order.index(k) if k in order else len(order))


REFRESH_ON = (Changed.CLASSES | Changed.PERIODS | Changed.PLANS | Changed.ROSTER | Changed.SETTINGS
              | Changed.PEOPLE | Changed.TIMETABLE | Changed.TEACHING)  # rules and lecturers booked twice


class CalendarPage(LoadsWhenShown, QWidget):
    title = "日历"

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.mode, self.anchor = MONTH, date.today()
        self.where = CalendarFilter()
        self.entries: list[calendar_events.CalendarEntry] = []
        self.conflicts: list = []
        self.undo_stack = QUndoStack(self)
        *_, buttons = undo_buttons(self.undo_stack, self, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.toolbar = CalendarToolbar(buttons)
        self.month_view, self.week_view, self.year_view = CalendarGrid(6), CalendarGrid(1, detailed=True), YearOverview()
        self.views = QStackedWidget()
        for view in (self.month_view, self.week_view, self.year_view):
            self.views.addWidget(view)
        self.details = QTextBrowser(objectName="detail")
        self.details.setStyleSheet(DETAIL_SHEET)
        self.legend = Legend()
        self._layout()
        self._connect()

    def _layout(self) -> None:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.legend)
        column.addWidget(self.details, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.views)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([700, self.fontMetrics().horizontalAdvance("汉") * 15])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        bar = self.toolbar
        bar.view_chosen.connect(self.set_mode)
        bar.step.connect(self.step)
        bar.filters_changed.connect(self._filters_changed)
        bar.export_button.clicked.connect(lambda: files.export_ics(self, self.session.db, self.anchor.year, self.where))
        bar.print_button.clicked.connect(self.print_month)
        self.print_button = bar.print_button  # what Ctrl+P presses
        for grid in (self.month_view, self.week_view):
            grid.period_clicked.connect(self.show_period)
            grid.period_activated.connect(self.open_period)
            grid.period_dropped.connect(self.move_period)
            grid.day_clicked.connect(self.show_day)
            grid.day_activated.connect(lambda day: self.go_to(day, WEEK if self.mode == MONTH else MONTH))
        self.year_view.day_clicked.connect(self.show_day)
        self.year_view.day_activated.connect(lambda day: self.go_to(day, MONTH))
        self.session.database_changed.connect(self._database_changed)
        self.session.changed.connect(self._data_changed)  # a method, not a lambda: no reference cycle

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & REFRESH_ON and not self._stale:
            self.refresh()

    def reload(self) -> None:
        """A database was opened: fresh filters and undo history, open where its periods are."""
        self._stale = False
        self.undo_stack.clear()
        for grid in (self.month_view, self.week_view):
            grid.movable = not self.session.read_only
        self.toolbar.fill_filters(calendar_events.filter_choices(self.session.db))
        self.where = CalendarFilter()
        self.anchor = calendar_events.opening_day(self.session.db, date.today())
        self.refresh()

    def _filters_changed(self) -> None:
        bar = self.toolbar
        self.where = CalendarFilter(bar.plan_filter.currentData(), bar.kind_filter.currentData() or "",
                                    bar.host_filter.currentData() or "")
        self.refresh()

    def set_mode(self, mode: int) -> None:
        self.mode = mode
        self.toolbar.views.button(mode).setChecked(True)
        self.views.setCurrentIndex(mode)
        self.refresh()

    def go_to(self, day: date, mode: int | None = None) -> None:
        self.anchor = day
        self.set_mode(self.mode if mode is None else mode)

    def step(self, direction: int) -> None:
        if direction == 0:
            self.go_to(date.today())
        elif self.mode == MONTH:
            month = self.anchor.year * 12 + self.anchor.month - 1 + direction
            self.go_to(date(month // 12, month % 12 + 1, 1))
        elif self.mode == WEEK:
            self.go_to(self.anchor + timedelta(weeks=direction))
        else:
            self.go_to(date(self.anchor.year + direction, 1, 1))

    def visible_range(self) -> tuple[date, date]:
        if self.mode == YEAR:
            return date(self.anchor.year, 1, 1), date(self.anchor.year, 12, 31)
        if self.mode == WEEK:
            first = monday_of(self.anchor)
            return first, first + timedelta(days=6)
        return month_range(self.anchor)

    def _load(self, first: date, last: date) -> tuple[list, list]:
        """The filtered entries of a range, and the conflicts among all its periods (filtered or not)."""
        everything = calendar_events.entries(self.session.db, first, last)
        conflicts = calendar_events.find_conflicts(self.session.db, everything, first, last)
        return [e for e in everything if self.where.keeps(e)], conflicts

    def refresh(self) -> None:
        first, last = self.visible_range()
        self.entries, self.conflicts = self._load(first, last)
        marks = self._marks(self.conflicts, first, last, self.anchor.month if self.mode == MONTH else None)
        if self.mode == YEAR:
            self.year_view.show_year(self.anchor.year, calendar_events.away_by_day(self.entries, first, last),
                                     self._conflict_days(self.conflicts, first, last))
        else:
            grid = self.month_view if self.mode == MONTH else self.week_view
            grid.show_entries(first, ((last - first).days + 1) // 7, self.entries, marks)
        self._labels()
        if self.entry(self.month_view.marks.selected_id or -1) is None:
            self.details.setHtml(overview_html(self.toolbar.range_label.text(), self.conflicts))

    def _marks(self, conflicts: list, first: date, last: date, focus_month: int | None) -> Marks:
        ids = {i for c in conflicts if c.kind in (PERSON, PLACE, LECTURER) for i in c.period_ids}
        crowded = self._conflict_days([c for c in conflicts if c.kind == UNIT], first, last)
        return Marks(date.today(), focus_month, ids, crowded, self.month_view.marks.selected_id)

    @staticmethod
    def _conflict_days(conflicts: list[Conflict], first: date, last: date) -> dict[date, list[Conflict]]:
        days: dict[date, list[Conflict]] = {}
        for conflict in conflicts:
            day = max(conflict.start, first)
            while day <= min(conflict.end, last):
                days.setdefault(day, []).append(conflict)
                day += timedelta(days=1)
        return days

    def _labels(self) -> None:
        a = self.anchor
        first, last = self.visible_range()
        text = {MONTH: f"{a.year}年{a.month}月", YEAR: f"{a.year}年",
                WEEK: f"{first.year}年{first.month}月{first.day}日—{last.month}月{last.day}日"}[self.mode]
        self.toolbar.range_label.setText(text)
        month_first, month_last = month_bounds(a)
        shown = [e for e in self.entries if self.mode != MONTH or (e.start <= month_last and e.end >= month_first)]
        conflicts = f"，{len(self.conflicts)}处冲突" if self.conflicts else ""
        self.toolbar.count_label.setText(f"{len(shown)}期{conflicts}")
        self.toolbar.print_button.setText(f"打印{a.month}月…")
        self.legend.set_items(legend_items(kinds_of(self.entries), self.year_view.most_away if self.mode == YEAR else None))

    def print_month(self) -> None:
        first, last = month_range(self.anchor)
        entries, conflicts = self._load(first, last)
        marks = self._marks(conflicts, first, last, self.anchor.month)
        marks.selected_id = None
        files.print_month(self, self.session, self.anchor, first, ((last - first).days + 1) // 7, entries, marks,
                          self.filter_text(), legend_items(kinds_of(entries)))

    def filter_text(self) -> str:
        bar = self.toolbar
        chosen = [combo.currentText() for combo in (bar.plan_filter, bar.kind_filter, bar.host_filter)
                  if combo.currentData() is not None]
        return "筛选：" + "，".join(chosen) if chosen else "全部班次"

    def entry(self, period_id: int):
        return next((e for e in self.entries if e.period_id == period_id), None)

    def show_period(self, period_id: int, note: str = "") -> None:
        entry = self.entry(period_id)
        if entry is None:
            return
        warnings = [w.message for w in rule_checks.class_warnings(self.session.db, entry.class_id)
                    if w.period_number in (None, entry.number)]
        involved = [c for c in self.conflicts if period_id in c.period_ids]
        self.details.setHtml(note + entry_html(entry, involved, warnings))

    def show_day(self, day: date) -> None:
        self.details.setHtml(day_html(day, self.entries, self.conflicts))

    def open_period(self, period_id: int) -> None:
        """Double-click: the period's roster window (its 班次信息 button opens the class form)."""
        if self.entry(period_id) is not None:
            period_actions.open_period(self, self.session, period_id)

    def move_period(self, period_id: int, start: date) -> None:
        """A period dropped on another day: moved, or the reason it cannot be shown; then one step to undo."""
        entry = self.entry(period_id)
        if entry is None:
            return
        kept = {"version": 0}  # the version the step's last write left: undo refuses another clerk's since
        try:
            self.apply_move(period_id, start, kept)
        except UserError as error:
            messages.error(self, "不能移动", str(error))
            return
        old = entry.start
        self.undo_stack.push(Step(f"移动“{entry.label}”", lambda: self.apply_move(period_id, old, kept),
                                  lambda: self.apply_move(period_id, start, kept), self))

    def apply_move(self, period_id: int, start: date, kept: dict | None = None) -> None:
        """Moves the period (the service refuses with UserError what the rules do not allow) and shows it."""
        kept = {"version": 0} if kept is None else kept
        kept["version"] = calendar_events.move_period(self.session.db, period_id, start, kept["version"]).version
        self.session.announce(Changed.PERIODS)
        for grid in (self.month_view, self.week_view):
            grid.select(period_id)
        self.show_period(period_id, f"<p style='color:#047857'>已改为 {start.isoformat()} 开始。</p>")
