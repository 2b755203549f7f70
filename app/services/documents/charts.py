"""Charts for the printed yearly summary, drawn with reportlab's graphics in the document's fonts."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

PALETTE = [colors.HexColor(c) for c in ("#b3261e", "#1f5f8b", "#d08c1f", "#3c8d5a", "#7a4f9a", "#c25b80",
                                         "#4a7a8c", "#8c6d3c", "#5f6b7a", "#a0a83c")]
LABEL_SIZE = 9


def _drawing(width: float, height: float, font: str) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderer starts in Helvetica, which is never embedded
    return drawing


def _title(drawing: Drawing, text: str, font: str) -> None:
    drawing.add(String(drawing.width / 2, drawing.height - 12, text, fontName=font, fontSize=LABEL_SIZE + 1,
                       textAnchor="middle"))


def bar_chart(items: list[tuple[str, float]], title: str, font: str, width: float, height: float) -> Drawing:
    """Horizontal bars, largest at the top, with each value at the end of its bar."""
    items = sorted((item for item in items if item[1]), key=lambda item: item[1])[-10:]
    drawing = _drawing(width, height, font)
    _title(drawing, title, font)
    if not items:
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = width * 0.24, 16
    chart.width, chart.height = width * 0.62, height - 38
    chart.data = [[value for _, value in items]]
    chart.categoryAxis.categoryNames = [label for label, _ in items]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = LABEL_SIZE - 1
    chart.bars[0].fillColor = PALETTE[1]
    chart.barLabelFormat = "%g"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = LABEL_SIZE - 1
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def pie_chart(items: list[tuple[str, float]], title: str, font: str, width: float, height: float) -> Drawing:
    """A pie with its legend of labels, counts and shares beside it."""
    items = sorted((item for item in items if item[1]), key=lambda item: -item[1])
    if len(items) > len(PALETTE):
        items = items[: len(PALETTE) - 1] + [("其他", sum(v for _, v in items[len(PALETTE) - 1:]))]
    drawing = _drawing(width, height, font)
    _title(drawing, title, font)
    total = sum(value for _, value in items)
    if not total:
        return drawing
    size = min(height - 30, width * 0.45)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 4, (height - 20 - size) / 2, size, size
    pie.data = [value for _, value in items]
    pie.slices.strokeColor = colors.white
    for index in range(len(items)):
        pie.slices[index].fillColor = PALETTE[index]
    drawing.add(pie)
    line = LABEL_SIZE * 1.6
    for index, (label, value) in enumerate(items):
        y = height - 30 - index * line
        drawing.add(String(size + 16, y, "■", fontName=font, fontSize=LABEL_SIZE, fillColor=PALETTE[index]))
        drawing.add(String(size + 28, y, f"{label} {value:g}（{value / total:.0%}）", fontName=font, fontSize=LABEL_SIZE))
    return drawing


def column_chart(items: list[tuple[str, float]], title: str, font: str, width: float, height: float) -> Drawing:
    """Vertical bars in the order given (the months of a year), each value over its bar; zeros keep their place."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    drawing = _drawing(width, height, font)
    _title(drawing, title, font)
    if not any(value for _, value in items):
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 22
    chart.width, chart.height = width - 44, height - 50
    chart.data = [[value for _, value in items]]
    chart.categoryAxis.categoryNames = [label for label, _ in items]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE - 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = LABEL_SIZE - 1
    chart.bars[0].fillColor = PALETTE[0]
    chart.barLabelFormat = lambda value: f"{value:g}" if value else ""
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = LABEL_SIZE - 1
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    drawing.add(chart)
    return drawing
