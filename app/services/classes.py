"""Training classes and their periods: listing, saving with validation, contacts."""
from __future__ import annotations

from sqlite_utils import Database

from app.domain.errors import ValidationError
from app.domain.models import Contact, Period, TrainingClass
from app.domain.validation import class_errors, period_errors
from app.services.safety import audit
from app.storage import classes as class_queries
from app.storage import tables

list_classes = class_queries.list_classes
list_periods = class_queries.list_periods


def get_class(db: Database, class_id: int) -> TrainingClass:
    return tables.classes(db).get(class_id)


def get_period(db: Database, period_id: int) -> Period:
    return tables.periods(db).get(period_id)


def class_contacts(db: Database, class_id: int) -> list[Contact]:
    return tables.contacts(db).where("class_id = ?", [class_id], order_by="sort_order, id")


def save_class(db: Database, training_class: TrainingClass) -> TrainingClass:
    if errors := class_errors(training_class):
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.classes(db).save(training_class)
        audit.record(db, "保存班次", "class", saved.id, saved.name)
    return saved


def save_period(db: Database, period: Period) -> Period:
    errors = period_errors(period)
    if not errors:
        errors = _overlap_errors(db, period)
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.periods(db).save(period)
        audit.record(db, "保存期次", "period", saved.id, f"第{saved.number}期 {saved.start_date}")
    return saved


def _overlap_errors(db: Database, period: Period) -> dict[str, str]:
    siblings = tables.periods(db).where("class_id = ? AND id IS NOT ?", [period.class_id, period.id])
    for other in siblings:
        if other.number == period.number:
            return {"number": f"本班次已有第{other.number}期"}
        if other.start_date <= period.end_date and period.start_date <= other.end_date:
            return {"start_date": f"与本班次第{other.number}期（{other.start_date}至{other.end_date}）时间重叠"}
    return {}
