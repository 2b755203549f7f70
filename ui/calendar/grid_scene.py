"""The geometry of a month or week grid: day cells, period bars and "+N" marks, computed once per
size and data change; the painter draws it and the widget asks it what lies under the mouse."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from app.services.calendar_events import CalendarEntry
from ui.calendar.lanes import Segment, hidden_counts, segments, visible_lanes

GAP = 2.0


def day_label(day: date) -> str:
    """The day number in its cell; the first of a month also names the month."""
    return str(day.day) if day.day != 1 else f"{day.month}月1日"


@dataclass
class Bar:
    rect: QRectF
    entry: CalendarEntry
    segment: Segment


@dataclass
class GridScene:
    rect: QRectF
    first_day: date  # a Monday
    weeks: int
    detailed: bool  # the week view: two lines per bar
    header_height: float
    label_height: float
    lane_height: float
    bars: list[Bar] = field(default_factory=list)
    more: list[tuple[QRectF, date, int]] = field(default_factory=list)

    @property
    def cell_width(self) -> float:
        return self.rect.width() / 7

    @property
    def cell_height(self) -> float:
        return (self.rect.height() - self.header_height) / self.weeks

    def day(self, row: int, col: int) -> date:
        return self.first_day + timedelta(days=row * 7 + col)

    def cell_rect(self, row: int, col: int) -> QRectF:
        return QRectF(self.rect.left() + col * self.cell_width, self.rect.top() + self.header_height + row * self.cell_height,
                      self.cell_width, self.cell_height)

    def lane_top(self, row: int, lane: int) -> float:
        return self.cell_rect(row, 0).top() + self.label_height + lane * (self.lane_height + GAP)

    def fitting_lanes(self) -> int:
        return max(int((self.cell_height - self.label_height - GAP) // (self.lane_height + GAP)), 0)

    def day_at(self, point: QPointF) -> date | None:
        x, y = point.x() - self.rect.left(), point.y() - self.rect.top() - self.header_height
        if x < 0 or y < 0 or x >= self.rect.width() or y >= self.rect.height() - self.header_height:
            return None
        return self.day(int(y // self.cell_height), min(int(x // self.cell_width), 6))

    def bar_at(self, point: QPointF) -> Bar | None:
        return next((bar for bar in self.bars if bar.rect.contains(point)), None)

    def more_at(self, point: QPointF) -> date | None:
        return next((day for rect, day, _ in self.more if rect.contains(point)), None)

    def segment_rect(self, row: int, first_col: int, last_col: int, lane: int, starts: bool, ends: bool) -> QRectF:
        left = self.cell_rect(row, first_col).left() + (3 if starts else 0)
        right = self.cell_rect(row, last_col).right() - (3 if ends else 0)
        return QRectF(left, self.lane_top(row, lane), right - left, self.lane_height)


def build_scene(entries: list[CalendarEntry], first_day: date, weeks: int, rect: QRectF, metrics: QFontMetricsF,
                detailed: bool = False) -> GridScene:
    line = metrics.height()
    scene = GridScene(rect, first_day, weeks, detailed, header_height=line * (2.4 if detailed else 1.4),
                      label_height=line + 3, lane_height=line * 2.2 if detailed else line + 2)
    found = segments([(e.start, e.end) for e in entries], first_day, weeks)
    shown = visible_lanes(found, weeks, scene.fitting_lanes())
    for segment in found:
        if segment.lane < shown[segment.row]:
            box = scene.segment_rect(segment.row, segment.first_col, segment.last_col, segment.lane,
                                     segment.starts, segment.ends)
            scene.bars.append(Bar(box, entries[segment.index], segment))
    for (row, col), count in sorted(hidden_counts(found, shown).items()):
        cell = scene.cell_rect(row, col)  # "+N" sits on the day's label line, after the day number
        width = metrics.horizontalAdvance(f"+{count}") + 8
        left = cell.left() + 4 + metrics.horizontalAdvance(day_label(scene.day(row, col))) + 12
        scene.more.append((QRectF(min(left, cell.right() - width), cell.top() + 2, width, scene.label_height - 4),
                           scene.day(row, col), count))
    return scene
