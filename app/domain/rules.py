"""The office's rules for classes and plans (seed 000 and the cadre-training regulations).

They give warnings, never block a save: the office may have good reason to depart from a rule,
but it should see that it does. Every threshold is a setting (`Thresholds`), since counties
differ and regulations change; the defaults are the numbers in seed 000.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.holidays import holidays_between
from app.domain.models import Period, PeriodRow, Plan, TrainingClass
from app.domain.teaching import Taught

MAIN_CLASS = "主体班"
SPECIAL_CLASS = "专题班"

# The rule names the command line prints, and the Chinese label the panels show.
RULES = {
    "special_days": "专题班集中培训时间",
    "party_spirit_share": "党性教育课时占比",
    "leader_lecture_share": "领导干部讲课课时占比",
    "practical_post": "实岗锻炼天数",
    "party_analysis": "党性分析",
    "capacity": "计划人数超过容量",
    "over_enrolled": "调训人数超过计划",
    "holiday": "期次遇法定节假日",
    "plan_totals": "计划总数与班次合计",
    "timetable_hours": "课程表学时与计划总课时",
}
# Hours shared among a half-day's sessions are rounded to hundredths: a smaller gap is no difference.
HOURS_TOLERANCE = 0.5


@dataclass(frozen=True)
class Thresholds:
    special_min_days: int = 3  # 集中培训时间一般不少于3天
    party_spirit_percent: int = 20  # 党性教育不低于总课时的20%
    leader_lecture_percent: int = 20  # 领导干部讲课不低于总课时的20%
    practical_post_from_days: int = 60  # 学制2个月及以上的班次 ...
    practical_post_min_days: int = 7  # ... 实岗锻炼一般不少于7天
    party_analysis_from_days: int = 30  # 1个月以上（含1个月）的班次安排党性分析
    unit_away_limit: int = 5  # the calendar marks a unit with this many people away on one day


# The settings key, Chinese label, unit and range of each threshold, for the settings dialog.
THRESHOLD_SETTINGS = {
    "special_min_days": ("专题班集中培训不少于", "天", 1, 60),
    "party_spirit_percent": ("主体班党性教育课时不低于", "%", 0, 100),
    "leader_lecture_percent": ("主体班领导干部讲课课时不低于", "%", 0, 100),
    "practical_post_from_days": ("需安排实岗锻炼的学制达到", "天", 1, 400),
    "practical_post_min_days": ("实岗锻炼不少于", "天", 0, 120),
    "party_analysis_from_days": ("需安排党性分析的学制达到", "天", 1, 400),
    "unit_away_limit": ("同一单位同日在训达到", "人时在日历上提示", 1, 500),
}


@dataclass(frozen=True)
class RuleWarning:
    rule: str  # a key of RULES
    message: str
    field: str = ""  # the form field it concerns
    period_number: int | None = None  # set for a warning about one period


def class_warnings(c: TrainingClass, periods: list[PeriodRow], t: Thresholds = Thresholds(),
                   taught: dict[int, Taught] | None = None) -> list[RuleWarning]:
    """Every warning for a class: its own, then each of its periods'. `taught`: period id -> its timetable's
    sums, for the periods that have one."""
    found = class_level_warnings(c, periods, t, taught)
    for period in periods:
        found += period_warnings(c, period, t)
    return found


def class_level_warnings(c: TrainingClass, periods: list[Period], t: Thresholds = Thresholds(),
                         taught: dict[int, Taught] | None = None) -> list[RuleWarning]:
    """The class's own rules. What is taught is checked from each period's timetable where it has one; the
    figures typed into the class form stand for the periods without one (or for a class with no periods)."""
    taught = taught or {}
    found: list[RuleWarning] = []
    length = c.length_days or max((p.days for p in periods), default=0)
    if c.kind == SPECIAL_CLASS and 0 < c.length_days < t.special_min_days:
        found.append(RuleWarning("special_days", f"专题班学制{c.length_days}天，集中培训时间一般不少于{t.special_min_days}天",
                                 "length_days"))
    without = [p for p in periods if p.id not in taught]
    if without or not periods:
        found += _typed_warnings(c, length, t, _typed_source(without, len(periods)))
    for period in (p for p in periods if p.id in taught):
        found += _taught_warnings(c, period, taught[period.id], t, several=len(periods) > 1)
    return found


def _typed_source(without: list[Period], count: int) -> str:
    if len(without) == count:
        return "按填报数字"
    return f"按填报数字，{'、'.join(f'第{p.number}期' for p in without)}尚无课程表"


def _typed_warnings(c: TrainingClass, length: int, t: Thresholds, source: str) -> list[RuleWarning]:
    """Today's checks of the figures the clerk typed into the class form."""
    found: list[RuleWarning] = []
    if c.kind == MAIN_CLASS and c.total_hours > 0:
        found += _share_warning("party_spirit_share", "党性教育", c.party_spirit_hours, c.total_hours,
                                t.party_spirit_percent, "party_spirit_hours", source)
        found += _share_warning("leader_lecture_share", "领导干部讲课", c.leader_lecture_hours, c.total_hours,
                                t.leader_lecture_percent, "leader_lecture_hours", source)
    if length >= t.practical_post_from_days and c.practical_post_days < t.practical_post_min_days:
        found.append(RuleWarning("practical_post", f"学制{length}天的班次，实岗锻炼一般不少于{t.practical_post_min_days}天"
                                 f"（现为{c.practical_post_days}天，{source}）", "practical_post_days"))
    if length >= t.party_analysis_from_days and not c.party_analysis:
        found.append(RuleWarning("party_analysis", f"学制{length}天的班次应安排学员进行党性分析（{source}）",
                                 "party_analysis"))
    return found


def _taught_warnings(c: TrainingClass, period: Period, taught: Taught, t: Thresholds, several: bool) -> list[RuleWarning]:
    """The same rules checked from what the period's timetable teaches; the planned total against it."""
    source, number = "按课程表计算", period.number
    where = f"第{number}期" if several else ""
    length = c.length_days or period.days
    found: list[RuleWarning] = []
    if c.kind == MAIN_CLASS and taught.total_hours > 0:
        found += _share_warning("party_spirit_share", "党性教育", taught.party_spirit_hours, taught.total_hours,
                                t.party_spirit_percent, "party_spirit_hours", source, where, number)
        found += _share_warning("leader_lecture_share", "领导干部讲课", taught.leader_lecture_hours,
                                taught.total_hours, t.leader_lecture_percent, "leader_lecture_hours", source, where,
                                number)
    if length >= t.practical_post_from_days and taught.practical_post_days < t.practical_post_min_days:
        found.append(RuleWarning("practical_post", f"{where}学制{length}天，实岗锻炼一般不少于{t.practical_post_min_days}天"
                                 f"（课程表中{taught.practical_post_days}天，{source}）", "practical_post_days", number))
    if length >= t.party_analysis_from_days and not taught.party_analysis:
        found.append(RuleWarning("party_analysis", f"{where}学制{length}天，应安排学员进行党性分析"
                                 f"（课程表中没有党性分析，{source}）", "party_analysis", number))
    if c.total_hours > 0 and abs(taught.total_hours - c.total_hours) >= HOURS_TOLERANCE:
        gap = taught.total_hours - c.total_hours
        found.append(RuleWarning("timetable_hours", f"{where}课程表合计{taught.total_hours:g}学时，"
                                 f"比计划总课时{c.total_hours:g}{'多' if gap > 0 else '少'}{round(abs(gap), 2):g}学时（{source}）",
                                 "total_hours", number))
    return found


def _share_warning(rule: str, label: str, hours: float, total: float, percent: int, field: str, source: str,
                   where: str = "", number: int | None = None) -> list[RuleWarning]:
    if hours * 100 >= total * percent:
        return []
    share = hours * 100 / total
    return [RuleWarning(rule, f"{where}主体班{label}课时{hours:g}，占总课时{total:g}的{share:.1f}%，低于{percent}%"
                              f"（{source}）", field, number)]


def period_warnings(c: TrainingClass, period: PeriodRow, t: Thresholds = Thresholds()) -> list[RuleWarning]:
    """Warnings about one period of class c."""
    label, number = f"第{period.number}期", period.number
    found: list[RuleWarning] = []
    if c.kind == SPECIAL_CLASS and c.length_days == 0 and period.days < t.special_min_days:
        found.append(RuleWarning("special_days", f"{label}只有{period.days}天，专题班集中培训时间一般不少于{t.special_min_days}天",
                                 "end_date", number))
    if period.capacity and c.trainees_per_period > period.capacity:
        found.append(RuleWarning("capacity", f"{label}容量{period.capacity}人，少于计划每期{c.trainees_per_period}人",
                                 "capacity", number))
    if c.trainees_per_period and period.enrolled > c.trainees_per_period:
        found.append(RuleWarning("over_enrolled", f"{label}已调训{period.enrolled}人，超过计划每期{c.trainees_per_period}人",
                                 "capacity", number))
    if days := holidays_between(date.fromisoformat(period.start_date), date.fromisoformat(period.end_date)):
        found.append(RuleWarning("holiday", f"{label}（{period.start_date}至{period.end_date}）遇{_holiday_text(days)}",
                                 "start_date", number))
    return found


def _holiday_text(days: list[tuple[date, str]]) -> str:
    """国庆节（10月1日至10月8日）、中秋（…）: consecutive days of one holiday as one range."""
    runs: list[list] = []
    for day, name in days:
        if runs and runs[-1][0] == name and (day - runs[-1][2]).days == 1:
            runs[-1][2] = day
        else:
            runs.append([name, day, day])
    parts = []
    for name, first, last in runs:
        span = f"{first.month}月{first.day}日" + ("" if first == last else f"至{last.month}月{last.day}日")
        parts.append(f"{name}（{span}）")
    return "、".join(parts)


def plan_warnings(plan: Plan, classes: list[TrainingClass]) -> list[RuleWarning]:
    """The plan's own totals against what its classes add up to."""
    found: list[RuleWarning] = []
    periods = sum(c.planned_periods for c in classes)
    trainees = sum(c.planned_trainees for c in classes)
    if plan.planned_periods and plan.planned_periods != periods:
        found.append(RuleWarning("plan_totals", f"计划举办{plan.planned_periods}期，各班次合计{periods}期", "planned_periods"))
    if plan.planned_trainees and plan.planned_trainees != trainees:
        found.append(RuleWarning("plan_totals", f"计划培训{plan.planned_trainees}人，各班次合计{trainees}人",
                                 "planned_trainees"))
    return found
