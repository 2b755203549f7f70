"""Training classes and their periods, as the class form and the lists use them: listing, the form's draft
(a class with all its periods and contacts) saved in one transaction, one period moved on the calendar,
removing a class (deleted while nobody is enrolled, else archived), copying a class a year on."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.domain.errors import UserError, ValidationError
from app.domain.funds import UNIT
from app.domain.models import Contact, Period, PeriodRow, TrainingClass
from app.domain.phone import normalize_phone
from app.domain.schedule import days_between, next_year_iso, period_set_errors, shift_iso, shift_report_time
from app.domain.status import PeriodStatus
from app.domain.validation import Errors, class_errors, contact_errors, period_errors
from app.services.archive import set_archived
from app.services.safety import audit, backups
from app.storage import classes as class_queries
from app.storage import periods as period_queries
from app.storage import tables
from app.storage.connection import Database

list_classes = class_queries.list_classes
list_periods = period_queries.list_periods
class_contacts = class_queries.class_contacts
enrollment_count = class_queries.enrollment_count  # records of a period or of a class's periods, any status


def get_class(db: Database, class_id: int) -> TrainingClass:
    return tables.classes(db).get(class_id)


def get_period(db: Database, period_id: int) -> Period:
    return tables.periods(db).get(period_id)


@dataclass
class ClassDraft:
    """What the class form holds: the class, all its periods (archived ones too) and its contacts."""
    training_class: TrainingClass
    periods: list[PeriodRow] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    removed_period_ids: list[int] = field(default_factory=list)


def new_draft(db: Database, plan_id: int | None = None, plan_item_id: int | None = None) -> ClassDraft:
    """A new class; in a plan it takes the plan's 举办方式 (a city plan's classes are 上级调训)."""
    kind = tables.plans(db).get(plan_id).organiser_kind if plan_id else TrainingClass.organiser_kind
    return ClassDraft(TrainingClass(name="", plan_id=plan_id, plan_item_id=plan_item_id, organiser_kind=kind))


def plan_organiser_kind(db: Database, plan_id: int | None) -> str | None:
    return tables.plans(db).get(plan_id).organiser_kind if plan_id else None


def load_draft(db: Database, class_id: int) -> ClassDraft:
    periods = list_periods(db, class_id=class_id, include_archived=True)
    return ClassDraft(get_class(db, class_id), sorted(periods, key=lambda p: p.number), class_contacts(db, class_id))


def draft_errors(draft: ClassDraft) -> Errors:
    """Errors keyed by field: "name", "periods.0.end_date", "contacts.1.phone" ..."""
    errors = dict(class_errors(draft.training_class))
    for index, found in period_set_errors(draft.periods).items():
        errors.update({f"periods.{index}.{key}": message for key, message in found.items()})
    for index, contact in enumerate(draft.contacts):
        errors.update({f"contacts.{index}.{key}": message for key, message in contact_errors(contact).items()})
    return errors


def save_draft(db: Database, draft: ClassDraft) -> TrainingClass:
    """Validates everything, then writes class, periods and contacts in one transaction."""
    if errors := draft_errors(draft):
        raise ValidationError(errors)
    training_class = draft.training_class
    if training_class.organiser_kind != UNIT:  # only a unit's own class has a unit that runs it
        training_class = replace(training_class, unit_id=None)
    with db.atomic():
        saved = tables.classes(db).save(training_class)
        for period_id in draft.removed_period_ids:
            _delete_period(db, saved.id, period_id)
        _save_periods(db, saved.id, draft.periods)
        _replace_contacts(db, saved.id, draft.contacts)
        audit.record(db, "保存班次", "class", saved.id, f"{saved.name}（{len(draft.periods)}期）")
    return saved


def save_period(db: Database, period: Period) -> Period:
    """One period on its own (moved on the calendar), checked against its class's other periods."""
    errors = period_errors(period) or _overlap_errors(db, period)
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.periods(db).save(period)
        audit.record(db, "保存期次", "period", saved.id, f"第{saved.number}期 {saved.start_date}")
    return saved


def _overlap_errors(db: Database, period: Period) -> dict[str, str]:
    siblings = period_queries.periods_of_class(db, period.class_id)
    for other in (p for p in siblings if p.id != period.id):
        if other.number == period.number:
            return {"number": f"本班次已有第{other.number}期"}
        if other.start_date <= period.end_date and period.start_date <= other.end_date:
            return {"start_date": f"与本班次第{other.number}期（{other.start_date}至{other.end_date}）时间重叠"}
    return {}


def _save_periods(db: Database, class_id: int, periods: list[Period]) -> None:
    table = tables.periods(db)
    for period in periods:  # numbers may be swapped: park the stored ones out of the way first
        if period.id:
            _own_period(db, class_id, period.id)
            period_queries.park_number(db, period.id)
    for period in periods:
        table.save(replace(period, class_id=class_id))


def _own_period(db: Database, class_id: int, period_id: int) -> Period:
    period = tables.periods(db).get(period_id)
    if period.class_id != class_id:
        raise UserError(f"第{period.number}期不属于本班次")
    return period


def _replace_contacts(db: Database, class_id: int, contacts: list[Contact]) -> None:
    class_queries.delete_class_contacts(db, class_id)
    for order, contact in enumerate(contacts):
        tables.contacts(db).insert(replace(contact, id=None, plan_id=None, class_id=class_id, sort_order=order,
                                           phone=normalize_phone(contact.phone), fax=normalize_phone(contact.fax)))


def _delete_period(db: Database, class_id: int, period_id: int) -> None:
    period = _own_period(db, class_id, period_id)
    if count := enrollment_count(db, period_id=period_id):
        raise UserError(f"第{period.number}期已有{count}条学员记录，不能删除；可以归档，记录会保留")
    tables.periods(db).delete(period_id)


@dataclass(frozen=True)
class Removal:
    """What removing a class does: it is deleted with its periods while nobody was ever enrolled in it;
    once anyone was, it can only be archived (it leaves the lists, every record kept)."""
    name: str
    periods: int
    enrolled: int

    @property
    def archive_instead(self) -> bool:
        return self.enrolled > 0


def removal(db: Database, class_id: int) -> Removal:
    periods = list_periods(db, class_id=class_id, include_archived=True)
    return Removal(get_class(db, class_id).name, len(periods), enrollment_count(db, class_id=class_id))


def delete_class(db: Database, class_id: int) -> None:
    """Deletes a class and its periods; refused once anyone has been enrolled (archive it instead)."""
    found = removal(db, class_id)
    if found.archive_instead:
        raise UserError(f"班次“{found.name}”已有{found.enrolled}条学员记录，不能删除；可以归档，记录会保留")
    backups.before_change(db, "删除前", "删除班次")  # the class goes with its periods and contacts
    with db.atomic():
        class_queries.delete_periods(db, class_id)
        tables.classes(db).delete(class_id)
        audit.record(db, "删除班次", "class", class_id, found.name)


def set_class_archived(db: Database, class_id: int, archived: bool) -> TrainingClass:
    return set_archived(db, tables.classes(db), "class", class_id, archived)


def next_year_period(period: PeriodRow) -> PeriodRow:
    """The same period a year on: same weekday, same length, back to 筹备, nobody enrolled."""
    start = next_year_iso(period.start_date)
    shift = days_between(period.start_date, start)
    return replace(period, id=None, start_date=start, end_date=shift_iso(period.end_date, shift),
                   report_time=shift_report_time(period.report_time, shift), status=PeriodStatus.PREPARING,
                   archived=False, enrolled=0)


def copy_class(db: Database, class_id: int, plan_id: int | None, plan_item_id: int | None) -> TrainingClass:
    """A copy of the class in another plan, its live periods a year on; call inside a transaction."""
    source = load_draft(db, class_id)
    copy = replace(source.training_class, id=None, plan_id=plan_id, plan_item_id=plan_item_id, archived=False)
    saved = tables.classes(db).insert(copy)
    for period in (p for p in source.periods if not p.archived):
        tables.periods(db).insert(replace(next_year_period(period), class_id=saved.id))
    _replace_contacts(db, saved.id, source.contacts)
    return saved
