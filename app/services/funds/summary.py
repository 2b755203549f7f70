"""Budget against actual: a period's (budget lines, spending by item, fees received, warnings), and summed per
class, plan and organiser kind (本级举办, 上级调训, 单位自办 kept apart) for a year, with the year's total."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.fund_rules import FundWarning, budget_warning, standard_warning
from app.domain.funds import LECTURE_FEES, ORGANISER_KINDS
from app.services.funds.budget import Budget, period_budget
from app.services.funds.expenses import by_item, period_expenses
from app.services.funds.fees_received import FeeStatus, fee_status
from app.storage import periods as period_store
from app.storage import tables
from app.storage.connection import Database


@dataclass
class PeriodFunds:
    period_id: int
    label: str  # 县管副职领导干部进修班第1期
    start_date: str
    end_date: str
    class_id: int
    plan_id: int | None
    organiser_kind: str
    budget: Budget
    spent: dict[str, float]
    fees: FeeStatus
    warnings: list[FundWarning] = field(default_factory=list)

    @property
    def spent_total(self) -> float:
        return round(sum(self.spent.values()), 2)

    @property
    def lump_spent(self) -> float:
        """Spending the 综合定额 covers: everything but the 师资费."""
        return round(sum(amount for item, amount in self.spent.items() if item != LECTURE_FEES), 2)

    @property
    def per_person_day(self) -> float | None:
        days = self.budget.basis.total_person_days
        return round(self.lump_spent / days, 2) if days else None


def period_funds(db: Database, period_id: int) -> PeriodFunds:
    period = tables.periods(db).get(period_id)
    cls = tables.classes(db).get(period.class_id)
    budget = period_budget(db, period_id)
    found = PeriodFunds(period_id, f"{cls.name}第{period.number}期", period.start_date, period.end_date, cls.id,
                        cls.plan_id, cls.organiser_kind, budget, by_item(period_expenses(db, period_id)),
                        fee_status(db, period_id))
    basis = budget.basis
    found.warnings = [w for w in (standard_warning(found.lump_spent, basis.total_person_days, basis.rate, basis.category),
                                  budget_warning(found.spent_total, budget.total)) if w]
    return found


@dataclass
class Totals:
    """Budget, spending and fees received summed over some periods."""
    label: str
    organiser_kind: str = ""
    periods: int = 0
    budget: float = 0.0
    spent: float = 0.0
    received: float = 0.0
    warnings: int = 0
    by_item: dict[str, float] = field(default_factory=dict)

    def add(self, funds: PeriodFunds) -> None:
        self.periods += 1
        self.budget = round(self.budget + funds.budget.total, 2)
        self.spent = round(self.spent + funds.spent_total, 2)
        self.received = round(self.received + funds.fees.received, 2)
        self.warnings += len(funds.warnings)
        for item, amount in funds.spent.items():
            self.by_item[item] = round(self.by_item.get(item, 0.0) + amount, 2)

    @property
    def balance(self) -> float:
        return round(self.budget - self.spent, 2)


@dataclass
class YearFunds:
    year: int
    periods: list[PeriodFunds]
    classes: list[Totals]  # per class, in the year's order
    plans: list[Totals]
    kinds: list[Totals]  # per organiser kind, each apart
    total: Totals


def year_periods(db: Database, year: int) -> list[int]:
    """The live periods that begin in the year."""
    return [p.id for p in period_store.list_periods(db, year=year) if p.start_date.startswith(str(year))]


def year_funds(db: Database, year: int) -> YearFunds:
    periods = [period_funds(db, period_id) for period_id in year_periods(db, year)]
    classes: dict[int, Totals] = {}
    plans: dict[int | None, Totals] = {}
    kinds = {kind: Totals(kind, kind) for kind in ORGANISER_KINDS}
    total = Totals(f"{year}年合计")
    class_names = {c.id: c.name for c in tables.classes(db).all()}
    plan_titles = {p.id: p.title for p in tables.plans(db).all()}
    for funds in periods:
        kinds.setdefault(funds.organiser_kind, Totals(funds.organiser_kind, funds.organiser_kind))
        for totals in (classes.setdefault(funds.class_id, Totals(class_names[funds.class_id], funds.organiser_kind)),
                       plans.setdefault(funds.plan_id, Totals(plan_titles.get(funds.plan_id, "未列入计划"),
                                                              funds.organiser_kind)),
                       kinds[funds.organiser_kind], total):
            totals.add(funds)
    return YearFunds(year, periods, list(classes.values()), list(plans.values()),
                     [t for t in kinds.values() if t.periods], total)
