"""Periods as the clerk looks for them: every live period with its class, plan and place; the filters of the
periods page (this year, in progress, upcoming, closed; a plan, a class kind, a search by name or pinyin
initials); the period at hand, and the period a unit's list most likely goes into (the import wizard's)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.domain.models import PeriodEntry
from app.domain.pinyin import initials
from app.domain.status import PeriodStatus
from app.storage import periods as period_queries
from app.storage.connection import Database

# The 时段 filter: what a period's dates and status say about it today.
WHEN = {"all": "全部期次", "year": "本年", "running": "进行中", "upcoming": "即将开班",
        "unclosed": "已结束未结班", "closed": "已结班"}
_LETTERS_NUMBER = re.compile(r"([a-z]+)(\d{1,2})")  # "xgfz2": the class's initials, then the period's number


@dataclass(frozen=True)
class PeriodFilter:
    when: str = "all"
    plan_id: int | None = None
    kind: str = ""
    text: str = ""
    organiser: str = ""  # 举办方式: 本级举办, 上级调训, 单位自办


@lru_cache(maxsize=4096)
def cached_initials(name: str) -> str:
    """Pinyin initials of a class or unit name, worked out once per name."""
    return initials(name)


def entries(db: Database, keep: int | None = None) -> list[PeriodEntry]:
    """Every live period (and the period `keep`, archived or not), earliest first, with its class name's
    pinyin initials."""
    found = period_queries.period_entries(db, keep)
    for entry in found:
        entry.class_initials = cached_initials(entry.class_name)
    return found


def span(entry: PeriodEntry) -> str:
    """2020-03-02 至 03-06; the end's year is written only when it differs."""
    end = entry.end_date[5:] if entry.end_date[:4] == entry.start_date[:4] else entry.end_date
    return f"{entry.start_date} 至 {end}"


def seats(entry: PeriodEntry) -> str:
    """Trainees holding a seat over the planned number: 45/60 (45 when no number is planned)."""
    return f"{entry.enrolled}/{entry.capacity}" if entry.capacity else str(entry.enrolled)


def describe(entry: PeriodEntry) -> str:
    """县管副职领导干部进修班 第1期（2020-03-02 至 03-06，结班）"""
    return f"{entry.label}（{span(entry)}，{entry.status}）"


def phase(entry: PeriodEntry, today: date) -> str:
    """closed, upcoming (not begun), running (between its first and last day) or unclosed (ended, not closed)."""
    if PeriodStatus.is_closed(entry.status):
        return "closed"
    day = today.isoformat()
    if entry.start_date > day:
        return "upcoming"
    return "running" if entry.end_date >= day else "unclosed"


def matches(entry: PeriodEntry, found: PeriodFilter, today: date) -> bool:
    if found.when == "year":
        if not entry.start_date[:4] <= str(today.year) <= entry.end_date[:4]:
            return False
    elif found.when != "all" and phase(entry, today) != found.when:
        return False
    if found.plan_id is not None and entry.plan_id != found.plan_id:
        return False
    if found.kind and entry.class_kind != found.kind:
        return False
    if found.organiser and entry.organiser_kind != found.organiser:
        return False
    return all(word_matches(entry, word) for word in found.text.lower().split())


def word_matches(entry: PeriodEntry, word: str) -> bool:
    """A word of the page's search: what names_it takes, or a date, the place, the status, the plan or the
    class kind."""
    if names_it(entry, word):
        return True
    return any(word in text.lower() for text in (entry.start_date, entry.end_date, entry.where, entry.status,
                                                  entry.plan_title, entry.class_kind))


def names_it(entry: PeriodEntry, word: str) -> bool:
    """A word that names the period: part of its class's name or of its pinyin initials (jxb), 第2期, or
    initials with the period's number (jxb2)."""
    if word in entry.class_name.lower() or word == f"第{entry.number}期":
        return True
    if word.isascii() and word.isalpha():
        return word in entry.class_initials
    numbered = _LETTERS_NUMBER.fullmatch(word)
    return bool(numbered) and numbered[1] in entry.class_initials and int(numbered[2]) == entry.number


def at_hand(found: list[PeriodEntry], today: date) -> PeriodEntry | None:
    """The period the clerk most likely works on today: one in progress, else the next to begin, else the
    last one."""
    running = [entry for entry in found if phase(entry, today) == "running"]
    if running:
        return min(running, key=lambda entry: entry.start_date)
    return _next_or_last(found, today)


def default_period(found: list[PeriodEntry], preset: int | None, today: date) -> PeriodEntry | None:
    """The period a unit's list goes into unless the clerk says otherwise: the one the wizard was opened
    from, else the next to begin (starting today or later), else the last one."""
    chosen = next((entry for entry in found if entry.id == preset), None)
    return chosen if chosen is not None else _next_or_last(found, today)


def _next_or_last(found: list[PeriodEntry], today: date) -> PeriodEntry | None:
    upcoming = [entry for entry in found if entry.start_date >= today.isoformat()]
    if upcoming:
        return min(upcoming, key=lambda entry: (entry.start_date, entry.id))
    return max(found, key=lambda entry: (entry.start_date, entry.id), default=None)
