"""The training-hours requirements of the 2023 干部教育培训工作条例 and the 2023–2027 national plan.

县处级 and above: at least 550 学时 (or 3 months of concentrated training) in 5 years, and within one year
of a promotion made before meeting it. 乡科级 and below: at least 90 学时 (or 12 days) a year. Online
learning: at least 50 学时 a year. The numbers are settings; these are the defaults.
"""
from __future__ import annotations

from dataclasses import dataclass

COUNTY_RANKS = frozenset("正部级 副部级 正厅级 副厅级 正处级 副处级 一级巡视员 二级巡视员 "
                         "一级调研员 二级调研员 三级调研员 四级调研员 "
                         # words of the old system a list may keep as written (see data/word_variants.json):
                         # which grade they became is not known, but they are county level or above
                         "调研员 副调研员 处级 厅级".split())

DEFAULT_REQUIREMENTS = {
    "county": {"hours": 550, "years": 5, "days": 90, "after_promotion_years": 1},
    "township": {"hours": 90, "days": 12},
    "online": 50,
}


def level(rank: str) -> str:
    return "县处级以上" if rank in COUNTY_RANKS else "乡科级及以下"


@dataclass
class Earned:
    hours: float  # all hours that count toward the requirement, in its window
    days: float  # concentrated training days in the window
    online: float  # online hours in the year


@dataclass
class Verdict:
    required: float
    shortfall: float
    online_shortfall: float
    status: str  # 达标, 未达标, 提任未满一年


def judge(rank: str, earned: Earned, requirements: dict, promoted_within_grace: bool = False) -> Verdict:
    rule = requirements["county" if rank in COUNTY_RANKS else "township"]
    met = earned.hours >= rule["hours"] or earned.days >= rule["days"]
    shortfall = 0.0 if met else rule["hours"] - earned.hours
    online_shortfall = max(0.0, requirements["online"] - earned.online)
    if shortfall and promoted_within_grace:
        status = "提任未满一年"
    elif shortfall or online_shortfall:
        status = "未达标"
    else:
        status = "达标"
    return Verdict(rule["hours"], shortfall, online_shortfall, status)
