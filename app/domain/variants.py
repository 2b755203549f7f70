"""The words units write for a listed value (科员, 汉, 党员, 本科, 男性 ...) and the standard word each
stands for: the shipped list in data/word_variants.json, with the office's own additions on top.

A word that maps to nothing is not an error: it is kept as written, with a note. Words are compared
without spaces, full-width forms or case, "1级" as "一级", and an ethnic group may leave out its 族.
"""
from __future__ import annotations

import json
import re
from functools import cache
from typing import NamedTuple

from app.domain import reference, vocab
from app.domain.text import clean, clean_name, to_halfwidth

FIELDS = vocab.PERSON_LABELS  # field -> label: the fields that have standard words
_NUMERALS = {"1": "一", "2": "二", "3": "三", "4": "四"}
_NUMBERED = re.compile(r"([1-4])级")


class Standard(NamedTuple):
    value: str  # the standard word, or the word as written (tidied) when it stands for none
    standard: bool


def word_key(text: str) -> str:
    """How two writings of a word compare: half-width, no spaces, lower case, 1级 as 一级."""
    key = to_halfwidth(clean(text)).replace(" ", "").lower()
    return _NUMBERED.sub(lambda m: _NUMERALS[m.group(1)] + "级", key) if "级" in key else key


@cache
def _shipped() -> dict:
    return json.loads(reference.read("word_variants.json").decode("utf-8"))


@cache
def _shipped_keys() -> dict[str, dict[str, str]]:
    return {field: {word_key(k): v for k, v in words.items()} for field, words in _shipped()["variants"].items()}


def shipped_variants() -> dict[str, dict[str, str]]:
    """field -> {variant's key: standard word}, a copy the caller may add to."""
    return {field: dict(words) for field, words in _shipped_keys().items()}


@cache
def _standard_keys() -> dict[str, dict[str, str]]:
    return {field: {word_key(w): w for w in vocab.person_words(field)} for field in FIELDS}


def unresolved_hint(field: str, word: str) -> str:
    """Why a known but ambiguous word (主任科员) is not mapped: what it may stand for."""
    hints = _shipped()["unresolved"].get(field, {})
    return next((hint for known, hint in hints.items() if word_key(known) == word_key(word)), "")


def nonstandard_note(field: str, word: str) -> str:
    """The note on a word kept as written, as the preview and the receipt show it."""
    hint = unresolved_hint(field, word)
    return f"{FIELDS[field]}“{word}”不是标准名称，已按原文保存" + (f"（{hint}）" if hint else "")


class WordMap:
    """Standard words for the listed fields: the shipped variants, then the office's, which win."""

    def __init__(self, office: dict[str, dict[str, str]] | None = None):
        self.variants = shipped_variants()
        for field, words in (office or {}).items():
            self.variants.setdefault(field, {}).update({word_key(k): v for k, v in words.items()})
        self._standard = _standard_keys()

    def standard(self, field: str, text: str) -> Standard:
        """The standard word text stands for, or text tidied (trimmed, half-width) when it stands for none."""
        key = word_key(text)
        if not key:
            return Standard("", True)
        found = self._standard[field].get(key) or self.variants.get(field, {}).get(key)
        if found is None and field == "ethnicity" and not key.endswith("族"):
            found = self._standard[field].get(key + "族")
        if found is not None:
            return Standard(found, True)
        return Standard(clean_name(to_halfwidth(text)), False)
