"""打印本月: the month grid on one A4 landscape page as PDF, with a title, the filters and a legend."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.domain.errors import UserError
from app.services.calendar_events import CalendarEntry
from ui.calendar.grid_painter import Marks, paint_grid
from ui.calendar.grid_scene import build_scene
from ui.calendar.legend import legend_height, paint_legend

DPI = 96  # the page is laid out in the same units as the screen, so the grid looks the same


def print_month_pdf(path: Path, first_day: date, weeks: int, month_title: str, entries: list[CalendarEntry], marks: Marks,
                    subtitle: str, legend: list[tuple[str, str]], font: QFont) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(month_title)
    writer.setCreator("干部教育培训管理")
    painter = QPainter()
    if not painter.begin(writer):
        raise UserError(f"无法写入 {path}（文件可能正被其他程序打开）")
    try:
        page = QRectF(writer.pageLayout().paintRectPixels(DPI)).translated(
            -writer.pageLayout().paintRectPixels(DPI).topLeft().toPointF())
        body = QFont(font)
        body.setPointSizeF(9)
        title_font = QFont(font)
        title_font.setPointSizeF(16)
        title_font.setBold(True)
        painter.setFont(title_font)
        line = QFontMetricsF(title_font, writer).height()
        painter.drawText(QRectF(page.left(), page.top(), page.width(), line), Qt.AlignmentFlag.AlignCenter, month_title)
        painter.setFont(body)
        small = QFontMetricsF(body, writer).height()
        painter.drawText(QRectF(page.left(), page.top() + line + 2, page.width(), small), Qt.AlignmentFlag.AlignCenter,
                         subtitle)
        legend_space = legend_height(legend, QFontMetricsF(body, writer), page.width())
        grid = QRectF(page.left(), page.top() + line + small + 10, page.width(),
                      page.height() - line - small - legend_space - 16)
        paint_grid(painter, build_scene(entries, first_day, weeks, grid, QFontMetricsF(body, writer)), marks)
        paint_legend(painter, QRectF(page.left(), page.bottom() - legend_space, page.width(), legend_space), legend)
    finally:
        painter.end()
