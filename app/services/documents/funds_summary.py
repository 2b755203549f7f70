"""The year's 专项经费 summary (A4, official form style): budget, spending, balance and fees received per class,
each organiser kind apart (本级举办, 上级调训, 单位自办) with its subtotal, the year's total, spending by item, and
the periods whose spending exceeds the standard or the budget."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.domain.errors import UserError
from app.domain.money import yuan
from app.domain.text import chinese_numeral
from app.services.documents.formats import cn_date
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.sources import issue_date
from app.services.documents.typeset import Typesetter
from app.services.funds.summary import Totals, YearFunds, year_funds
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

HEADER = ["班次", "期数", "预算（元）", "实际支出（元）", "结余（元）", "收费（元）"]
WIDTHS = (0, 10, 25, 25, 25, 23)


def _row(t: Typesetter, totals: Totals, label: str | None = None) -> list[str]:
    name = t.check(label or totals.label, "班次", "名称")
    return [name, str(totals.periods), yuan(totals.budget), yuan(totals.spent), yuan(totals.balance), yuan(totals.received)]


def class_rows(t: Typesetter, year: YearFunds) -> list[list[str]]:
    rows = []
    for kind in year.kinds:
        rows += [_row(t, c) for c in year.classes if c.organiser_kind == kind.label]
        rows.append(_row(t, kind, f"{kind.label}小计"))
    rows.append(_row(t, year.total, "合计"))
    return rows


def _widths(*mms: float) -> list[float]:
    fixed = sum(mms)
    return [(FORM.width / mm - fixed if w == 0 else w) * mm for w in mms]


def _splittable(style: ParagraphStyle) -> ParagraphStyle:
    """The heading over a long table: kept with it, reportlab would move both to the next page whole."""
    return ParagraphStyle(f"{style.name}_open", parent=style, keepWithNext=0)


def story_of(t: Typesetter, year: YearFunds) -> list:
    s = t.styles
    title = f"{year.year}年干部教育培训专项经费使用情况汇总表"
    items = [[item, yuan(amount)] for item, amount in year.total.by_item.items()]
    story = [DocumentStart(0), t.title(title, s.form_title, FORM.width),
             t.para(f"统计范围：{year.year}年开班的期次，按举办方式分列；统计日期：{cn_date(issue_date(None))}", s.subtitle),
             t.para(f"{chinese_numeral(1)}、按班次", _splittable(s.form_heading)),
             t.table(HEADER, class_rows(t, year), _widths(*WIDTHS), centered=(1, 2, 3, 4, 5), total_row=True),
             t.para(f"{chinese_numeral(2)}、按支出项目", s.form_heading),
             t.table(["支出项目", "金额（元）"], [*items, ["合计", yuan(year.total.spent)]], _widths(0, 50),
                     centered=(1,), total_row=True)]
    warned = [(p.label, w.message) for p in year.periods for w in p.warnings]
    if warned:
        story += [t.para(f"{chinese_numeral(3)}、超标准、超预算提示", s.form_heading),
                  t.table(["期次", "提示"], [[t.check(label, label, "期次"), message] for label, message in warned],
                          _widths(70, 0))]
    return story


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    year = year_funds(db, request.year)
    if not year.periods:
        raise UserError(f"{request.year}年没有期次，没有可汇总的经费")
    t = Typesetter()
    return build_pdf(target, story_of(t, year), t, FORM, f"{request.year}年专项经费汇总表", progress=progress)
