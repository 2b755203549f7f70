"""质量评估 without storage: the two scales the office uses (三级: 满意 3 / 基本满意 2 / 不满意 1; 五分: 1–5),
reading an answer in the forms trainees write it (满意, " 基本满意 ", 5, "5分", "５", a mark ✓ under an option's
column), and the figures: the satisfaction rate and the average.

The satisfaction rate is the share of satisfied answers among the scored ones: on the 三级 scale 满意 and
基本满意; on the 五分 scale 4 and 5. Blank answers are not scored and do not count either way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.text import to_halfwidth

THREE, FIVE = "三级", "五分"
SCALES = (THREE, FIVE)
KINDS = {"score": "评分题", "sessions": "逐课评分（内容、授课）", "text": "文字意见"}
ASPECTS = ("内容", "授课")  # a session is scored for its content and for its lecturer's teaching
ASPECT_LABELS = {"内容": "课程内容", "授课": "授课水平"}

_OPTIONS = {THREE: (("满意", 3.0), ("基本满意", 2.0), ("不满意", 1.0)),
            FIVE: (("5", 5.0), ("4", 4.0), ("3", 3.0), ("2", 2.0), ("1", 1.0))}
# Other words trainees write for the 三级 options
_THREE_WORDS = {"满意": 3.0, "很满意": 3.0, "非常满意": 3.0, "基本满意": 2.0, "比较满意": 2.0, "较满意": 2.0,
                "一般": 2.0, "不满意": 1.0, "不太满意": 1.0, "很不满意": 1.0}
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_SPACE = re.compile(r"[\s\u3000]+")
_MARKS = frozenset("✓√✔☑✅●■◆◉◎○oOvVxX1是")
_SATISFIED = {THREE: 2.0, FIVE: 4.0}


class AnswerError(ValueError):
    """A value that is not an answer on the scale, with the reason in Chinese."""


@dataclass(frozen=True)
class Figures:
    """Scored answers of one question (or a session's aspect, a lecturer, a period): how many, how many
    satisfied, the sum; the rate and average read from them."""
    count: int = 0
    satisfied: int = 0
    total: float = 0.0

    @property
    def rate(self) -> float | None:
        return self.satisfied / self.count if self.count else None

    @property
    def average(self) -> float | None:
        return self.total / self.count if self.count else None

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.count + other.count, self.satisfied + other.satisfied, self.total + other.total)


def check_scale(scale: str) -> str:
    if scale not in SCALES:
        raise AnswerError(f"评分方式应为{'或'.join(SCALES)}")
    return scale


def options(scale: str) -> list[str]:
    """The words offered in a dropdown, best first."""
    return [word for word, _ in _OPTIONS[check_scale(scale)]]


def option_scores(scale: str) -> list[tuple[str, float]]:
    return list(_OPTIONS[check_scale(scale)])


def scale_hint(scale: str) -> str:
    return "满意、基本满意、不满意" if scale == THREE else "1至5分（5分最好）"


def score_word(scale: str, score: float) -> str:
    """满意 for 3 on the 三级 scale; "5分" on the 五分 scale."""
    if scale == THREE:
        return next((word for word, value in _OPTIONS[THREE] if value == score), f"{score:g}")
    return f"{score:g}分"


def satisfied_from(scale: str) -> float:
    """The lowest satisfied score: 基本满意 (2) on the 三级 scale, 4 on the 五分 scale."""
    return _SATISFIED[check_scale(scale)]


def is_satisfied(scale: str, score: float) -> bool:
    return score >= satisfied_from(scale)


def figures(scale: str, scores: list[float]) -> Figures:
    return Figures(len(scores), sum(1 for s in scores if is_satisfied(scale, s)), float(sum(scores)))


def _compact(value: object) -> str:
    return _SPACE.sub("", to_halfwidth(str(value))).strip("。.、,，;；")


def read_answer(scale: str, value: object) -> float | None:
    """The score an answer cell gives: None when blank; AnswerError when it is no answer on the scale."""
    check_scale(scale)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _number(scale, float(value), f"{value:g}")
    text = _compact(value)
    if not text:
        return None
    if scale == THREE and text in _THREE_WORDS:
        return _THREE_WORDS[text]
    bare = text[:-1] if text.endswith("分") else text
    if bare in _NUMERALS:
        return _number(scale, float(_NUMERALS[bare]), text)
    try:
        number = float(bare)
    except ValueError:
        raise AnswerError(f"“{str(value).strip()}”不是有效的评价（应为{scale_hint(scale)}）") from None
    return _number(scale, number, text)


def _number(scale: str, number: float, shown: str) -> float:
    top = 3 if scale == THREE else 5
    if number != int(number) or not 1 <= number <= top:
        raise AnswerError(f"“{shown}”不在评分范围内（应为{scale_hint(scale)}）")
    return float(number)


def is_mark(value: object) -> bool:
    """A cell ticked under an option's column: ✓, √, ●, V, 1, 是 …"""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, (int, float)):
        return value == 1
    text = _compact(value)
    return bool(text) and all(char in _MARKS for char in text)


def option_of_header(scale: str, header: object) -> float | None:
    """The score an option column's header names (满意, 基本满意, 不满意; 5, 5分, 五分), or None."""
    try:
        return read_answer(scale, header)
    except AnswerError:
        return None


def read_marked(scale: str, cells: dict[float, object]) -> float | None:
    """The score of the one option column ticked (score -> cell); None when none is; AnswerError for two."""
    ticked = [score for score, cell in cells.items() if is_mark(cell)]
    if len(ticked) > 1:
        raise AnswerError("勾选了多个评价：" + "、".join(score_word(scale, s) for s in sorted(ticked, reverse=True)))
    return ticked[0] if ticked else None


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def average_text(average: float | None) -> str:
    return "—" if average is None else f"{average:.2f}"
