"""Bar and pie charts drawn with QPainter (Qt Charts is not part of PySide6-Essentials)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#b3261e", "#1f5f8b", "#d08c1f", "#3c8d5a", "#7a4f9a", "#c25b80", "#4a7a8c", "#8c6d3c", "#5f6b7a", "#a0a83c")


class _Chart(QWidget):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.title = title
        self.items: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_items(self, items: list[tuple[str, float]]) -> None:
        self.items = [(label, float(value)) for label, value in items if value]
        self.update()

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 12, line * 8)

    def _begin(self) -> tuple[QPainter, QRectF]:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.fontMetrics().height()
        painter.drawText(QRectF(0, 0, self.width(), line * 1.4), Qt.AlignmentFlag.AlignCenter, self.title)
        return painter, QRectF(8, line * 1.6, self.width() - 16, self.height() - line * 1.6 - 8)


class BarChart(_Chart):
    """Horizontal bars, largest first: long Chinese labels stay readable."""

    def __init__(self, title: str, limit: int = 12, parent=None):
        super().__init__(title, parent)
        self.limit = limit

    def paintEvent(self, event) -> None:
        painter, area = self._begin()
        fits = max(1, int(area.height() // (self.fontMetrics().height() * 1.15)))  # never overlap the labels
        items = sorted(self.items, key=lambda item: -item[1])[: min(self.limit, fits)]
        if not items:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "暂无数据")
            painter.end()
            return
        metrics = self.fontMetrics()
        label_width = min(max(metrics.horizontalAdvance(label) for label, _ in items) + 8, area.width() * 0.4)
        value_width = metrics.horizontalAdvance("000000")
        row = min(area.height() / len(items), metrics.height() * 1.8)
        top = max(items, key=lambda item: item[1])[1]
        for index, (label, value) in enumerate(items):
            y = area.top() + index * row
            text_rect = QRectF(area.left(), y, label_width - 6, row)
            painter.setPen(QColor("#374151"))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_width - 6)))
            length = (area.width() - label_width - value_width) * value / top
            painter.fillRect(QRectF(area.left() + label_width, y + row * 0.2, length, row * 0.6), QColor(PALETTE[1]))
            painter.drawText(QRectF(area.left() + label_width + length + 4, y, value_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        painter.end()


class PieChart(_Chart):
    """A pie with a legend beside it; small slices beyond the palette are summed as 其他."""

    def paintEvent(self, event) -> None:
        painter, area = self._begin()
        items = sorted(self.items, key=lambda item: -item[1])
        if len(items) > len(PALETTE):
            items = items[: len(PALETTE) - 1] + [("其他", sum(v for _, v in items[len(PALETTE) - 1:]))]
        total = sum(value for _, value in items)
        if not total:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "暂无数据")
            painter.end()
            return
        size = min(area.height(), area.width() * 0.5)
        pie = QRectF(area.left(), area.top() + (area.height() - size) / 2, size, size)
        start = 90 * 16
        painter.setPen(QPen(QColor("white"), 1))
        line = min(self.fontMetrics().height() * 1.3, area.height() / len(items))
        for index, (label, value) in enumerate(items):
            span = -round(value / total * 360 * 16)
            painter.setBrush(QColor(PALETTE[index]))
            painter.drawPie(pie, start, span)
            start += span
            y = area.top() + index * line
            painter.fillRect(QRectF(pie.right() + 12, y + line * 0.25, line * 0.5, line * 0.5), QColor(PALETTE[index]))
            painter.setPen(QColor("#374151"))
            painter.drawText(QRectF(pie.right() + 12 + line * 0.7, y, area.right() - pie.right(), line),
                             Qt.AlignmentFlag.AlignVCenter, f"{label}  {value:g}（{value / total:.0%}）")
            painter.setPen(QPen(QColor("white"), 1))
        painter.end()
