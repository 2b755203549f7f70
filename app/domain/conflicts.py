"""Conflicts the calendar shows (多头调训): one person in two overlapping periods, one unit with many
people away on the same day, one place booked by two periods at once."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from functools import partial
from typing import Callable, NamedTuple

PERSON, UNIT, PLACE, LECTURER = "person", "unit", "place", "lecturer"
KIND_LABELS = {PERSON: "一人多头调训", UNIT: "单位同时在训人数多", PLACE: "培训地点冲突", LECTURER: "授课人冲突"}


class Span(NamedTuple):
    """One period as the conflict checks see it."""
    period_id: int
    label: str  # 科级干部培训班第1期
    start: date
    end: date
    place: str = ""


class Conflict(NamedTuple):
    """A month of 2,000 periods has thousands of conflicts, of which the page shows a few dozen: each is a
    named tuple (a frozen dataclass costs ten times as much to make) whose message is written when read."""
    kind: str
    period_ids: tuple[int, ...]
    start: date
    end: date
    describe: Callable[[], str]

    @property
    def message(self) -> str:
        return self.describe()

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


def _overlap(a: Span, b: Span) -> tuple[date, date] | None:
    start, end = max(a.start, b.start), min(a.end, b.end)
    return (start, end) if start <= end else None


def _span_text(start: date, end: date) -> str:
    first = f"{start.month}月{start.day}日"
    return first if start == end else f"{first}至{end.month}月{end.day}日"


def person_conflicts(spans: dict[int, Span], bookings: list[tuple[int, str, int]]) -> list[Conflict]:
    """bookings: (person id, name, period id) for every active enrollment; names grouped per pair of periods.

    People are told apart by id: two cadres may share a name. Each person's periods are taken in order of
    start, and a period is compared only with those that start before it ends.
    """
    by_person: dict[int, list[int]] = defaultdict(list)
    names: dict[int, str] = {}
    for person_id, name, period_id in bookings:
        if period_id in spans:
            by_person[person_id].append(period_id)
            names[person_id] = name
    order = {i: n for n, i in enumerate(sorted(spans, key=lambda i: (spans[i].start, i)))}
    pairs: dict[tuple[int, int], list[str]] = defaultdict(list)
    for person_id, period_ids in by_person.items():
        if len(period_ids) < 2:
            continue
        ordered = [spans[i] for i in sorted(set(period_ids), key=order.__getitem__)]
        for index, a in enumerate(ordered):
            for b in ordered[index + 1:]:
                if b.start > a.end:
                    break
                pair = (a.period_id, b.period_id) if a.period_id < b.period_id else (b.period_id, a.period_id)
                pairs[pair].append(names[person_id])
    found = []
    for (a, b), held in sorted(pairs.items()):
        start, end = _overlap(spans[a], spans[b])
        found.append(Conflict(PERSON, (a, b), start, end, partial(_people_away, spans[a], spans[b], start, end, held)))
    return found


def _people_away(a: Span, b: Span, start: date, end: date, held: list[str]) -> str:
    shown = "、".join(held[:5]) + ("等" if len(held) > 5 else "")
    return f"{len(held)}人同时被调训到{a.label}和{b.label}（{_span_text(start, end)}）：{shown}"


def place_conflicts(spans: dict[int, Span]) -> list[Conflict]:
    ordered = sorted((s for s in spans.values() if s.place), key=lambda s: (s.start, s.period_id))
    found = []
    for index, a in enumerate(ordered):
        for b in ordered[index + 1:]:
            if b.start > a.end:
                break
            if a.place == b.place and (both := _overlap(a, b)):
                text = f"培训地点“{a.place}”在{_span_text(*both)}同时安排了{a.label}和{b.label}"
                found.append(Conflict(PLACE, (a.period_id, b.period_id), *both, partial(str, text)))
    return found


def unit_conflicts(spans: dict[int, Span], unit_counts: list[tuple[str, int, int]], limit: int,
                   first: date, last: date) -> list[Conflict]:
    """unit_counts: (unit name, period id, people) per unit and period; days between first and last.

    Each unit's periods are swept in date order: the number away changes only where a period starts or
    ends, so the days between are not counted one by one. A run of days with the same periods and at least
    `limit` people away is one conflict."""
    by_unit: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for unit, period_id, count in unit_counts:
        if period_id in spans:
            by_unit[unit].append((period_id, count))
    return [_unit_conflict(spans, run) for unit in sorted(by_unit)
            for run in _crowded_runs(spans, unit, by_unit[unit], limit, first, last)]


def _crowded_runs(spans: dict[int, Span], unit: str, counts: list[tuple[int, int]], limit: int,
                  first: date, last: date) -> list[list]:
    """[unit, start, end, periods, most away] for each stretch of days the unit has `limit` or more away."""
    changes: dict[date, list[tuple[int, int]]] = defaultdict(list)  # day: (period, +count or -count)
    for period_id, count in counts:
        span = spans[period_id]
        start, end = max(span.start, first), min(span.end, last)
        if start <= end:
            changes[start].append((period_id, count))
            changes[end + timedelta(days=1)].append((period_id, -count))
    runs, away, present = [], 0, {}
    days = sorted(changes)
    for day, following in zip(days, days[1:] + [None], strict=True):
        for period_id, change in changes[day]:
            away += change
            if change > 0:
                present[period_id] = change
            else:
                present.pop(period_id, None)
        if following is None or away < limit:
            continue
        periods, end = tuple(sorted(present)), following - timedelta(days=1)
        if runs and runs[-1][3] == periods and (day - runs[-1][2]).days == 1:
            runs[-1][2], runs[-1][4] = end, max(runs[-1][4], away)
        else:
            runs.append([unit, day, end, periods, away])
    return runs


def _unit_conflict(spans: dict[int, Span], run: list) -> Conflict:
    unit, start, end, periods, count = run
    return Conflict(UNIT, periods, start, end, partial(_unit_away, unit, start, end, count, [spans[p] for p in periods]))


def _unit_away(unit: str, start: date, end: date, count: int, periods: list[Span]) -> str:
    labels = "、".join(span.label for span in periods)
    return f"{unit}在{_span_text(start, end)}同时有{count}人在训（{labels}）"


def lecturer_conflicts(spans: dict[int, Span], bookings: list[tuple[str, str, str, int, int]]) -> list[Conflict]:
    """bookings: (lecturer's name, day, half-day, period id, other period id) for each lecturer of the pool
    booked in two periods at the same half-day; one conflict per lecturer and pair of periods, its half-days named."""
    grouped: dict[tuple[str, int, int], list[tuple[str, str]]] = defaultdict(list)
    for name, day, half, a, b in bookings:
        if a in spans and b in spans:
            grouped[(name, *sorted((a, b)))].append((day, half))
    found = []
    for (name, a, b), slots in sorted(grouped.items(), key=lambda item: (min(item[1]), item[0])):
        days = sorted({date.fromisoformat(day) for day, _ in slots})
        when = "、".join(f"{date.fromisoformat(day).month}月{date.fromisoformat(day).day}日{half}"
                        for day, half in sorted(set(slots)))
        text = f"授课人{name}在{when}同时安排在{spans[a].label}和{spans[b].label}授课"
        found.append(Conflict(LECTURER, (a, b), days[0], days[-1], partial(str, text)))
    return found
