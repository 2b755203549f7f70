"""Pinyin initials as migration m005_people_pinyin fills people.name_initials: a frozen copy of the initials
rules (app/domain/pinyin.py) here and their table (data/initials.txt) beside it in m005_initials.txt, as
they stood at schema version 6.

Never edit it: the live rules and table may change (a pypinyin upgrade, a corrected surname), a migration
may not. The table's lines are a hex code point that starts a block of 64, a space, then one character per
code point: its initial (a-z), or - when it has none.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files

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
    for line in files(__package__).joinpath("m005_initials.txt").read_text(encoding="utf-8").splitlines():
        start, values = line.split(" ", 1)
        base = int(start, 16)
        table.update((base + offset, value) for offset, value in enumerate(values) if value != "-")
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
