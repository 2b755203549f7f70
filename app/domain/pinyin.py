"""Pinyin initials of names (张三 → zs) for search as you type, with surnames read as surnames.

Names are read one character at a time (pypinyin's word context does not help with names),
so each character's initial is cached: importing 20,000 names costs a few dictionary lookups each.
"""
from __future__ import annotations

import unicodedata
from functools import cache

# Surnames whose everyday reading starts with another letter (曾 is zēng as a surname, not céng).
_SURNAME_INITIALS = {
    "曾": "z", "单": "s", "解": "x", "仇": "q", "区": "o", "查": "z", "覃": "q", "翟": "z",
    "召": "s", "秘": "b", "种": "c", "繁": "p", "隗": "w", "乐": "y", "尉": "w",
}
_COMPOUND_SURNAMES = {"尉迟": "yc", "万俟": "mq", "长孙": "zs", "单于": "cy"}


@cache
def _readings() -> dict[int, str]:
    """pypinyin's character table only: its phrase tables and segmenter (0.15 s to import) are not needed
    for names, and loading it here, on first use, keeps it out of the window's start-up."""
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


@cache
def _initial(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    reading = _readings().get(ord(char), "")
    first = unicodedata.normalize("NFKD", reading[:1])[:1]  # 'ā' → 'a'
    return first.lower() if first.isascii() and first.isalpha() else ""


def initials(name: str) -> str:
    """The first letter of each character's reading: 曾国藩 → zgf, 欧阳修 → oyx, 'Li Na' → lina."""
    if not name:
        return ""
    compound = _COMPOUND_SURNAMES.get(name[:2])
    if compound:
        return compound + "".join(map(_initial, name[2:]))
    return (_SURNAME_INITIALS.get(name[0]) or _initial(name[0])) + "".join(map(_initial, name[1:]))
