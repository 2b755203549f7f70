"""The words and rules of funds and of who organises a class (seed 000 items 11 and 21).

The 综合定额 (accommodation, meals, venue, materials, local transport, other) is paid per person-day by the
class's category: 一类 760, 二类 650, 三类 550 元 (the central training-fee rules). Days beyond 30 count at 70%;
arrival and departure days are included, at most one each. These are settings: provinces publish their own.
"""
from __future__ import annotations

ORGANISER_KINDS = ("本级举办", "上级调训", "单位自办")
OWN, HIGHER, UNIT = ORGANISER_KINDS
FEE_CATEGORIES = ("一类", "二类", "三类")
EXPENSE_ITEMS = ("住宿费", "伙食费", "场地费", "资料费", "交通费", "师资费", "其他")
LUMP_SUM = "综合定额"
LECTURE_FEES = "师资费"

FEE_DEFAULTS = {
    "fund_rates": {"一类": 760.0, "二类": 650.0, "三类": 550.0},  # 元 per person per day
    "fund_full_days": 30,  # days counted in full; the rest at fund_later_share
    "fund_later_share": 0.7,
    "fund_travel_days": 1,  # arrival and departure days included, at most this many each
}


def person_days(days: int, full_days: int = 30, later_share: float = 0.7) -> float:
    """The days a person counts for: the first full_days in full, the rest at later_share (60 days: 30 + 30 × 0.7)."""
    return min(days, full_days) + max(0, days - full_days) * later_share


def lump_sum(people: int, days: int, rate: float, full_days: int = 30, later_share: float = 0.7) -> float:
    """The 综合定额 of a period: people × person-days × rate (40 people, 60 days, 三类: 1,122,000 元)."""
    return round(people * person_days(days, full_days, later_share) * rate, 2)
