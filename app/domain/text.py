"""Normalising what people type or paste: full-width characters, stray spaces."""
from __future__ import annotations

import re

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
_SPACES = re.compile(r"\s+")


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and signs (as IMEs type them) to their ASCII forms."""
    return text.translate(_FULLWIDTH)


def clean(text: object) -> str:
    """A field value trimmed, with runs of spaces (including full-width ones) made single."""
    if text is None:
        return ""
    return _SPACES.sub(" ", str(text).replace("\u3000", " ")).strip()


def clean_name(text: object) -> str:
    """A person's name without the spaces offices put in two-character names to align them."""
    value = clean(text)
    if re.search(r"[\u4e00-\u9fff]", value):
        value = value.replace(" ", "")
    return value


def clean_code(text: object) -> str:
    """An ID or phone number: half-width, no spaces at all."""
    return _SPACES.sub("", to_halfwidth(clean(text)))


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings 一、二、... in official documents)."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    prefix = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return prefix + (_DIGITS[ones] if ones else "")
