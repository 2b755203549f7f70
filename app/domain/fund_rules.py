"""The fee rules as settings (rates by category, days counted in full, the share after them, travel days), the
days a period's 综合定额 counts, and the funds rules' warnings (`over_standard`, `over_budget`).

Days: the period's dates (first to last day, both counted) are the training days; in the county's practice
trainees report on the first morning and leave on the last afternoon, so those days are in them already. A
report date before the first day adds the days between as arrival days, at most `travel_days`. No departure
date is recorded, so none is added: the clerk adjusts the line where one was paid.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.funds import FEE_CATEGORIES, FEE_DEFAULTS, person_days

MAX_RATE = 100000.0
RULE_LABELS = {"over_standard": "综合定额超标准", "over_budget": "支出超预算"}


@dataclass(frozen=True)
class FundRules:
    rates: dict[str, float] = field(default_factory=lambda: dict(FEE_DEFAULTS["fund_rates"]))
    full_days: int = FEE_DEFAULTS["fund_full_days"]
    later_share: float = FEE_DEFAULTS["fund_later_share"]
    travel_days: int = FEE_DEFAULTS["fund_travel_days"]

    def rate(self, category: str) -> float:
        return float(self.rates.get(category, self.rates.get("三类", 0.0)))

    def person_days(self, days: int) -> float:
        return person_days(days, self.full_days, self.later_share)


def rules_errors(rules: FundRules) -> dict[str, str]:
    errors = {}
    for category in FEE_CATEGORIES:
        if not 0 <= rules.rates.get(category, -1) <= MAX_RATE:
            errors[f"rate.{category}"] = f"{category}的综合定额应在0到{MAX_RATE:g}元之间"
    if not 1 <= rules.full_days <= 366:
        errors["full_days"] = "全额计算的天数应在1到366天之间"
    if not 0 <= rules.later_share <= 1:
        errors["later_share"] = "超出天数的计算比例应在0到100%之间"
    if not 0 <= rules.travel_days <= 3:
        errors["travel_days"] = "报到天数应在0到3天之间"
    return errors


def arrival_days(start_date: str, report_time: str, travel_days: int) -> int:
    """Days trainees report before the first day (report_time "2020-05-10 15:00"), at most travel_days."""
    try:
        reported = date.fromisoformat((report_time or "")[:10])
    except ValueError:
        return 0
    early = (date.fromisoformat(start_date) - reported).days
    return max(0, min(early, travel_days))


def days_text(days: int, rules: FundRules) -> str:
    """(30 + 30 × 70%) for 60 days, 20 for 20."""
    if days <= rules.full_days:
        return f"{days}"
    return f"({rules.full_days} + {days - rules.full_days} × {rules.later_share * 100:g}%)"


@dataclass(frozen=True)
class FundWarning:
    rule: str  # over_standard, over_budget
    message: str


def standard_warning(spent: float, person_days_: float, rate: float, category: str) -> FundWarning | None:
    """The 综合定额 items' spending per counted person-day above the category's rate."""
    if person_days_ <= 0 or spent <= 0:
        return None
    per_day = spent / person_days_
    if per_day <= rate + 0.005:
        return None
    return FundWarning("over_standard", f"综合定额支出每人每天{per_day:,.2f}元，超过{category}标准{rate:g}元"
                                        f"（{spent:,.2f}元 ÷ {person_days_:g}人天）")


def budget_warning(spent: float, budget: float) -> FundWarning | None:
    if spent <= budget + 0.005:
        return None
    return FundWarning("over_budget", f"实际支出{spent:,.2f}元，超出预算{budget:,.2f}元（多{spent - budget:,.2f}元）")
