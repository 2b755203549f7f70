"""A period's budget: the 综合定额 by the fee rules, the 师资费 from the timetable's lecture fees, and the
clerk's own lines. The clerk may adjust a computed line: the adjusted amount is stored in budget_lines under
the computed line's item, with the basis it had; both figures are shown."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import UserError, ValidationError
from app.domain.fund_rules import arrival_days, days_text
from app.domain.funds import LECTURE_FEES, LUMP_SUM
from app.domain.models import BudgetLine
from app.services.funds.rules import fund_rules
from app.services.safety import audit
from app.services.teaching import fees as lecture_fees
from app.storage import funds as store
from app.storage import roster as roster_store
from app.storage import tables
from app.storage.connection import Database

COMPUTED = (LUMP_SUM, LECTURE_FEES)
MAX_AMOUNT = 100_000_000.0


@dataclass
class Basis:
    """How the 综合定额 was worked out."""
    people: int
    people_source: str  # 已选调 or 计划
    days: int  # the period's days plus arrival days
    arrival: int
    person_days: float  # per person, after the 70% rule
    rate: float
    category: str

    @property
    def total_person_days(self) -> float:
        return round(self.people * self.person_days, 2)


@dataclass
class BudgetItem:
    item: str
    amount: float  # what counts: the adjusted figure where there is one
    computed: float | None = None  # None for the clerk's own lines
    basis: str = ""
    notes: str = ""
    line_id: int | None = None  # the stored line (an adjustment or an own line)
    version: int = 0  # the stored line's, what a form's save is made over

    @property
    def adjusted(self) -> bool:
        return self.computed is not None and self.line_id is not None


@dataclass
class Budget:
    period_id: int
    basis: Basis
    items: list[BudgetItem]

    @property
    def total(self) -> float:
        return round(sum(item.amount for item in self.items), 2)

    def amount(self, item: str) -> float:
        return sum(i.amount for i in self.items if i.item == item)


def lump_basis(db: Database, period_id: int) -> Basis:
    period = tables.periods(db).get(period_id)
    cls = tables.classes(db).get(period.class_id)
    rules = fund_rules(db)
    enrolled = roster_store.active_count(db, period_id)
    people, source = (enrolled, "已选调") if enrolled else (cls.trainees_per_period, "计划")
    arrival = arrival_days(period.start_date, period.report_time, rules.travel_days)
    days = period.days + arrival
    return Basis(people, source, days, arrival, rules.person_days(days), rules.rate(cls.fee_category), cls.fee_category)


def basis_text(db: Database, basis: Basis) -> str:
    rules = fund_rules(db)
    arrival = f"，含报到{basis.arrival}天" if basis.arrival else ""
    return (f"{basis.people}人（{basis.people_source}）× {days_text(basis.days, rules)}天{arrival} × "
            f"{basis.rate:g}元（{basis.category}）")


def period_budget(db: Database, period_id: int) -> Budget:
    basis = lump_basis(db, period_id)
    sheet = lecture_fees.period_sheet(db, period_id)
    computed = {LUMP_SUM: (round(basis.total_person_days * basis.rate, 2), basis_text(db, basis)),
                LECTURE_FEES: (sheet.total_amount, f"课程表{len(sheet.lines)}节课的讲课费" if sheet.lines else "尚无课程表")}
    stored = store.budget_lines(db, period_id)
    items = []
    for item, (amount, text) in computed.items():
        line = next((line for line in stored if line.item == item), None)
        items.append(BudgetItem(item, line.amount if line else amount, amount, text,
                                line.notes if line else "", line.id if line else None, line.version if line else 0))
    items += [BudgetItem(line.item, line.amount, None, line.basis, line.notes, line.id, line.version)
              for line in stored if line.item not in COMPUTED]
    return Budget(period_id, basis, items)


def _check(item: str, amount: object) -> float:
    errors = {}
    if not item.strip():
        errors["item"] = "请填写项目名称"
    elif len(item) > 30:
        errors["item"] = "项目名称不能超过30个字"
    try:
        value = float(amount)
    except (TypeError, ValueError):
        errors["amount"] = f"金额“{amount}”不是数字"
        value = 0.0
    else:
        if not 0 <= value <= MAX_AMOUNT:
            errors["amount"] = "金额应在0到1亿元之间"
    if errors:
        raise ValidationError(errors)
    return round(value, 2)


def _label(db: Database, period_id: int) -> str:
    period = tables.periods(db).get(period_id)
    return f"{tables.classes(db).get(period.class_id).name}第{period.number}期"


def adjust(db: Database, period_id: int, item: str, amount: object, notes: str = "", version: int = 0) -> BudgetLine:
    """Sets a computed line's amount (综合定额 or 师资费), kept with the basis it was computed on; with the
    `version` a form loaded, refused (StaleRecord) when someone saved the line since."""
    if item not in COMPUTED:
        raise UserError(f"“{item}”不是按标准计算的项目")
    value = _check(item, amount)
    current = next(i for i in period_budget(db, period_id).items if i.item == item)
    line = BudgetLine(period_id, item, value, current.basis, COMPUTED.index(item), notes.strip(), current.line_id,
                      version=version if current.line_id else 0)
    with db.atomic():
        line = tables.budget_lines(db).save(line)
        audit.record(db, "调整预算", "budget_lines", line.id,
                     f"{_label(db, period_id)}{item}：计算{current.computed:,.2f}元，调整为{value:,.2f}元")
    return line


def reset(db: Database, period_id: int, item: str) -> None:
    """Back to the computed figure."""
    line = next((i for i in period_budget(db, period_id).items if i.item == item and i.adjusted), None)
    if line is None:
        return
    with db.atomic():
        tables.budget_lines(db).delete(line.line_id)
        audit.record(db, "恢复预算计算值", "budget_lines", line.line_id, f"{_label(db, period_id)}{item}")


def save_own_line(db: Database, period_id: int, item: str, amount: object, basis: str = "",
                  line_id: int | None = None, version: int = 0) -> BudgetLine:
    """Adds or changes one of the clerk's own lines (not 综合定额 or 师资费); with the `version` a form
    loaded, refused (StaleRecord) when someone saved the line since."""
    value = _check(item, amount)
    item = item.strip()
    if item in COMPUTED:
        raise ValidationError({"item": f"“{item}”按标准计算，请调整该行，不要另加"})
    tables.periods(db).get(period_id)
    order = tables.budget_lines(db).get(line_id).sort_order if line_id else store.next_budget_order(db, period_id) + 10
    line = BudgetLine(period_id, item, value, basis.strip(), order, "", line_id, version=version if line_id else 0)
    with db.atomic():
        line = tables.budget_lines(db).save(line)
        audit.record(db, "修改预算项目" if line_id else "增加预算项目", "budget_lines", line.id,
                     f"{_label(db, period_id)}{item}：{value:,.2f}元")
    return line


def remove_own_line(db: Database, line_id: int) -> None:
    line = tables.budget_lines(db).get(line_id)
    if line.item in COMPUTED:
        raise UserError(f"“{line.item}”按标准计算，不能删除；可调整金额或恢复计算值")
    with db.atomic():
        tables.budget_lines(db).delete(line_id)
        audit.record(db, "删除预算项目", "budget_lines", line_id,
                     f"{_label(db, line.period_id)}{line.item}：{line.amount:,.2f}元")
