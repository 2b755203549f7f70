"""Draws a month or week grid scene: day cells with holidays, 调休 and today marked, the period bars in
their class kind's colour, conflicts outlined in red, "+N" where a day is full, and a dragged bar's ghost."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from app.domain.conflicts import Conflict
from app.domain.holidays import holiday_name, is_adjusted_workday
from app.domain.status import PeriodStatus
from ui.calendar import palette
from ui.calendar.grid_scene import Bar, GridScene, day_label

WEEKDAYS = "一二三四五六日"
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass
class Marks:
    """What the grid marks besides the bars."""
    today: date
    focus_month: int | None = None  # days of other months are greyed in the month view
    conflict_ids: set[int] = field(default_factory=set)  # periods in any conflict
    crowded_days: dict[date, list[Conflict]] = field(default_factory=dict)  # days a unit has many people away
    selected_id: int | None = None


def paint_grid(p: QPainter, scene: GridScene, marks: Marks, ghost: list[QRectF] = ()) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _header(p, scene)
    for row in range(scene.weeks):
        for col in range(7):
            _cell(p, scene, marks, row, col)
    for bar in scene.bars:
        _bar(p, scene, bar, marks)
    for rect, _, count in scene.more:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#e5e7eb"))
        p.drawRoundedRect(rect, 3, 3)
        p.setPen(palette.TEXT)
        p.drawText(rect, _CENTER, f"+{count}")
    for rect in ghost:
        p.setPen(QPen(palette.SELECTED, 1.5, Qt.PenStyle.DashLine))
        p.setBrush(QColor(17, 24, 39, 40))
        p.drawRoundedRect(rect, 3, 3)
    p.restore()


def _header(p: QPainter, scene: GridScene) -> None:
    p.setPen(palette.MUTED)
    for col in range(7):
        cell = scene.cell_rect(0, col)
        box = QRectF(cell.left(), scene.rect.top(), cell.width(), scene.header_height)
        text = f"星期{WEEKDAYS[col]}" if scene.detailed else WEEKDAYS[col]
        if scene.detailed:
            day = scene.day(0, col)
            text = f"{text}\n{day.month}月{day.day}日"
        p.drawText(box, _CENTER, text)


def _cell(p: QPainter, scene: GridScene, marks: Marks, row: int, col: int) -> None:
    day, rect = scene.day(row, col), scene.cell_rect(row, col)
    holiday, adjusted = holiday_name(day), is_adjusted_workday(day)
    outside = marks.focus_month is not None and day.month != marks.focus_month
    background = (palette.OUTSIDE_BACKGROUND if outside else palette.HOLIDAY_BACKGROUND if holiday
                  else palette.WEEKEND_BACKGROUND if col >= 5 and not adjusted else QColor("#ffffff"))
    p.fillRect(rect, background)
    p.setPen(QPen(palette.GRID, 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect)
    label = QRectF(rect.left() + 4, rect.top() + 2, rect.width() - 8, scene.label_height - 4)
    _day_number(p, day, label, marks.today, outside or (col >= 5 and not adjusted) or bool(holiday))
    if holiday or adjusted:
        p.setPen(palette.HOLIDAY_TEXT if holiday else palette.WORKDAY_TEXT)
        tag = holiday if holiday and label.width() > p.fontMetrics().horizontalAdvance(holiday) * 2 else (
            "休" if holiday else "班")
        p.drawText(label, _RIGHT, tag)
    if day in marks.crowded_days:
        size = min(rect.width(), rect.height()) * 0.18
        corner = QPolygonF([rect.bottomRight(), rect.bottomRight() - QPointF(size, 0), rect.bottomRight() - QPointF(0, size)])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(palette.CONFLICT)
        p.drawPolygon(corner)


def _day_number(p: QPainter, day: date, label: QRectF, today: date, muted: bool) -> None:
    text = day_label(day)
    if day == today:
        width = p.fontMetrics().horizontalAdvance(text) + 10
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(palette.TODAY)
        p.drawRoundedRect(QRectF(label.left() - 3, label.top(), width, label.height()), label.height() / 2, label.height() / 2)
        p.setPen(QColor("#ffffff"))
        p.drawText(QRectF(label.left() + 2, label.top(), width, label.height()), _LEFT, text)
        return
    p.setPen(palette.MUTED if muted else palette.TEXT)
    p.drawText(label, _LEFT, text)


def _bar(p: QPainter, scene: GridScene, bar: Bar, marks: Marks) -> None:
    entry, rect, segment = bar.entry, bar.rect, bar.segment
    color = palette.kind_color(entry.kind)
    path = QPainterPath()
    path.addRoundedRect(rect, 3, 3)
    if not segment.starts:  # the class continues from last week: a square end
        path.addRect(QRectF(rect.left(), rect.top(), 4, rect.height()))
    if not segment.ends:
        path.addRect(QRectF(rect.right() - 4, rect.top(), 4, rect.height()))
    path.setFillRule(Qt.FillRule.WindingFill)
    p.fillPath(path.simplified(), QBrush(palette.planned_color(color) if entry.status == PeriodStatus.PREPARING else color))
    if entry.period_id in marks.conflict_ids or entry.period_id == marks.selected_id:
        selected = entry.period_id == marks.selected_id
        p.setPen(QPen(palette.SELECTED if selected else palette.CONFLICT, 2.5 if selected else 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path.simplified())
    _bar_text(p, scene, bar, entry.period_id in marks.conflict_ids)


def _bar_text(p: QPainter, scene: GridScene, bar: Bar, conflict: bool) -> None:
    entry = bar.entry
    text_rect = bar.rect.adjusted(5, 0, -4, 0)
    first = ("⚠ " if conflict else "") + entry.label
    p.setPen(QColor("#ffffff"))
    metrics = p.fontMetrics()
    if not scene.detailed:
        p.drawText(text_rect, _LEFT, metrics.elidedText(first, Qt.TextElideMode.ElideRight, int(text_rect.width())))
        return
    second = " · ".join(part for part in (entry.place, f"{entry.enrolled}/{entry.capacity}人" if entry.capacity
                                          else f"{entry.enrolled}人", entry.status) if part)
    top, bottom = text_rect.adjusted(0, 2, 0, -text_rect.height() / 2), text_rect.adjusted(0, text_rect.height() / 2, 0, -2)
    p.drawText(top, _LEFT, metrics.elidedText(first, Qt.TextElideMode.ElideRight, int(text_rect.width())))
    p.drawText(bottom, _LEFT, metrics.elidedText(second, Qt.TextElideMode.ElideRight, int(text_rect.width())))
