"""Dates of periods: overlap, the checks across all periods of one class, moving to the next year."""
from __future__ import annotations

from datetime import date, timedelta

from app.domain.models import Period
from app.domain.validation import Errors, period_errors


def overlaps(start_a: str, end_a: str, start_b: str, end_b: str) -> bool:
    """Whether two inclusive ISO date ranges share a day."""
    return start_a <= end_b and start_b <= end_a


def same_weekday_next_year(day: date) -> date:
    """The day a year on that falls on the same weekday, as near as can be to the same date.

    The office rebuilds its calendar from last year's: a class held on a Monday is held on a Monday again.
    """
    try:
        anchor = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        anchor = date(day.year + 1, 2, 28)
    offset = (day.weekday() - anchor.weekday()) % 7
    if offset > 3:
        offset -= 7
    return anchor + timedelta(days=offset)


def next_year_iso(value: str) -> str:
    return same_weekday_next_year(date.fromisoformat(value)).isoformat() if value else value


def shift_iso(value: str, days: int) -> str:
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def shift_report_time(value: str, days: int) -> str:
    """"2020-03-02 08:30" moved by days, the clock kept; empty stays empty."""
    return shift_iso(value[:10], days) + value[10:] if value else value


def days_between(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


def period_set_errors(periods: list[Period]) -> dict[int, Errors]:
    """Each period's own errors, then duplicate numbers and overlaps among the periods of one class.

    Keys are positions in the list; a period that already has errors is not compared with the others.
    """
    found = {index: errors for index, period in enumerate(periods) if (errors := period_errors(period))}
    for index, period in enumerate(periods):
        if index in found:
            continue
        for other_index, other in enumerate(periods[:index]):
            if other_index in found:
                continue
            if other.number == period.number:
                found[index] = {"number": f"期次编号与另一期重复（第{other.number}期）"}
                break
            if overlaps(period.start_date, period.end_date, other.start_date, other.end_date):
                found[index] = {"start_date": f"与本班次第{other.number}期（{other.start_date}至{other.end_date}）时间重叠"}
                break
    return found
