"""Surname stroke order (姓氏笔画排序), as official lists are sorted, from Unihan stroke counts.

Names compare by the stroke count of each character in turn (surname first); equal counts fall
back to the code point, which within one stroke count follows the radical order of dictionaries.
"""
from __future__ import annotations

from functools import cache

from ..config import data_file

UNKNOWN = 99  # characters without data (Latin letters, rare extensions) sort after all others


@cache
def _table() -> dict[int, int]:
    counts: dict[int, int] = {}
    with open(data_file("strokes.txt"), encoding="ascii") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            start, values = line.rstrip("\n").split(" ", 1)
            base = int(start, 16)
            for offset, value in enumerate(values):
                if value != "0":
                    counts[base + offset] = ord(value) - 48
    return counts


def strokes(char: str) -> int:
    return _table().get(ord(char), UNKNOWN)


def stroke_key(name: str) -> tuple:
    """Sort key for 姓氏笔画 order: (strokes, code point) for each character of the name."""
    return tuple((strokes(char), ord(char)) for char in name)
