"""The office's rules applied to what is stored: thresholds from the settings, warnings per class and plan,
what each period's timetable teaches (checked in place of the typed figures where there is one)."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

from app.domain import rules, teaching
from app.domain.models import PeriodRow, TrainingClass
from app.domain.rules import RuleWarning, Thresholds
from app.domain.teaching import Taught
from app.services import settings
from app.services.teaching import timetable
from app.storage import classes as class_queries
from app.storage import periods as period_queries
from app.storage import tables
from app.storage import teaching as teaching_store
from app.storage.connection import Database

SETTING_PREFIX = "rules."
_CHUNK = 500  # period ids a query asks for at once


def thresholds(db: Database) -> Thresholds:
    defaults = Thresholds()
    return replace(defaults, **{f.name: int(settings.get(db, SETTING_PREFIX + f.name, getattr(defaults, f.name)))
                                for f in fields(Thresholds)})


def save_thresholds(db: Database, values: Thresholds) -> None:
    with db.atomic():
        for f in fields(Thresholds):
            settings.put(db, SETTING_PREFIX + f.name, getattr(values, f.name))


def taught(db: Database, period_ids: list[int]) -> dict[int, Taught]:
    """Period id -> what its timetable teaches, for those of the periods that have a timetable."""
    by_period: dict[int, list] = {}
    for start in range(0, len(period_ids), _CHUNK):
        for session in timetable.with_hours(db, teaching_store.sessions_of_periods(db, period_ids[start:start + _CHUNK])):
            by_period.setdefault(session.period_id, []).append(session)
    return {period_id: teaching.taught(sessions) for period_id, sessions in by_period.items()}


def warnings_for(db: Database, training_class: TrainingClass, periods: list[PeriodRow]) -> list[RuleWarning]:
    """One class's warnings with its periods as given (the command line's records)."""
    return rules.class_warnings(training_class, periods, thresholds(db), taught(db, [p.id for p in periods]))


def class_warnings(db: Database, class_id: int) -> list[RuleWarning]:
    training_class = tables.classes(db).get(class_id)
    periods = period_queries.list_periods(db, class_id=class_id)
    return rules.class_warnings(training_class, periods, thresholds(db), taught(db, [p.id for p in periods]))


def warnings_by_class(db: Database, include_archived: bool = False) -> dict[int, list[RuleWarning]]:
    """Every class's warnings at once (a few queries, whatever the number of classes)."""
    limits = thresholds(db)
    periods: dict[int, list] = {}
    for period in period_queries.list_periods(db, include_archived=include_archived):
        periods.setdefault(period.class_id, []).append(period)
    found = taught(db, [p.id for group in periods.values() for p in group])
    return {c.id: rules.class_warnings(c, periods.get(c.id, []), limits, found)
            for c in class_queries.list_classes(db, include_archived=include_archived)}


@dataclass(frozen=True)
class PlanWarning:
    """A warning as the plan's panel lists it: which class (none for the plan's own totals)."""
    warning: RuleWarning
    class_id: int | None = None
    class_name: str = ""

    @property
    def label(self) -> str:
        return rules.RULES[self.warning.rule]


def plan_warnings(db: Database, plan_id: int) -> list[PlanWarning]:
    """The plan's totals, then each of its classes' warnings, in the plan's order."""
    plan = tables.plans(db).get(plan_id)
    own_classes = class_queries.list_classes(db, plan_id=plan_id)
    found = [PlanWarning(w) for w in rules.plan_warnings(plan, own_classes)]
    by_class = warnings_by_class(db)
    for training_class in own_classes:
        found += [PlanWarning(w, training_class.id, training_class.name) for w in by_class.get(training_class.id, [])]
    return found
