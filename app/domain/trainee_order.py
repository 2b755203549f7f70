"""The orders a period's trainees are listed in, one rule for the roster window, the attendance sheet and the
printed lists: units in their fixed order and, within a unit, surnames by strokes (the default); names by
pinyin; or surnames by strokes across units. Ties go to the earlier enrollment, so two lists of the same
people never differ."""
from __future__ import annotations

from typing import Any, Callable, Iterable, TypeVar

from app.domain.pinyin import initials
from app.domain.strokes import stroke_key

ORDERS = {"unit": "按单位顺序", "name": "按姓名拼音", "strokes": "按姓氏笔画"}
T = TypeVar("T")


def _by_unit(t: Any) -> tuple:
    return t.unit_order, t.unit_id or 0, stroke_key(t.name), t.enrollment_id


def _by_name(t: Any) -> tuple:
    return getattr(t, "name_initials", "") or initials(t.name), t.name, t.enrollment_id


def _by_strokes(t: Any) -> tuple:
    return stroke_key(t.name), t.enrollment_id


_KEYS: dict[str, Callable[[Any], tuple]] = {"unit": _by_unit, "name": _by_name, "strokes": _by_strokes}


def in_order(trainees: Iterable[T], order: str = "unit") -> list[T]:
    """Trainees (with name, unit_order, unit_id and enrollment_id) in one of ORDERS; unknown orders by unit."""
    return sorted(trainees, key=_KEYS.get(order, _by_unit))
