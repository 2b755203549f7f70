"""A period's timetable (课程表) in the window."""
