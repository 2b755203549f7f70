"""How dates, times and amounts are written in official documents: 2020年3月2日 (Arabic numerals)."""
from __future__ import annotations

from datetime import date

_WEEKDAYS = "一二三四五六日"


def cn_date(value: str | date) -> str:
    """2020-03-02 → 2020年3月2日."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.year}年{day.month}月{day.day}日"


def month_day(value: str) -> str:
    day = date.fromisoformat(value)
    return f"{day.month}月{day.day}日"


def cn_range(start: str, end: str) -> str:
    """2020年5月11日至15日, 2020年5月28日至6月3日, 2020年12月28日至2021年1月3日."""
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    if first == last:
        return cn_date(first)
    if first.year != last.year:
        return f"{cn_date(first)}至{cn_date(last)}"
    if first.month != last.month:
        return f"{cn_date(first)}至{last.month}月{last.day}日"
    return f"{cn_date(first)}至{last.day}日"


def month_day_range(start: str, end: str) -> str:
    """The plan notice's 举办时间: 5月11日至5月15日 (years only when the period crosses one)."""
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    if first.year != last.year:
        return f"{cn_date(first)}至{cn_date(last)}"
    return f"{month_day(start)}至{month_day(end)}"


def weekday(value: str) -> str:
    return "星期" + _WEEKDAYS[date.fromisoformat(value).weekday()]


def report_time(value: str) -> str:
    """"2020-05-11 08:30" → 2020年5月11日（星期一）8:30."""
    day, _, clock = value.strip().partition(" ")
    if not day:
        return ""
    text = f"{cn_date(day)}（{weekday(day)}）"
    if clock:
        hours, _, minutes = clock.partition(":")
        text += f"{int(hours)}:{minutes or '00'}"
    return text


def amount(value: float) -> str:
    """1500.0 → 1500, 1500.5 → 1500.5."""
    return f"{value:g}" if value != int(value) else str(int(value))
