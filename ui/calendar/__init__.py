"""The calendar's views, drawn with QPainter: month and week grids, the year overview, printing."""
