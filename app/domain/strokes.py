"""Surname stroke order (姓氏笔画排序), as official lists are sorted, from Unihan stroke counts.

Names compare by the stroke count of each character in turn (surname first); equal counts fall
back to the code point, which within one stroke count follows the radical order of dictionaries.
"""
from __future__ import annotations

from functools import cache

from app.domain.char_table import entries

UNKNOWN = 99  # characters without data (Latin letters, rare extensions) sort after all others


@cache
def _table() -> dict[int, int]:
    return {code: ord(value) - 48 for code, value in entries("strokes.txt", missing="0")}


def strokes(char: str) -> int:
    return _table().get(ord(char), UNKNOWN)


def stroke_key(name: str) -> tuple:
    """Sort key for 姓氏笔画 order: (strokes, code point) for each character of the name."""
    return tuple((strokes(char), ord(char)) for char in name)
