"""A period's spending (支出) by item: checked, added, changed and deleted in logged transactions."""
from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date

from app.domain.errors import StaleRecord, UserError, ValidationError
from app.domain.funds import EXPENSE_ITEMS
from app.domain.models import Expense
from app.domain.text import clean, formula_start, to_halfwidth
from app.services.safety import audit
from app.services.teaching.timetable_import.cells import day_candidates
from app.storage import funds as store
from app.storage import tables
from app.storage.connection import Database

MAX_AMOUNT = 100_000_000.0
LIMITS = {"item": 30, "payee": 100, "voucher": 50, "notes": 500}


def parse_amount(value: object) -> float | None:
    """1200, "1,200.50", "1200元", "￥1200"; None when not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = re.sub(r"[\s,，¥￥]|元$", "", to_halfwidth(clean(value)))
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def parse_day(value: object, years: tuple[int, ...]) -> str | None:
    """An ISO date, '' for a blank, None when it cannot be read (2020-03-02, 2020/3/2, 3月2日 in the period's year)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    found = day_candidates(value, years)
    return found[0].isoformat() if found and len(found) == 1 else None


def years_of(db: Database, period_id: int) -> tuple[int, ...]:
    period = tables.periods(db).get(period_id)
    return tuple(dict.fromkeys((date.fromisoformat(period.start_date).year, date.fromisoformat(period.end_date).year)))


def expense_errors(expense: Expense, amount: object, day: object, years: tuple[int, ...]) -> tuple[dict, float, str]:
    """The errors of a typed expense, with its amount and date as they will be stored."""
    errors: dict[str, str] = {}
    value = parse_amount(amount)
    if value is None:
        errors["amount"] = f"金额“{clean(amount)}”不是数字" if clean(amount) else "请填写金额"
    elif not 0 < value <= MAX_AMOUNT:
        errors["amount"] = "金额应大于0、不超过1亿元"
    iso = parse_day(day, years)
    if iso is None:
        errors["day"] = f"日期“{clean(day)}”无效，请写成 2020-03-02"
    if not expense.item:
        errors["item"] = f"请填写支出项目（{'、'.join(EXPENSE_ITEMS)}或自填）"
    for key, limit in LIMITS.items():
        text = getattr(expense, key)
        if len(text) > limit:
            errors.setdefault(key, f"不能超过{limit}个字")
        elif formula_start(text):
            errors.setdefault(key, "不能以 = + - @ 开头")
    return errors, round(value or 0.0, 2), iso or ""


def _cleaned(expense: Expense) -> Expense:
    return Expense(expense.period_id, clean(expense.item), 0.0, "", clean(expense.payee), clean(expense.voucher),
                   clean(expense.notes), expense.id, version=expense.version)


def checked(db: Database, expense: Expense, amount: object, day: object) -> Expense:
    """The expense ready to store, or ValidationError naming each bad field."""
    tables.periods(db).get(expense.period_id)  # NotFound for an unknown period
    draft = _cleaned(expense)
    errors, value, iso = expense_errors(draft, amount, day, years_of(db, expense.period_id))
    if errors:
        raise ValidationError(errors)
    draft.amount, draft.day = value, iso
    return draft


def _label(db: Database, period_id: int) -> str:
    period = tables.periods(db).get(period_id)
    return f"{tables.classes(db).get(period.class_id).name}第{period.number}期"


def save_expense(db: Database, expense: Expense, amount: object, day: object) -> Expense:
    """Adds (no id) or changes an expense."""
    ready = checked(db, expense, amount, day)
    if ready.id is not None:
        tables.expenses(db).get(ready.id)
    with db.atomic():
        saved = tables.expenses(db).save(ready)
        audit.record(db, "修改支出" if expense.id else "登记支出", "expenses", saved.id,
                     f"{_label(db, saved.period_id)}{saved.item}{saved.amount:,.2f}元"
                     + (f"（凭证{saved.voucher}）" if saved.voucher else ""))
    return saved


def delete_expense(db: Database, expense_id: int) -> Expense:
    expense = tables.expenses(db).get(expense_id)
    with db.atomic():
        tables.expenses(db).delete(expense_id)
        audit.record(db, "删除支出", "expenses", expense_id,
                     f"{_label(db, expense.period_id)}{expense.item}{expense.amount:,.2f}元")
    return expense


def period_expenses(db: Database, period_id: int) -> list[Expense]:
    return store.expenses(db, period_id)


def by_item(expenses: list[Expense]) -> dict[str, float]:
    """Spent per item: the standard items in their order, then typed ones."""
    totals: dict[str, float] = {}
    for expense in expenses:
        totals[expense.item] = round(totals.get(expense.item, 0.0) + expense.amount, 2)
    order = {item: n for n, item in enumerate(EXPENSE_ITEMS)}
    return dict(sorted(totals.items(), key=lambda pair: order.get(pair[0], len(order))))


def restore_expense(db: Database, expense_id: int, expected: Expense | None, target: Expense | None, action: str) -> None:
    """Undo and redo: the expense goes from `expected` (None: absent) back to `target`, refused with the reason,
    and nothing changed, when someone has changed it since (StaleRecord when another clerk saved it: its
    version moved). After writing, `target` holds the version it now has, for the step's way back."""
    current = store.expense_or_none(db, expense_id)
    if current is not None and expected is not None and expected.version and current.version != expected.version:
        raise StaleRecord(current.changed_by, current.changed_at)
    if current != expected:
        raise UserError("这笔支出在此之后已被修改或删除")
    shown = target or expected
    with db.atomic():
        if target is None:
            tables.expenses(db).delete(expense_id)
        elif current is None:
            store.put_back_expense(db, target)
        else:
            tables.expenses(db).update(replace(target, version=current.version))
        audit.record(db, action, "expenses", expense_id,
                     f"{_label(db, shown.period_id)}{shown.item}{shown.amount:,.2f}元")
    if target is not None and (written := store.expense_or_none(db, expense_id)) is not None:
        target.version, target.changed_by, target.changed_at = written.version, written.changed_by, written.changed_at
