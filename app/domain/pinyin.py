"""Pinyin initials of names (张三 → zs) for search as you type, with surnames read as surnames.

Names are read one character at a time (pypinyin's word context does not help with names), from
data/initials.txt: each character's first letter, taken from pypinyin's character table by
tools/make_initials.py. Reading that file costs milliseconds where importing pypinyin costs 0.13 s,
and `str.translate` turns a whole name into its initials in one call.
"""
from __future__ import annotations

from functools import cache

from app.domain.char_table import entries

# Surnames whose everyday reading starts with another letter (曾 is zēng as a surname, not céng).
_SURNAME_INITIALS = {
    "曾": "z", "单": "s", "解": "x", "仇": "q", "区": "o", "查": "z", "覃": "q", "翟": "z",
    "召": "s", "秘": "b", "种": "c", "繁": "p", "隗": "w", "乐": "y", "尉": "w",
}
_COMPOUND_SURNAMES = {"尉迟": "yc", "万俟": "mq", "长孙": "zs", "单于": "cy"}


class _Initials(dict):
    """Code point -> initial, for str.translate; characters with no initial (punctuation, spaces) drop out."""

    def __missing__(self, code: int) -> None:
        return None


@cache
def _table() -> _Initials:
    table = _Initials({code: chr(code).lower() for code in range(128) if chr(code).isalnum()})
    table.update(entries("initials.txt", missing="-"))
    return table


def initials(name: str) -> str:
    """The first letter of each character's reading: 曾国藩 → zgf, 欧阳修 → oyx, 'Li Na' → lina."""
    if not name:
        return ""
    table = _table()
    compound = _COMPOUND_SURNAMES.get(name[:2])
    if compound:
        return compound + name[2:].translate(table)
    surname = _SURNAME_INITIALS.get(name[0])
    return surname + name[1:].translate(table) if surname else name.translate(table)
