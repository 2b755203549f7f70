"""The fee rules' settings (综合定额 rates by category, days in full, the share after them, arrival days):
read with their defaults, checked and saved in one logged transaction."""
from __future__ import annotations

from app.domain.errors import ValidationError
from app.domain.fund_rules import FundRules, rules_errors
from app.domain.funds import FEE_CATEGORIES, FEE_DEFAULTS
from app.services import settings
from app.services.safety import audit
from app.storage.connection import Database

KEYS = ("fund_rates", "fund_full_days", "fund_later_share", "fund_travel_days")


def fund_rules(db: Database) -> FundRules:
    stored = {key: settings.get(db, key, FEE_DEFAULTS[key]) for key in KEYS}
    rates = {**FEE_DEFAULTS["fund_rates"], **{k: float(v) for k, v in (stored["fund_rates"] or {}).items()
                                               if k in FEE_CATEGORIES}}
    return FundRules(rates, int(stored["fund_full_days"]), float(stored["fund_later_share"]),
                     int(stored["fund_travel_days"]))


def save_fund_rules(db: Database, rules: FundRules) -> None:
    if errors := rules_errors(rules):
        raise ValidationError(errors)
    with db.atomic():
        settings.put(db, "fund_rates", {k: rules.rates[k] for k in FEE_CATEGORIES})
        settings.put(db, "fund_full_days", rules.full_days)
        settings.put(db, "fund_later_share", rules.later_share)
        settings.put(db, "fund_travel_days", rules.travel_days)
        rates = "，".join(f"{k}{rules.rates[k]:g}元" for k in FEE_CATEGORIES)
        audit.record(db, "修改经费标准", detail=f"{rates}；前{rules.full_days}天全额，其后按"
                                             f"{rules.later_share * 100:g}%；报到最多{rules.travel_days}天")
