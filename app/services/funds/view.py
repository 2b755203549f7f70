"""Funds as the command line and the exports show them: records for JSON and readable lines."""
from __future__ import annotations

from app.services.funds.summary import PeriodFunds, Totals


def period_json(funds: PeriodFunds) -> dict:
    basis = funds.budget.basis
    return {"period_id": funds.period_id, "period": funds.label, "start": funds.start_date, "end": funds.end_date,
            "organiser_kind": funds.organiser_kind,
            "basis": {"people": basis.people, "people_source": basis.people_source, "days": basis.days,
                      "arrival_days": basis.arrival, "person_days_each": basis.person_days,
                      "person_days": basis.total_person_days, "category": basis.category, "rate": basis.rate},
            "budget": [{"item": i.item, "amount": i.amount, "computed": i.computed, "adjusted": i.adjusted,
                        "basis": i.basis, "notes": i.notes} for i in funds.budget.items],
            "budget_total": funds.budget.total,
            "actual": [{"item": item, "amount": amount} for item, amount in funds.spent.items()],
            "actual_total": funds.spent_total, "actual_per_person_day": funds.per_person_day,
            "fees": {"fee_per_trainee": funds.fees.fee, "trainees": funds.fees.trainees, "due": funds.fees.due,
                     "paid_count": funds.fees.paid_count, "received": funds.fees.received},
            "warnings": [{"rule": w.rule, "message": w.message} for w in funds.warnings]}


def period_lines(funds: PeriodFunds) -> list[str]:
    lines = [f"{funds.label}（{funds.start_date}至{funds.end_date}，{funds.organiser_kind}）", "预算："]
    for item in funds.budget.items:
        computed = f"（计算{item.computed:,.2f}元，已调整）" if item.adjusted else ""
        lines.append(f"  {item.item}\t{item.amount:,.2f}元{computed}\t{item.basis}")
    lines.append(f"  预算合计\t{funds.budget.total:,.2f}元")
    lines.append("实际支出：" if funds.spent else "实际支出：尚无")
    lines += [f"  {item}\t{amount:,.2f}元" for item, amount in funds.spent.items()]
    if funds.spent:
        lines.append(f"  支出合计\t{funds.spent_total:,.2f}元（结余{funds.budget.total - funds.spent_total:,.2f}元）")
    if funds.per_person_day is not None and funds.lump_spent:
        lines.append(f"综合定额支出每人每天{funds.per_person_day:,.2f}元（标准{funds.budget.basis.rate:g}元）")
    if funds.fees.charges:
        lines.append(f"收费：每人{funds.fees.fee:,.2f}元，应收{funds.fees.due:,.2f}元，"
                     f"已收{funds.fees.paid_count}人{funds.fees.received:,.2f}元")
    lines += [f"提示：{w.message}" for w in funds.warnings]
    return lines


def totals_json(t: Totals) -> dict:
    return {"label": t.label, "organiser_kind": t.organiser_kind, "periods": t.periods, "budget": t.budget,
            "actual": t.spent, "balance": t.balance, "fees_received": t.received, "warnings": t.warnings,
            "actual_by_item": t.by_item}
