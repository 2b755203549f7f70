"""需求调研 (the needs survey) in the office's words: the cadre categories a unit counts its people by, the
months it may prefer, and the checks of a topic and of a year."""
from __future__ import annotations

import re
from datetime import date, datetime

from app.domain import vocab
from app.domain.text import clean, to_halfwidth

MAX_TOPIC = 60  # a topic is a line of the form, not a paragraph
MAX_TOPICS = 60
MAX_PEOPLE = 9999  # people of one category a unit may ask to train on one topic
MONTHS = tuple(range(1, 13))
MONTH_WORDS = tuple(f"{month}月" for month in MONTHS)
ANY_MONTH = "不限"
_MONTH = re.compile(r"^(\d{1,2})(月份?)?$")
_SUFFIX = re.compile(r"(专题)?(培训|轮训|研讨|研修|进修)?班$")


def categories() -> tuple[str, ...]:
    """The cadre categories (干部类别) the form counts people by: the office's list, in its order."""
    return vocab.words("cadre_categories")


def topic_error(text: str) -> str | None:
    text = clean(text)
    if not text:
        return "专题名称不能为空"
    if len(text) > MAX_TOPIC:
        return f"专题名称不超过{MAX_TOPIC}个字（现有{len(text)}个字）"
    return None


def topics_errors(topics: list[str]) -> dict[str, str]:
    """Errors of a survey's topic list, keyed topics.N (N from 1 as shown) and "topics" for the whole list."""
    errors: dict[str, str] = {}
    if len(topics) > MAX_TOPICS:
        errors["topics"] = f"专题不超过{MAX_TOPICS}个（现有{len(topics)}个）"
    seen: dict[str, int] = {}
    for number, topic in enumerate(topics, start=1):
        if problem := topic_error(topic):
            errors[f"topics.{number}"] = f"第{number}个专题：{problem}"
            continue
        key = topic_key(topic)
        if key in seen:
            errors[f"topics.{number}"] = f"第{number}个专题与第{seen[key]}个重复：“{clean(topic)}”"
        seen.setdefault(key, number)
    return errors


def year_error(year: object) -> str | None:
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        return "调研年度应在2000至2100年之间"
    return None


def topic_key(text: str) -> str:
    """Topics compare without spaces, brackets' width or quotation marks: a unit retyping one still names it."""
    return re.sub(r"[\s“”\"'‘’《》]", "", to_halfwidth(clean(text)))


_WHO_NOT_WHAT = ("干部", "公务员", "初任", "选调生", "研修", "人才", "进修")


def topic_of_class(name: str, theme: str) -> str:
    """A class's topic for the survey: its theme, else its name without 专题培训班 and the like; "" for a
    class named by whom it trains (中青年干部培训班, 新录用公务员初任培训班) or where (赴市外高校), not what."""
    if clean(theme):
        return clean(theme)
    topic = _SUFFIX.sub("", clean(name))
    return "" if topic.endswith(_WHO_NOT_WHAT) or "（" in topic or "(" in topic else topic


def month_of(value: object) -> int | None | str:
    """A month cell: 3, "3", "3月", "三月" → 3; "" or 不限 → None; anything else → the text (an error)."""
    if isinstance(value, (date, datetime)):  # "3-1" typed into Excel became a date: its month is meant
        return value.month
    text = to_halfwidth(clean("" if value is None else str(value))).replace(" ", "")
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if text in ("", ANY_MONTH, "无", "-"):
        return None
    chinese = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
               "十一": 11, "十二": 12}
    bare = text.removesuffix("份").removesuffix("月")
    if bare in chinese:
        return chinese[bare]
    found = _MONTH.match(text)
    if found and 1 <= int(found.group(1)) <= 12:
        return int(found.group(1))
    return text


def months_text(months: list[int]) -> str:
    """Stored as "3,9": the months in the order the unit gave them, each once."""
    return ",".join(str(m) for m in dict.fromkeys(months))


def months_of(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


def people_of(value: object) -> int | str:
    """A people cell: 5, 5.0, "5", "5人" → 5; "" → 0; anything else → the text (an error)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 0 <= value <= MAX_PEOPLE:
            return int(value)
        return f"{value:g}"
    text = to_halfwidth(clean("" if value is None else str(value))).replace(" ", "").removesuffix("人")
    if text in ("", "-", "无", "0"):
        return 0
    if text.isdigit() and int(text) <= MAX_PEOPLE:
        return int(text)
    return clean(str(value))
