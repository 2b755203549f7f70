"""Conflicts the calendar shows (多头调训): one person in two overlapping periods, one unit with many
people away on the same day, one place booked by two periods at once."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

PERSON, UNIT, PLACE, LECTURER = "person", "unit", "place", "lecturer"
KIND_LABELS = {PERSON: "一人多头调训", UNIT: "单位同时在训人数多", PLACE: "培训地点冲突", LECTURER: "授课人冲突"}


@dataclass(frozen=True)
class Span:
    """One period as the conflict checks see it."""
    period_id: int
    label: str  # 科级干部培训班第1期
    start: date
    end: date
    place: str = ""


@dataclass(frozen=True)
class Conflict:
    kind: str
    message: str
    period_ids: tuple[int, ...]
    start: date
    end: date

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

    People are told apart by id: two cadres may share a name.
    """
    by_person: dict[tuple[int, str], list[int]] = defaultdict(list)
    for person_id, name, period_id in bookings:
        if period_id in spans:
            by_person[(person_id, name)].append(period_id)
    pairs: dict[tuple[int, int], list[str]] = defaultdict(list)
    for (_, name), period_ids in by_person.items():
        ordered = sorted(set(period_ids))
        for index, a in enumerate(ordered):
            for b in ordered[index + 1:]:
                if _overlap(spans[a], spans[b]):
                    pairs[(a, b)].append(name)
    found = []
    for (a, b), names in sorted(pairs.items()):
        start, end = _overlap(spans[a], spans[b])
        shown = "、".join(names[:5]) + ("等" if len(names) > 5 else "")
        found.append(Conflict(PERSON, f"{len(names)}人同时被调训到{spans[a].label}和{spans[b].label}"
                                      f"（{_span_text(start, end)}）：{shown}", (a, b), start, end))
    return found


def place_conflicts(spans: dict[int, Span]) -> list[Conflict]:
    ordered = sorted((s for s in spans.values() if s.place), key=lambda s: (s.start, s.period_id))
    found = []
    for index, a in enumerate(ordered):
        for b in ordered[index + 1:]:
            if b.start > a.end:
                break
            if a.place == b.place and (both := _overlap(a, b)):
                found.append(Conflict(PLACE, f"培训地点“{a.place}”在{_span_text(*both)}同时安排了{a.label}和{b.label}",
                                      (a.period_id, b.period_id), *both))
    return found


def unit_conflicts(spans: dict[int, Span], unit_counts: list[tuple[str, int, int]], limit: int,
                   first: date, last: date) -> list[Conflict]:
    """unit_counts: (unit name, period id, people) per unit and period; days between first and last."""
    per_day: dict[tuple[str, date], dict[int, int]] = defaultdict(dict)
    for unit, period_id, count in unit_counts:
        span = spans.get(period_id)
        if span is None:
            continue
        day = max(span.start, first)
        while day <= min(span.end, last):
            per_day[(unit, day)][period_id] = count
            day += timedelta(days=1)
    crowded = sorted((unit, day, sum(periods.values()), tuple(sorted(periods)))
                     for (unit, day), periods in per_day.items() if sum(periods.values()) >= limit)
    return [_unit_conflict(spans, run) for run in _runs(crowded)]


def _runs(crowded: list[tuple[str, date, int, tuple[int, ...]]]) -> list[list]:
    """Consecutive days of one unit with the same periods become one conflict."""
    runs: list[list] = []
    for unit, day, count, periods in crowded:
        last = runs[-1] if runs else None
        if last and last[0] == unit and last[3] == periods and (day - last[2]).days == 1:
            last[2] = day
            last[4] = max(last[4], count)
        else:
            runs.append([unit, day, day, periods, count])
    return runs


def _unit_conflict(spans: dict[int, Span], run: list) -> Conflict:
    unit, start, end, periods, count = run
    labels = "、".join(spans[p].label for p in periods)
    return Conflict(UNIT, f"{unit}在{_span_text(start, end)}同时有{count}人在训（{labels}）", periods, start, end)


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
        found.append(Conflict(LECTURER, f"授课人{name}在{when}同时安排在{spans[a].label}和{spans[b].label}授课",
                              (a, b), days[0], days[-1]))
    return found
