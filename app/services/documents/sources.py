"""What the documents print, read from the database: a period with its class, plan and contacts, and
its trainees with their person and unit details, in unit order or surname stroke order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.errors import UserError
from app.domain.models import Contact, Period, Plan, TrainingClass
from app.domain.trainee_order import in_order
from app.services import settings
from app.storage import quotas, tables
from app.storage import trainees as trainee_queries
from app.storage.classes import class_contacts
from app.storage.connection import Database
from app.storage.plans import plan_contacts
from app.storage.trainees import Trainee

ORDERS = {"unit": "按单位顺序", "strokes": "按姓氏笔画"}


@dataclass
class PeriodInfo:
    period: Period
    training_class: TrainingClass
    plan: Plan | None
    contacts: list[Contact] = field(default_factory=list)
    office: str = ""  # the issuing body when the class names no organizer

    @property
    def title(self) -> str:
        return f"{self.training_class.name}第{self.period.number}期"

    @property
    def issuer(self) -> str:
        return self.training_class.organizer or self.office


def period_info(db: Database, period_id: int) -> PeriodInfo:
    period = tables.periods(db).get(period_id)
    training_class = tables.classes(db).get(period.class_id)
    plan = tables.plans(db).get(training_class.plan_id) if training_class.plan_id else None
    contacts = class_contacts(db, training_class.id)
    if not contacts and plan is not None:
        contacts = plan_contacts(db, plan.id)
    info = PeriodInfo(period, training_class, plan, contacts, settings.get(db, "office_name") or "")
    if not info.issuer:
        raise UserError("没有发文机关：请在班次中填写主办单位，或在文书设置中填写发文机关名称")
    return info


def trainees(db: Database, period_id: int, unit_id: int | None = None, statuses: tuple[str, ...] = (),
             order: str = "unit") -> list[Trainee]:
    """The period's trainees (not the replaced or withdrawn), optionally of one unit or some statuses."""
    return sort_trainees(trainee_queries.trainees(db, period_id, unit_id, statuses), order)


def requested_trainees(db: Database, request, what: str, statuses: tuple[str, ...] = (),
                       none: str = "还没有学员") -> tuple[PeriodInfo, list[Trainee]]:
    """The requested period and its trainees (of the requested unit, in the requested order), or a
    UserError such as "…第1期还没有学员，没有可打印的签到表"."""
    info = period_info(db, request.period_id)
    found = trainees(db, info.period.id, unit_id=request.unit_id, statuses=statuses, order=request.order)
    if not found:
        raise UserError(f"{info.title}{none}，没有可打印的{what}")
    return info, found


def sort_trainees(found: list[Trainee], order: str) -> list[Trainee]:
    if order not in ORDERS:
        raise UserError(f"未知的排序方式“{order}”：可选 " + "、".join(ORDERS))
    return in_order(found, order)


def issue_date(value: str | date | None) -> str:
    """The 成文日期 as an ISO date: the one given, else today."""
    if value is None:
        return date.today().isoformat()
    return value if isinstance(value, str) else value.isoformat()


period_units = quotas.called_units  # (id, name) of the units with seats or trainees in the period
