"""What an operation changed, as kinds of records (Changed): the session announces them after a change and
each page reloads when it shows one of those kinds."""
from __future__ import annotations

from enum import Flag, auto
from functools import reduce
from operator import or_


class Changed(Flag):
    """The kinds of records an operation changed; pages reload on the kinds they show."""

    PLANS = auto()  # training plans and their points
    CLASSES = auto()  # classes, with the periods edited in the class form; archiving, copying to next year
    PERIODS = auto()  # a period moved on the calendar
    ROSTER = auto()  # who attends which period: enrollments, attendance, results, closing a period
    QUOTAS = auto()  # each unit's seats in a period
    PEOPLE = auto()  # the cadre archive
    UNITS = auto()  # the units and their order
    HOURS = auto()  # study-hour records
    SETTINGS = auto()  # the rules' thresholds, the hours rules, the documents' templates, letterhead and seal
    TIMETABLE = auto()  # a period's sessions (课程表)
    TEACHING = auto()  # the lecturer pool, teaching bases and the course library's marks
    FUNDS = auto()  # a period's budget lines and spending, fees received
    EVALUATION = auto()  # questionnaire templates, a period's issued form and the returned questionnaires
    SURVEY = auto()  # the needs survey (需求调研): its topics and the units' returns


NOTHING = Changed(0)  # reads and previews: nothing to announce
EVERYTHING = reduce(or_, Changed)  # for what shows a little of every kind (the status bar, the print centre)
