"""Funds as Excel: a period's 经费结算 (budget lines, budget against actual, each expense) and the year's 专项经费
summary (per class with each organiser kind's subtotal, by item, the warnings); amounts kept as numbers. Not
logged: they hold no personal data."""
from __future__ import annotations

from pathlib import Path

from app.domain.funds import LECTURE_FEES, LUMP_SUM
from app.services.exports.tables import ExportTable, export_tables
from app.services.exports.xlsx import XlsxColumn
from app.services.funds.expenses import period_expenses
from app.services.funds.summary import PeriodFunds, period_funds, year_funds
from app.storage.connection import Database

BUDGET = [XlsxColumn("项目", 8), XlsxColumn("计算依据", 30), XlsxColumn("按标准计算（元）", 9),
          XlsxColumn("预算（元）", 9), XlsxColumn("备注", 12)]
COMPARE = [XlsxColumn("项目", 8), XlsxColumn("预算（元）", 9), XlsxColumn("实际支出（元）", 9), XlsxColumn("结余（元）", 9)]
SPENDING = [XlsxColumn("序号", 3), XlsxColumn("日期", 6, text=True), XlsxColumn("项目", 6), XlsxColumn("收款单位", 14),
            XlsxColumn("金额（元）", 8), XlsxColumn("凭证号", 8, text=True), XlsxColumn("摘要", 16)]
YEAR = [XlsxColumn("举办方式", 6), XlsxColumn("班次", 24), XlsxColumn("期数", 4), XlsxColumn("预算（元）", 9),
        XlsxColumn("实际支出（元）", 9), XlsxColumn("结余（元）", 9), XlsxColumn("收费（元）", 9), XlsxColumn("提示", 4)]


def _compare(funds: PeriodFunds) -> list[list]:
    budget = {item.item: item.amount for item in funds.budget.items}
    rows = [[LUMP_SUM, budget.get(LUMP_SUM, 0), funds.lump_spent, round(budget.get(LUMP_SUM, 0) - funds.lump_spent, 2)],
            [LECTURE_FEES, budget.get(LECTURE_FEES, 0), funds.spent.get(LECTURE_FEES, 0),
             round(budget.get(LECTURE_FEES, 0) - funds.spent.get(LECTURE_FEES, 0), 2)]]
    rows += [[i.item, i.amount, "", ""] for i in funds.budget.items if i.item not in (LUMP_SUM, LECTURE_FEES)]
    rows.append(["合计", funds.budget.total, funds.spent_total, round(funds.budget.total - funds.spent_total, 2)])
    return rows


def period_tables(db: Database, period_id: int) -> list[ExportTable]:
    funds = period_funds(db, period_id)
    title = f"{funds.label}经费结算表"
    warnings = "；".join(w.message for w in funds.warnings)
    budget = [[i.item, i.basis, i.computed if i.computed is not None else "", i.amount, i.notes] for i in funds.budget.items]
    budget.append(["合计", "", "", funds.budget.total, ""])
    spent = [[n, e.day, e.item, e.payee, e.amount, e.voucher, e.notes]
             for n, e in enumerate(period_expenses(db, period_id), start=1)]
    spent.append(["合计", "", "", "", funds.spent_total, "", ""])
    return [ExportTable("预算", title, BUDGET, budget, subtitle=f"{funds.start_date}至{funds.end_date}"),
            ExportTable("预算执行", title, COMPARE, _compare(funds), subtitle=warnings),
            ExportTable("支出明细", title, SPENDING, spent)]


def year_tables(db: Database, year: int) -> list[ExportTable]:
    found = year_funds(db, year)
    rows = []
    for kind in found.kinds:
        rows += [[c.organiser_kind, c.label, c.periods, c.budget, c.spent, c.balance, c.received, c.warnings]
                 for c in found.classes if c.organiser_kind == kind.label]
        rows.append([kind.label, "小计", kind.periods, kind.budget, kind.spent, kind.balance, kind.received, kind.warnings])
    t = found.total
    rows.append(["合计", "", t.periods, t.budget, t.spent, t.balance, t.received, t.warnings])
    title = f"{year}年干部教育培训专项经费使用情况汇总表"
    items = [[item, amount] for item, amount in t.by_item.items()] + [["合计", t.spent]]
    warned = [[p.label, w.message] for p in found.periods for w in p.warnings]
    return [ExportTable("按班次", title, YEAR, rows),
            ExportTable("按支出项目", title, [XlsxColumn("支出项目", 10), XlsxColumn("金额（元）", 10)], items),
            ExportTable("提示", title, [XlsxColumn("期次", 28), XlsxColumn("提示", 50)], warned)]


def export_period(db: Database, period_id: int, path: str | Path) -> Path:
    return export_tables(db, path, period_tables(db, period_id))


def export_year(db: Database, year: int, path: str | Path) -> Path:
    return export_tables(db, path, year_tables(db, year))
