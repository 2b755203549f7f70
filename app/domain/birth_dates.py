"""Birth dates as units write them: 1983-02-14, 1983.2.14, 1983年2月14号, 72.9.30, 83.02, 1983.2, 19830214,
Excel date serials and date cells. A two-digit year is taken from the ID number when the number's year
ends in it, else as the nearest year not in the future. The result is ISO: a whole date (1983-02-14),
or a year and month (1983-02) or a year (1983) when that is all that was written."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from app.domain.text import to_halfwidth

_EXCEL_EPOCH = date(1899, 12, 30)
_DATE = re.compile(r"(\d{4}|\d{2})[-./年](\d{1,2})(?:[-./月](\d{1,2})[日号]?|月)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})?")  # 19830214, 198302
_YEAR = re.compile(r"(\d{4})()()年?")  # a year alone needs four digits: 72 alone may well be an age
_WITH_TIME = re.compile(r"\s*(\d{4}-\d{1,2}-\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2})?\s*")


def read_birth(value: object, id_birth: date | None = None, today: date | None = None) -> str | None:
    """The date written, in ISO form, or None when it cannot be read as a date."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" == value[7] and value.isascii():
        try:  # already ISO, as most lists and every export have it
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1 < value < 80000:
            return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
        value = f"{value:.15g}"
    text = to_halfwidth(str(value))
    if timed := _WITH_TIME.fullmatch(text):  # 1983-02-14 00:00:00, a date cell as text
        text = timed.group(1)
    text = re.sub(r"\s", "", text).rstrip(".")
    match = _DATE.fullmatch(text) or _COMPACT.fullmatch(text) or _YEAR.fullmatch(text)
    if not match:
        return None
    year, month, day = (part or None for part in match.groups())
    full_year = int(year) if len(year) == 4 else _century(int(year), id_birth, today or date.today())
    return _iso(full_year, month, day)


def _century(two_digits: int, id_birth: date | None, today: date) -> int:
    if id_birth is not None and id_birth.year % 100 == two_digits:
        return id_birth.year
    year = today.year // 100 * 100 + two_digits
    return year if year <= today.year else year - 100


def _iso(year: int, month: str | None, day: str | None) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return str(year)
    try:
        if day is None:
            return date(year, int(month), 1).isoformat()[:7]
        return date(year, int(month), int(day)).isoformat()
    except ValueError:
        return None


def same_birth(written: str, from_id: str, cell: object) -> bool:
    """Whether what was written agrees with the ID number's date (all of it, or its year and month)."""
    if from_id.startswith(written):
        return True
    # 1990.10 typed into a number cell arrives as 1990.1: October, not January.
    return (isinstance(cell, float) and len(written) == 7 and written.endswith("-01")
            and from_id[:7] == written[:5] + "10")
