"""One cell of a unit's list: as the text the user sees (cell_text), and made into the value the archive
keeps with a note of what was done: listed words made standard (or kept as written, with a note), text
cells tidied and cut to their lengths, phone numbers kept as written when they look wrong. Nothing here
refuses a row. The rows' checks (check.py), the receipt and the hours import read cells through here.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from app.domain import vocab
from app.domain.phone import normalize_phone, phone_error
from app.domain.text import clean, has_invisible, to_halfwidth
from app.domain.validation import MAX_LENGTHS, length_error
from app.domain.variants import WordMap, nonstandard_note
from app.services.importing.columns import LABELS

LISTED = tuple(vocab.PERSON_LISTS)  # gender, ethnicity, political_status, education, cadre_category, rank
TEXT_FIELDS = ("post", "key_problems", "notes")


def cell_text(value: object) -> str:
    """A cell as the text the user sees; numbers too long for Excel appear as Excel shows them."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            # Excel keeps 15 significant digits: a longer number (an ID typed as a number) has lost its end.
            return f"{value:.14E}" if abs(value) >= 1e15 else str(int(value))
        return f"{value:.15g}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


class Normalised(NamedTuple):
    value: str
    error: str | None = None  # the row is refused for it
    notice: str | None = None  # what was done, for the preview and the receipt
    kept: bool = False  # a listed word that is not standard, kept as written


def tidied(text: str) -> str:
    """What normalising a cell did, in the words of the receipt: 已去掉空格 and/or 已把全角字符改为半角."""
    done = []
    if has_invisible(text):
        done.append("已去掉不可见字符")
    if re.search(r"\s", text):
        done.append("已去掉多余的空格")
    if to_halfwidth(text) != text.replace("\u3000", " "):
        done.append("已把全角字符改为半角")
    return "，".join(done) or "已规范写法"


def unit_key(name: str) -> str:
    """Unit names compare without spaces and with half-width brackets: 县委 办公室 = 县委办公室."""
    return to_halfwidth(clean(name)).replace(" ", "")


def normalise(words: WordMap, key: str, text: str) -> Normalised:
    """A listed word, a unit's name or a text cell, as the archive keeps it."""
    if key in LISTED:
        value, standard = words.standard(key, text)
    else:
        value, standard = clean(text), True
    if key != "unit" and len(value) > MAX_LENGTHS[key]:
        return _capped(key, value, standard)
    if not standard:
        return Normalised(value, None, nonstandard_note(key, value), True)
    if value == text:
        return Normalised(value)
    if to_halfwidth(clean(text)).replace(" ", "") == value.replace(" ", ""):
        return Normalised(value, None, tidied(text))
    return Normalised(value, None, f"已按规范写法改为“{value}”（原为“{clean(text)}”）")


def _capped(key: str, value: str, standard: bool) -> Normalised:
    """A text cell longer than its field takes (a pasted page) is cut to that length, with a note: the row
    is not refused for it."""
    limit = MAX_LENGTHS[key]
    return Normalised(value[:limit], None, f"{LABELS[key]}过长（共{len(value)}个字），只保存了前{limit}个字",
                      not standard)


def phone(text: str) -> Normalised:
    """A phone number that looks wrong is kept as written with a note; one that cannot be a number at all
    (Excel's scientific notation has lost its last digits; a paragraph) is left out with a note."""
    value = normalize_phone(text)
    problem = phone_error(value)
    if problem is None:
        return Normalised(value, None, tidied(text) if value != text else None)
    if "科学计数法" in problem:
        return Normalised("", None, "联系电话被 Excel 存成了数字（科学计数法），末几位已丢失，未保存此号码")
    if length_error("phone", value):
        return Normalised("", None, f"联系电话过长（共{len(value)}个字），不像电话号码，未保存")
    return Normalised(value, None, f"联系电话“{value}”不像有效号码（{_phone_problem(value)}），已按原文保存")


def _phone_problem(value: str) -> str:
    if value.isdigit() and value.startswith("1"):
        return f"手机号码应为11位，现为{len(value)}位"
    return "手机11位，座机如 023-12345678"
