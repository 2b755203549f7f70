"""The words of the teaching side (seed 000 items 1, 4, 6, 7) and what a session counts as.

A session is 党性教育 when its form says so or the clerk ticked it; a leader's lecture when its lecturer is a
领导干部 in the pool. Its 学时 are its own figure, else the half-day's by the settings, shared among the
sessions of the same half-day.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from app.domain.teaching_records import Session

HALVES = ("上午", "下午", "晚上")
SESSION_FORMS = ("专题讲座", "党性教育", "现场教学", "案例教学", "研讨交流", "实岗锻炼", "开班", "结业",
                 "自学", "考试", "其他")
PARTY_SPIRIT_FORMS = frozenset({"党性教育"})
PRACTICAL_POST_FORM = "实岗锻炼"
PARTY_ANALYSIS = "党性分析"
LECTURER_KINDS = ("党校教师", "领导干部", "专家学者", "基层典型")
TITLES = ("正高级", "副高级", "中级", "其他", "领导干部", "院士", "知名专家")
LEADER = "领导干部"
BASE_KINDS = ("党性教育基地", "现场教学点", "实践教学基地")
COURSE_KINDS = ("精品课程", "典型案例")

# 学时 of a session by the half-day it fills (settings; "a half-day counts 3 or 4 学时 as the office sets").
HOURS_DEFAULTS = {"hours_per_half_day": 4.0, "hours_per_evening": 2.0}


def plain(session: Session) -> Session:
    """The stored fields alone (a SessionRow carries the pool's and the base's too)."""
    return Session(**{f.name: getattr(session, f.name) for f in fields(Session)})


def is_party_spirit(session) -> bool:
    return session.form in PARTY_SPIRIT_FORMS or bool(session.party_spirit)


def is_party_analysis(session) -> bool:
    """A 党性分析 session: its topic or notes name it (it is usually a 研讨交流 or 党性教育 session)."""
    return PARTY_ANALYSIS in session.topic or PARTY_ANALYSIS in session.notes


def half_hours(half: str, per_half_day: float, per_evening: float) -> float:
    return per_evening if half == "晚上" else per_half_day


def credited_hours(sessions: list, per_half_day: float, per_evening: float) -> dict[int, float]:
    """Session id -> its 学时: its own figure, else its half-day's hours shared among the sessions of that
    half-day that have no figure of their own (what the others took is taken off first)."""
    by_slot: dict[tuple[str, str], list] = {}
    for s in sessions:
        by_slot.setdefault((s.day, s.half), []).append(s)
    found: dict[int, float] = {}
    for (_, half), group in by_slot.items():
        fixed = [s for s in group if s.hours is not None]
        open_ = [s for s in group if s.hours is None]
        left = max(0.0, half_hours(half, per_half_day, per_evening) - sum(s.hours for s in fixed))
        for s in fixed:
            found[s.id] = float(s.hours)
        for s in open_:
            found[s.id] = round(left / len(open_), 2)
    return found


@dataclass(frozen=True)
class Taught:
    """A period's timetable summed up: the figures the office's rules check in place of the typed ones."""
    total_hours: float
    party_spirit_hours: float
    leader_lecture_hours: float
    practical_post_days: int  # days with a 实岗锻炼 session
    party_analysis: bool


def taught(sessions: list) -> Taught:
    """The sums of a period's sessions, each with its credited_hours filled in."""
    def hours(chosen) -> float:
        return round(sum(s.credited_hours for s in chosen), 2)

    return Taught(
        total_hours=hours(sessions),
        party_spirit_hours=hours(s for s in sessions if is_party_spirit(s)),
        leader_lecture_hours=hours(s for s in sessions if s.is_leader_lecture),
        practical_post_days=len({s.day for s in sessions if s.form == PRACTICAL_POST_FORM}),
        party_analysis=any(is_party_analysis(s) for s in sessions),
    )
