"""经费结算表 of a period (A4, official form style): how the budget was worked out, budget against actual by
item, fees received, the warnings, the balance in figures and in capitals, and lines for signatures."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from app.domain.funds import EXPENSE_ITEMS, LECTURE_FEES, LUMP_SUM
from app.domain.money import upper, yuan
from app.domain.text import chinese_numeral
from app.services.documents.formats import cn_range
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.preferences import letter_settings
from app.services.documents.request import DocumentRequest
from app.services.documents.typeset import Typesetter
from app.services.funds.summary import PeriodFunds, period_funds
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database


def comparison_rows(funds: PeriodFunds) -> list[list[str]]:
    """Each item with its budget and actual: 综合定额 against the items it covers, then 师资费 and the rest."""
    budget = {item.item: item.amount for item in funds.budget.items}
    rows = [[LUMP_SUM, yuan(budget.get(LUMP_SUM, 0)), yuan(funds.lump_spent), yuan(budget.get(LUMP_SUM, 0) - funds.lump_spent),
             "含" + "、".join(f"{item}{yuan(amount)}" for item, amount in funds.spent.items() if item != LECTURE_FEES)
             if funds.lump_spent else ""]]
    rows.append([LECTURE_FEES, yuan(budget.get(LECTURE_FEES, 0)), yuan(funds.spent.get(LECTURE_FEES, 0)),
                 yuan(budget.get(LECTURE_FEES, 0) - funds.spent.get(LECTURE_FEES, 0)), ""])
    rows += [[item.item, yuan(item.amount), "", "", item.basis] for item in funds.budget.items
             if item.item not in (LUMP_SUM, LECTURE_FEES)]
    rows.append(["合计", yuan(funds.budget.total), yuan(funds.spent_total), yuan(funds.budget.total - funds.spent_total), ""])
    return rows


def budget_rows(funds: PeriodFunds) -> list[list[str]]:
    return [[item.item, item.basis, yuan(item.computed) if item.computed is not None else "—", yuan(item.amount),
             item.notes or ("已调整" if item.adjusted else "")] for item in funds.budget.items]


def spending_rows(funds: PeriodFunds) -> list[list[str]]:
    order = {item: n for n, item in enumerate(EXPENSE_ITEMS)}
    return [[item, yuan(amount)] for item, amount in sorted(funds.spent.items(), key=lambda p: order.get(p[0], 99))]


def _widths(*mms: float) -> list[float]:
    fixed = sum(mms)
    return [(FORM.width / mm - fixed if w == 0 else w) * mm for w in mms]


def story_of(db: Database, t: Typesetter, funds: PeriodFunds) -> list:
    s = t.styles
    title = t.check(f"{funds.label}经费结算表", funds.label, "标题")
    basis = funds.budget.basis
    office = letter_settings(db).office_name
    head = f"培训时间：{cn_range(funds.start_date, funds.end_date)}　　举办方式：{funds.organiser_kind}"
    if office:
        head += f"　　结算单位：{t.check(office, '发文机关', '名称')}"
    lines = [f"按{basis.people}人（{basis.people_source}）、每人{basis.person_days:g}天计{basis.total_person_days:g}人天，"
             f"{basis.category}综合定额每人每天{basis.rate:g}元。"]
    if funds.per_person_day is not None and funds.lump_spent:
        lines.append(f"综合定额范围内实际支出每人每天{funds.per_person_day:,.2f}元。")
    story = [DocumentStart(0), t.title(title, s.form_title, FORM.width), t.para(head, s.subtitle),
             t.para(f"{chinese_numeral(1)}、预算", s.form_heading), t.para("".join(lines), s.subtitle),
             t.table(["项目", "计算依据", "按标准计算（元）", "预算（元）", "备注"], budget_rows(funds),
                     _widths(20, 0, 28, 26, 36), centered=(2, 3)),
             t.para(f"{chinese_numeral(2)}、预算执行", s.form_heading),
             t.table(["项目", "预算（元）", "实际支出（元）", "结余（元）", "说明"], comparison_rows(funds),
                     _widths(24, 28, 30, 28, 0), centered=(1, 2, 3), total_row=True)]
    if funds.fees.charges:
        story.append(t.para(f"{chinese_numeral(3)}、收费", s.form_heading))
        story.append(t.para(f"每人{yuan(funds.fees.fee)}元，{funds.fees.trainees}人应收{yuan(funds.fees.due)}元，"
                            f"已收{funds.fees.paid_count}人{yuan(funds.fees.received)}元。", s.subtitle))
    if funds.warnings:
        story.append(t.para("提示：" + "；".join(w.message for w in funds.warnings) + "。", s.subtitle))
    balance = funds.budget.total - funds.spent_total
    word = "结余" if balance >= 0 else "超支"
    story += [t.para(f"{word}金额（大写）：人民币{upper(abs(balance))}　　（小写）￥{yuan(abs(balance))}", s.subtitle),
              t.para("经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿", s.subtitle),
              t.para("日期：＿＿＿＿年＿＿月＿＿日", s.subtitle)]
    return story


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    t = Typesetter()
    funds = period_funds(db, request.period_id)
    return build_pdf(target, story_of(db, t, funds), t, FORM, f"{funds.label}经费结算表", progress=progress)
