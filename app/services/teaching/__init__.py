"""The teaching side: each period's timetable, the lecturer pool, teaching bases and the course library."""
