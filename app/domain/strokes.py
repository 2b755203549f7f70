"""Surname stroke order (姓氏笔画排序), as official lists are sorted (GB/T 13418).

Names compare character by character (surname first): by the Unihan stroke count, then by the strokes in
writing order, 横竖撇点折 (the first stroke, then the second ...), from data/stroke_order.txt; characters
with the same strokes in the same order, or without order data, fall back to the code point.
"""
from __future__ import annotations

from functools import cache

from app.domain import reference
from app.domain.char_table import entries

UNKNOWN = 99  # characters without data (Latin letters, rare extensions) sort after all others
NO_ORDER = "9"  # after every known order of the same stroke count


@cache
def _table() -> dict[int, int]:
    return {code: ord(value) - 48 for code, value in entries("strokes.txt", missing="0")}


@cache
def _orders() -> dict[str, str]:
    """Character → its strokes as digits 1 横 2 竖 3 撇 4 点 5 折, in writing order."""
    lines = reference.read("stroke_order.txt").decode("utf-8").splitlines()
    return {line[0]: line[1:] for line in lines if line and not line.startswith("#")}


def strokes(char: str) -> int:
    return _table().get(ord(char), UNKNOWN)


def stroke_order(char: str) -> str:
    """The character's strokes in writing order as 1–5 (横竖撇点折), or "" when the table lacks it."""
    return _orders().get(char, "")


@cache
def _char_key(char: str) -> tuple[int, str, int]:
    return strokes(char), stroke_order(char) or NO_ORDER, ord(char)


def stroke_key(name: str) -> tuple:
    """Sort key for 姓氏笔画 order: (strokes, stroke order, code point) for each character of the name."""
    return tuple(map(_char_key, name))
