"""The year overview: twelve small months, each day shaded by how many trainees are away at a class;
holidays in red, 调休 working days dotted, conflict days with a red corner. Click a day for its
details, double-click to open its month."""
from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.domain.conflicts import Conflict
from app.domain.holidays import holiday_name, is_adjusted_workday
from ui.calendar import palette
from ui.calendar.grid_painter import WEEKDAYS

COLUMNS, ROWS = 4, 3
_CENTER = Qt.AlignmentFlag.AlignCenter


class YearOverview(QWidget):
    day_clicked = Signal(object)
    day_activated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = date.today().year
        self.away: dict[date, int] = {}
        self.conflict_days: dict[date, list[Conflict]] = {}
        self.selected: date | None = None
        self.today = date.today()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(4 * 7 * 12, 3 * 8 * 10)

    def show_year(self, year: int, away: dict[date, int], conflict_days: dict[date, list[Conflict]]) -> None:
        self.year, self.away, self.conflict_days = year, away, conflict_days
        self.today = date.today()
        self.update()

    @property
    def most_away(self) -> int:
        return max(self.away.values(), default=0)

    def month_rect(self, month: int) -> QRectF:
        width, height = self.width() / COLUMNS, self.height() / ROWS
        row, col = divmod(month - 1, COLUMNS)
        return QRectF(col * width, row * height, width, height).adjusted(6, 4, -6, -4)

    def _cell_size(self, month_box: QRectF) -> tuple[float, float, float]:
        title = self.fontMetrics().height() + 4
        return month_box.width() / 7, (month_box.height() - title) / 7, title

    def day_rect(self, day: date) -> QRectF:
        box = self.month_rect(day.month)
        width, height, title = self._cell_size(box)
        first_col = date(day.year, day.month, 1).weekday()
        row, col = divmod(first_col + day.day - 1, 7)
        return QRectF(box.left() + col * width, box.top() + title + (row + 1) * height, width, height)

    def day_at(self, point: QPointF) -> date | None:
        for month in range(1, 13):
            if self.month_rect(month).contains(point):
                for number in range(1, calendar.monthrange(self.year, month)[1] + 1):
                    day = date(self.year, month, number)
                    if self.day_rect(day).contains(point):
                        return day
        return None

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        most = self.most_away
        for month in range(1, 13):
            self._month(p, month, most)
        p.end()

    def _month(self, p: QPainter, month: int, most: int) -> None:
        box = self.month_rect(month)
        width, height, title = self._cell_size(box)
        p.setPen(palette.TEXT)
        p.drawText(QRectF(box.left(), box.top(), box.width(), title), _CENTER, f"{month}月")
        p.setPen(palette.MUTED)
        for col in range(7):
            p.drawText(QRectF(box.left() + col * width, box.top() + title, width, height), _CENTER, WEEKDAYS[col])
        for number in range(1, calendar.monthrange(self.year, month)[1] + 1):
            self._day(p, date(self.year, month, number), most)

    def _day(self, p: QPainter, day: date, most: int) -> None:
        rect = self.day_rect(day).adjusted(1, 1, -1, -1)
        p.fillRect(rect, palette.away_color(self.away.get(day, 0), most))
        away = self.away.get(day, 0)
        holiday = holiday_name(day)
        resting = day.weekday() >= 5 and not is_adjusted_workday(day)
        p.setPen(QColor("#ffffff") if away > most * 0.55 > 0 else palette.HOLIDAY_TEXT if holiday else
                 palette.MUTED if resting and not away else palette.TEXT)
        p.drawText(rect, _CENTER, str(day.day))
        if is_adjusted_workday(day):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(palette.WORKDAY_TEXT)
            p.drawEllipse(QPointF(rect.right() - 3, rect.top() + 3), 1.8, 1.8)
        if day in self.conflict_days:
            size = min(rect.width(), rect.height()) * 0.35
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(palette.CONFLICT)
            p.drawPolygon(QPolygonF([rect.bottomRight(), rect.bottomRight() - QPointF(size, 0),
                                     rect.bottomRight() - QPointF(0, size)]))
        for marked, color in ((self.today, palette.TODAY), (self.selected, palette.SELECTED)):
            if day == marked:
                p.setPen(QPen(color, 1.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and day is not None:
            self.selected = day
            self.update()
            self.day_clicked.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if (day := self.day_at(event.position())) is not None:
            self.day_activated.emit(day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is None:
            QToolTip.hideText()
            return
        text = f"{day.month}月{day.day}日：在训{self.away.get(day, 0)}人"
        if name := holiday_name(day):
            text += f"（{name}）"
        text += "".join(f"\n⚠ {c.message}" for c in self.conflict_days.get(day, []))
        QToolTip.showText(event.globalPosition().toPoint(), text, self)
