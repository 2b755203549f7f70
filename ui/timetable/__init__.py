"""A period's 课程表 in its window: the grid of days by half-days, the session dialog, and the tab's tools."""
