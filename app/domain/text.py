"""Normalising what people type or paste: full-width characters, stray spaces, invisible characters."""
from __future__ import annotations

import re

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
_SPACES = re.compile(r"\s+")
# Characters that show nothing yet make two equal-looking texts differ, or reorder what is shown: control
# characters (whitespace aside, which is collapsed), format characters (zero-width spaces and joiners,
# bidirectional marks and overrides, the byte-order mark, soft hyphens, tags) and the blank fillers used to
# fake an empty name. Every Unicode Cf and non-space Cc character is here (tests/app/test_text.py).
INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufeff\uffa0"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]")


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and signs (as IMEs type them) to their ASCII forms."""
    return text.translate(_FULLWIDTH)


def clean(text: object) -> str:
    """A field value trimmed, with runs of spaces (including full-width ones) made single and invisible
    characters taken out."""
    if text is None:
        return ""
    return _SPACES.sub(" ", INVISIBLE.sub("", str(text)).replace("\u3000", " ")).strip()


def has_invisible(text: str) -> bool:
    return INVISIBLE.search(text) is not None


def formula_start(text: str) -> str:
    """The sign a text begins with that would make Excel or WPS read it as a formula (= + - @), else ""."""
    first = to_halfwidth(text[:1])
    return first if first and first in "=+-@" else ""


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


def safe_file_name(name: str) -> str:
    """A name Windows accepts as a file name: \\ / : * ? " < > | become -."""
    return re.sub(r'[\\/:*?"<>|]', "-", name)
