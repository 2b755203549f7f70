"""Where each period's bar goes in a grid of weeks: one segment per week it touches, stacked in lanes
so that bars never overlap; what does not fit in a day is counted for its "+N". Plain Python."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Segment:
    index: int  # position of the entry in the list given
    row: int  # week row
    first_col: int  # 0 = Monday
    last_col: int
    lane: int
    starts: bool  # the period begins in this segment (round left end, label)
    ends: bool


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def segments(spans: list[tuple[date, date]], first_day: date, weeks: int) -> list[Segment]:
    """Segments of each (start, end) span inside the weeks from first_day (a Monday), with lanes.

    Longer spans take the upper lanes of a week, so a multi-week class keeps one straight line.
    """
    last_day = first_day + timedelta(days=weeks * 7 - 1)
    pieces: list[list[tuple[int, int, int, bool, bool]]] = [[] for _ in range(weeks)]
    for index, (start, end) in enumerate(spans):
        if end < first_day or start > last_day:
            continue
        shown_start, shown_end = max(start, first_day), min(end, last_day)
        row = (shown_start - first_day).days // 7
        while row < weeks:
            week_start = first_day + timedelta(days=row * 7)
            week_end = week_start + timedelta(days=6)
            a, b = max(shown_start, week_start), min(shown_end, week_end)
            if a > b:
                break
            pieces[row].append((index, (a - week_start).days, (b - week_start).days, a == start, b == end))
            row += 1
    found = []
    for row, row_pieces in enumerate(pieces):
        row_pieces.sort(key=lambda p: (p[1], -(p[2] - p[1]), p[0]))
        lanes_end: list[int] = []  # the last column taken in each lane
        for index, first_col, last_col, starts, ends in row_pieces:
            lane = next((n for n, taken in enumerate(lanes_end) if taken < first_col), len(lanes_end))
            if lane == len(lanes_end):
                lanes_end.append(last_col)
            else:
                lanes_end[lane] = last_col
            found.append(Segment(index, row, first_col, last_col, lane, starts, ends))
    return found


def visible_lanes(found: list[Segment], weeks: int, fit: int) -> list[int]:
    """Per week row, how many lanes are drawn: as many as there are, up to as many as fit."""
    deepest = [0] * weeks
    for segment in found:
        deepest[segment.row] = max(deepest[segment.row], segment.lane + 1)
    return [min(depth, fit) for depth in deepest]


def hidden_counts(found: list[Segment], shown: list[int]) -> dict[tuple[int, int], int]:
    """(row, col) -> how many bars are not drawn on that day."""
    hidden: dict[tuple[int, int], int] = {}
    for segment in found:
        if segment.lane >= shown[segment.row]:
            for col in range(segment.first_col, segment.last_col + 1):
                hidden[(segment.row, col)] = hidden.get((segment.row, col), 0) + 1
    return hidden
