"""日历: the calendar page and its views, drawn with QPainter: month and week grids, the year overview, printing."""
