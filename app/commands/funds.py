"""funds, add-expense, import-expenses: a period's or a year's budget against actual (JSON or a table), one
expense typed, and spending imported from a sheet.

import-expenses exits 0 when every row was imported, 3 when some were refused (the good ones are imported and
the refused listed with their reasons), 2 when the file cannot be read, is refused, or has no good row.
"""
from __future__ import annotations

from pathlib import Path

from app.commands.output import EXIT_OK, emit
from app.domain.funds import EXPENSE_ITEMS
from app.domain.models import Expense
from app.services.funds import expense_import, expenses
from app.services.funds.summary import Totals, period_funds, year_funds
from app.services.funds.view import period_json, period_lines, totals_json

EXIT_REFUSED = 3


def register(commands, common) -> None:
    sub = commands.add_parser("funds", parents=[common], help="一期或一年的经费：预算、实际支出、收费和提示")
    scope = sub.add_mutually_exclusive_group(required=True)
    scope.add_argument("--period", type=int, help="期次编号（见 periods 命令）")
    scope.add_argument("--year", type=int, help="年度：各期次、班次、计划和举办方式的合计")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.set_defaults(handler=_funds)

    sub = commands.add_parser("add-expense", parents=[common], help="登记一期的一笔支出")
    sub.add_argument("--period", type=int, required=True, help="期次编号（见 periods 命令）")
    sub.add_argument("--item", required=True, help=f"支出项目：{'、'.join(EXPENSE_ITEMS)}，或自填")
    sub.add_argument("--amount", required=True, help="金额（元）")
    sub.add_argument("--date", default="", help="支付日期，如 2020-03-02")
    sub.add_argument("--payee", default="", help="收款单位或收款人")
    sub.add_argument("--voucher", default="", help="凭证号")
    sub.add_argument("--notes", default="", help="摘要")
    sub.set_defaults(handler=_add, writes=True)

    sub = commands.add_parser("import-expenses", parents=[common], help="从 Excel 导入一期的支出明细")
    sub.add_argument("file", type=Path, metavar="FILE", help="支出明细，应有“项目”和“金额”两列")
    sub.add_argument("--period", type=int, required=True, help="期次编号（见 periods 命令）")
    sub.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    sub.set_defaults(handler=_import, writes=lambda args: not args.dry_run)


def _funds(db, args) -> int:
    if args.period is not None:
        funds = period_funds(db, args.period)
        return emit(args, period_json(funds), period_lines(funds))
    year = year_funds(db, args.year)
    record = {"year": year.year, "periods": [period_json(p) for p in year.periods],
              "classes": [totals_json(t) for t in year.classes], "plans": [totals_json(t) for t in year.plans],
              "organiser_kinds": [totals_json(t) for t in year.kinds], "total": totals_json(year.total)}
    lines = [f"{year.year}年经费（预算 / 实际支出 / 收费）"]
    lines += [_totals_line("班次", t) for t in year.classes]
    lines += [_totals_line("举办方式", t) for t in year.kinds]
    lines.append(_totals_line("合计", year.total))
    lines += [f"提示：{p.label}：{w.message}" for p in year.periods for w in p.warnings]
    return emit(args, record, lines)


def _totals_line(kind: str, t: Totals) -> str:
    return (f"{kind}\t{t.label}\t{t.periods}期\t预算{t.budget:,.2f}\t支出{t.spent:,.2f}\t收费{t.received:,.2f}"
            + (f"\t提示{t.warnings}条" if t.warnings else ""))


def _add(db, args) -> int:
    saved = expenses.save_expense(db, Expense(args.period, args.item, 0, payee=args.payee, voucher=args.voucher,
                                              notes=args.notes), args.amount, args.date)
    print(f"已登记：{saved.item} {saved.amount:,.2f}元" + (f"（{saved.day}）" if saved.day else "")
          + f"，支出编号{saved.id}")
    return EXIT_OK


def _import(db, args) -> int:
    found = expense_import.analyse(db, args.file, args.period)
    print(f"{found.file_name}（工作表“{found.sheet_name}”）→ {found.period_label}")
    print(f"识别的列：{'、'.join(found.columns)}")
    if args.dry_run:
        print("检查结果（未写入）：" + found.summary())
    else:
        expense_import.commit(db, found)
        print("导入完成：" + found.summary(done=True))
        if found.backup is not None:
            print(f"导入前的数据已备份：{found.backup}")
    for row in found.rows:
        if row.status != expense_import.IMPORTED:
            print(f"第{row.line}行 {row.status}：{row.reason}")
    return EXIT_REFUSED if found.refused else EXIT_OK


