"""The calendar's legend: a swatch per class kind and the marks for conflicts, holidays and 调休,
or the year overview's shading scale; drawn for the screen and for the printed month alike."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.calendar import palette

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def legend_items(kinds: list[str], year_most: int | None = None) -> list[tuple[str, str]]:
    """(swatch style, label) pairs: "kind:主体班", "conflict", "crowded", "holiday", "workday", "away:N"."""
    if year_most is not None:
        return [(f"away:{year_most}", f"在训人数（最多{year_most}人）"), ("holiday", "法定节假日"),
                ("workday", "调休上班"), ("crowded", "有冲突")]
    return [(f"kind:{kind}", kind) for kind in kinds] + [
        ("pale", "筹备中"), ("conflict", "冲突"), ("crowded", "单位在训人数多"), ("holiday", "法定节假日"),
        ("workday", "调休上班（班）")]


def _swatch(p: QPainter, box: QRectF, style: str) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    if style.startswith("kind:") or style == "pale":
        color = palette.kind_color(style[5:]) if style != "pale" else palette.planned_color(palette.kind_color("主体班"))
        p.setBrush(color)
        p.drawRoundedRect(box, 2, 2)
    elif style == "conflict":
        p.setPen(QPen(palette.CONFLICT, 2))
        p.setBrush(palette.kind_color("专题班").lighter(150))
        p.drawRoundedRect(box.adjusted(1, 1, -1, -1), 2, 2)
    elif style == "crowded":
        p.setBrush(palette.CONFLICT)
        p.drawPolygon(QPolygonF([box.bottomRight(), box.bottomLeft(), box.topRight()]))
    elif style == "holiday":
        p.setBrush(palette.HOLIDAY_BACKGROUND)
        p.setPen(palette.HOLIDAY_TEXT)
        p.drawRect(box)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, "休")
    elif style == "workday":
        p.setPen(palette.WORKDAY_TEXT)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, "班")
    elif style.startswith("away:"):
        third = box.width() / 3
        for step in range(3):
            p.fillRect(QRectF(box.left() + step * third, box.top(), third, box.height()),
                       palette.away_color(step + 1, 3))


def _positions(items: list[tuple[str, str]], metrics: QFontMetricsF, width: float) -> list[tuple[float, float]]:
    """Where each item starts, wrapping to a new line when the width runs out."""
    x = y = 0.0
    found = []
    line = metrics.height() + 4
    for style, label in items:
        swatch = line * (2.2 if style.startswith("away:") else 1.0)
        needed = swatch + 4 + metrics.horizontalAdvance(label) + 14
        if x and x + needed > width:
            x, y = 0.0, y + line
        found.append((x, y))
        x += needed
    return found


def legend_height(items: list[tuple[str, str]], metrics: QFontMetricsF, width: float) -> float:
    positions = _positions(items, metrics, width)
    return (positions[-1][1] if positions else 0) + metrics.height() + 4


def paint_legend(p: QPainter, rect: QRectF, items: list[tuple[str, str]]) -> None:
    metrics = QFontMetricsF(p.font(), p.device())
    line = metrics.height() + 4
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for (style, label), (x, y) in zip(items, _positions(items, metrics, rect.width()), strict=False):
        swatch = line * (2.2 if style.startswith("away:") else 1.0)
        box = QRectF(rect.left() + x, rect.top() + y + 3, swatch - 6, line - 6)
        _swatch(p, box, style)
        p.setPen(QColor("#374151"))
        p.drawText(QRectF(box.right() + 4, rect.top() + y, rect.width(), line), _LEFT, label)
    p.restore()


class Legend(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[tuple[str, str]] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        self.items = items
        self._fit()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(legend_height(self.items, QFontMetricsF(self.font()), width)) + 2

    def sizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(200))

    def resizeEvent(self, event) -> None:
        self._fit()

    def _fit(self) -> None:
        """A splitter never asks heightForWidth: keep the height the current width needs."""
        needed = self.heightForWidth(max(self.width(), 100))
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)
            self.updateGeometry()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        paint_legend(painter, QRectF(self.rect()), self.items)
        painter.end()
