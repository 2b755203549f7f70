"""The hours rules as one record the settings dialog edits: attendance crediting and the requirements."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.services import attendance, settings
from app.services.hours import ledger
from app.services.safety import audit
from app.storage.connection import Database


@dataclass
class HoursRules:
    hours_per_day: float
    hours_per_half_day: float
    leave_fraction_denominator: int  # leave beyond 1/N of a period's hours means 退学
    report_within_days: int
    county_hours: float
    county_years: int
    county_days: int
    after_promotion_years: int
    township_hours: float
    township_days: int
    online_hours: float


def load(db: Database) -> HoursRules:
    rules = ledger.requirements(db)
    return HoursRules(
        attendance.setting(db, "hours_per_day"), attendance.setting(db, "hours_per_half_day"),
        round(1 / attendance.setting(db, "leave_limit")), int(attendance.setting(db, "report_within_days")),
        rules["county"]["hours"], rules["county"]["years"], rules["county"]["days"],
        rules["county"].get("after_promotion_years", 1), rules["township"]["hours"], rules["township"]["days"],
        rules["online"])


def errors(rules: HoursRules) -> dict[str, str]:
    found = {}
    if not 0 < rules.hours_per_half_day <= rules.hours_per_day <= 24:
        found["hours_per_day"] = "每天学时应在0到24之间，且不少于每半天学时"
    if not 2 <= rules.leave_fraction_denominator <= 50:
        found["leave_fraction_denominator"] = "请假上限应在总学时的1/2到1/50之间"
    for key, label in (("county_hours", "县处级以上学时"), ("township_hours", "乡科级及以下学时"), ("online_hours", "网络学习学时")):
        if getattr(rules, key) < 0:
            found[key] = f"{label}不能为负数"
    if not 1 <= rules.county_years <= 10:
        found["county_years"] = "年数应在1到10之间"
    return found


def save(db: Database, rules: HoursRules) -> None:
    if problems := errors(rules):
        raise ValidationError(problems)
    with db.atomic():
        settings.put(db, "hours_per_day", rules.hours_per_day)
        settings.put(db, "hours_per_half_day", rules.hours_per_half_day)
        settings.put(db, "leave_limit", 1 / rules.leave_fraction_denominator)
        settings.put(db, "report_within_days", rules.report_within_days)
        settings.put(db, ledger.REQUIREMENTS_KEY, {
            "county": {"hours": rules.county_hours, "years": rules.county_years, "days": rules.county_days,
                       "after_promotion_years": rules.after_promotion_years},
            "township": {"hours": rules.township_hours, "days": rules.township_days},
            "online": rules.online_hours})
        audit.record(db, "修改学时规则", detail=f"县处级以上{rules.county_years}年{rules.county_hours:g}学时，"
                                               f"乡科级及以下每年{rules.township_hours:g}学时，网络学习{rules.online_hours:g}学时")
