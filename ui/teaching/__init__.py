"""The teaching side in the window: the 师资 page (lecturers, bases, the course library) and lecture fees."""
