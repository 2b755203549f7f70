"""The demo office's funds: spending for the 2020 periods held by the demo's today (by item, shares of the
period's 综合定额 as county Party schools bill them, the 师资费 as the lecture fees), a first instalment for a
period under way, one period over the standard (县管副职领导干部进修班第1期: its accommodation was billed at a
hotel), one adjusted budget line and one of the clerk's own, and the dates fees were received."""
from __future__ import annotations

import random
from datetime import date, timedelta

from app.domain.funds import LECTURE_FEES, LUMP_SUM
from app.domain.models import BudgetLine, Expense
from app.services.funds.budget import period_budget
from app.storage import funds as store
from app.storage import tables
from app.storage.connection import Database

# item, share of the 综合定额, payee, which day of the period it is paid (0 first, -1 last)
BILLS = (("住宿费", 0.40, "县委党校", -1), ("伙食费", 0.30, "县委党校食堂", -1), ("场地费", 0.09, "县委党校", -1),
         ("资料费", 0.05, "新华书店县分店", 0), ("交通费", 0.06, "县公共交通公司", -1), ("其他", 0.02, "县委党校", -1))
OVER = ("县管副职领导干部进修班", 1, 1.12)  # its spending 12% above the 综合定额: the warning to see
ADJUSTED = ("科级干部培训班", 1, 0.95, "按县财政局批复的预算（九五折）")
OWN_LINE = ("中青年干部培训班", 1, "教材费", 6600.0, "22人 × 300元")


def build_funds(db: Database, today: date) -> int:
    """Adds the spending, the budget lines and the fees' dates; returns how many expenses were added."""
    rng = random.Random(f"funds-{today}")
    labels = {c.id: c.name for c in tables.classes(db).all()}
    added, voucher = [], 1
    for period in sorted(tables.periods(db).all(), key=lambda p: (p.start_date, p.id)):
        name, start, end = labels[period.class_id], date.fromisoformat(period.start_date), date.fromisoformat(period.end_date)
        if start > today or not period.start_date.startswith("2020"):
            continue
        _budget_lines(db, period.id, name, period.number)
        share = OVER[2] if (name, period.number) == OVER[:2] else 0.9 + rng.random() * 0.06
        lump = next(i.computed for i in period_budget(db, period.id).items if i.item == LUMP_SUM)
        under_way = end > today
        for item, part, payee, day in BILLS[:2] if under_way else BILLS:
            amount = round(lump * part * share * (0.5 if under_way else 1))
            paid = (start if day == 0 else min(end, today)) + timedelta(days=1 if day else 0)
            added.append(Expense(period.id, item, float(amount), paid.isoformat(), payee, f"记-2020-{voucher:03d}",
                                 "首期结算" if under_way else ""))
            voucher += 1
        fees = next(i.computed for i in period_budget(db, period.id).items if i.item == LECTURE_FEES)
        if fees and not under_way:
            added.append(Expense(period.id, LECTURE_FEES, fees, (end + timedelta(days=3)).isoformat(), "授课人（见讲课费发放表）",
                                 f"记-2020-{voucher:03d}", "讲课费"))
            voucher += 1
        _fee_dates(db, period.id, period.start_date)
    tables.expenses(db).insert_many(added)
    return len(added)


def _budget_lines(db: Database, period_id: int, name: str, number: int) -> None:
    if (name, number) == ADJUSTED[:2]:
        item = period_budget(db, period_id).items[0]
        tables.budget_lines(db).insert(BudgetLine(period_id, LUMP_SUM, round(item.computed * ADJUSTED[2], 2),
                                                  item.basis, 0, ADJUSTED[3]))
    if (name, number) == OWN_LINE[:2]:
        tables.budget_lines(db).insert(BudgetLine(period_id, OWN_LINE[2], OWN_LINE[3], OWN_LINE[4], 10))


def _fee_dates(db: Database, period_id: int, day: str) -> None:
    """The demo's trainees paid on the day they reported."""
    store.date_fees_paid(db, period_id, day)
