"""The month and week views: a QPainter-drawn grid of days with the periods as bars. Click a bar for
its details, double-click to open it, drag it to another day to move the period."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from app.services.calendar_events import CalendarEntry
from ui.calendar.grid_painter import Marks, paint_grid
from ui.calendar.grid_scene import Bar, GridScene, build_scene
from ui.calendar.lanes import monday_of


class CalendarGrid(QWidget):
    period_clicked = Signal(int)
    period_activated = Signal(int)
    period_dropped = Signal(int, object)  # period id, new start date
    day_clicked = Signal(object)  # a date
    day_activated = Signal(object)

    def __init__(self, weeks: int, detailed: bool = False, parent=None):
        super().__init__(parent)
        self.weeks, self.detailed = weeks, detailed
        self.first_day = monday_of(date.today())
        self.entries: list[CalendarEntry] = []
        self.marks = Marks(today=date.today())
        self._scene: GridScene | None = None
        self._press: tuple[Bar, date, QPointF] | None = None
        self._drag_days = 0
        self.movable = True  # False while the database is read-only
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(7 * 48, 200 if weeks > 1 else 140)

    def show_entries(self, first_day: date, weeks: int, entries: list[CalendarEntry], marks: Marks) -> None:
        self.first_day, self.weeks, self.entries, self.marks = first_day, weeks, entries, marks
        self._scene = None
        self.update()

    def select(self, period_id: int | None) -> None:
        self.marks.selected_id = period_id
        self.update()

    def scene(self) -> GridScene:
        if self._scene is None or self._scene.rect != QRectF(self.rect()):
            self._scene = build_scene(self.entries, self.first_day, self.weeks, QRectF(self.rect()),
                                      QFontMetricsF(self.font()), self.detailed)
        return self._scene

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        paint_grid(painter, self.scene(), self.marks, self._ghost())
        painter.end()

    def _ghost(self) -> list[QRectF]:
        """Where the dragged period would land, one rect per week row it would touch."""
        if self._press is None or not self._drag_days:
            return []
        bar, scene = self._press[0], self.scene()
        start, end = bar.entry.start + timedelta(days=self._drag_days), bar.entry.end + timedelta(days=self._drag_days)
        last_day = scene.day(self.weeks - 1, 6)
        rects, day = [], max(start, self.first_day)
        while day <= min(end, last_day):
            row, col = divmod((day - self.first_day).days, 7)
            week_end = min(end, scene.day(row, 6))
            lane = min(bar.segment.lane, max(scene.fitting_lanes() - 1, 0))
            rects.append(scene.segment_rect(row, col, (week_end - scene.day(row, 0)).days, lane,
                                            day == start, week_end == end))
            day = week_end + timedelta(days=1)
        return rects

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position()
        bar, day = self.scene().bar_at(point), self.scene().day_at(point)
        if bar is not None and day is not None:
            self._press, self._drag_days = (bar, day, point), 0
            self.select(bar.entry.period_id)
            self.period_clicked.emit(bar.entry.period_id)
        elif day is not None:
            self.day_clicked.emit(self.scene().more_at(point) or day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        if self._press is None:
            self._tooltip(event)
            return
        bar, pressed_day, pressed_at = self._press
        if not self.movable or (point - pressed_at).manhattanLength() < QApplication.startDragDistance():
            return
        day = self.scene().day_at(point)
        if day is not None and (day - pressed_day).days != self._drag_days:
            self._drag_days = (day - pressed_day).days
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        bar, days = self._press[0], self._drag_days
        self._press, self._drag_days = None, 0
        self.unsetCursor()
        self.update()
        if days:
            self.period_dropped.emit(bar.entry.period_id, bar.entry.start + timedelta(days=days))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        bar, day = self.scene().bar_at(event.position()), self.scene().day_at(event.position())
        self._press = None
        if bar is not None:
            self.period_activated.emit(bar.entry.period_id)
        elif day is not None:
            self.day_activated.emit(day)

    def _tooltip(self, event: QMouseEvent) -> None:
        bar, day = self.scene().bar_at(event.position()), self.scene().day_at(event.position())
        if bar is not None:
            entry = bar.entry
            text = f"{entry.label}\n{entry.start_date} 至 {entry.end_date}（{entry.days}天）\n{entry.place}　{entry.status}"
        elif day is not None and day in self.marks.crowded_days:
            text = "\n".join(c.message for c in self.marks.crowded_days[day])
        else:
            text = ""
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
