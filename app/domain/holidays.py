"""China's public holidays and adjusted working days (调休), from the chinese_calendar package.

The package knows the State Council's notices year by year; for a year it does not know yet,
nothing is marked rather than guessing.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=1)
def _calendar():
    """chinese_calendar, imported when a day is first asked about, not with every module that may ask."""
    import chinese_calendar

    return chinese_calendar


@lru_cache(maxsize=1)
def _chinese_names() -> dict[str, str]:
    return {holiday.value: holiday.chinese for holiday in _calendar().Holiday}


@lru_cache(maxsize=4096)
def _detail(day: date) -> tuple[bool, str | None] | None:
    try:
        return _calendar().get_holiday_detail(day)
    except NotImplementedError:  # a year the package has no notice for
        return None


def known_year(year: int) -> bool:
    return _detail(date(year, 6, 1)) is not None


def holiday_name(day: date) -> str | None:
    """The public holiday's Chinese name (国庆节) on a day off for it; None on other days and weekends."""
    found = _detail(day)
    if found is None or not found[0] or found[1] is None:
        return None
    return _chinese_names().get(found[1], found[1])


def is_adjusted_workday(day: date) -> bool:
    """A Saturday or Sunday made a working day to bridge a holiday (调休上班)."""
    found = _detail(day)
    return found is not None and not found[0] and day.weekday() >= 5


def holidays_between(start: date, end: date) -> list[tuple[date, str]]:
    """The public holiday days from start to end inclusive, with their names."""
    found = []
    day = start
    while day <= end:
        if name := holiday_name(day):
            found.append((day, name))
        day += timedelta(days=1)
    return found
