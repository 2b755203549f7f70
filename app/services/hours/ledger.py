"""学时档案: each person's hours per year from closed periods and other records; who is behind (应训未训)."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import partial
from typing import NamedTuple

from app.domain.errors import NotFound, ValidationError
from app.domain.hours_rules import COUNTY_RANKS, DEFAULT_REQUIREMENTS, Earned, Verdict, judge, level
from app.domain.models import HoursRecord
from app.domain.text import to_halfwidth
from app.domain.validation import date_error
from app.services import settings
from app.services.safety import audit
from app.storage import hours as hours_store
from app.storage import tables
from app.storage.connection import Database

REQUIREMENTS_KEY = "hours_requirements"
KINDS = ("网络学习", "集中培训", "其他")
MAX_HOURS = 1000  # more in one record is a typing slip (a whole year of full-time study is about 2,000)
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PersonHours(NamedTuple):
    """A tuple, not a dataclass: the ledger makes one per person, 100,000 in a large archive."""
    person_id: int
    name: str
    unit_name: str
    unit_order: int
    rank: str
    level: str
    classes: float  # from the office's closed periods this year
    other: float  # entered or imported, not online
    online: float
    window_hours: float  # what counts toward the requirement (5 years for 县处级)
    required: float
    shortfall: float
    online_shortfall: float
    status: str

    @property
    def total(self) -> float:
        return self.classes + self.other + self.online


def requirements(db: Database) -> dict:
    return settings.get(db, REQUIREMENTS_KEY, DEFAULT_REQUIREMENTS)


def hours_value(value: object) -> float | None:
    """学时 as typed or as a sheet holds it: 2, "1.5", "２学时", "3 小时"; None when it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = re.sub(r"\s", "", to_halfwidth(str(value or ""))).removesuffix("学时").removesuffix("小时")
    return float(text) if re.fullmatch(r"\d+(\.\d+)?|\.\d+", text) else None


def record_errors(record: HoursRecord) -> dict[str, str]:
    """What is wrong with an hours record, field by field, as the form shows it while the user types."""
    errors = {}
    if record.hours is None or record.hours <= 0:
        errors["hours"] = "学时应大于0"
    elif record.hours > MAX_HOURS:
        errors["hours"] = f"一条记录的学时不应超过{MAX_HOURS}"
    if record.kind not in KINDS:
        errors["kind"] = f"类别应为{'、'.join(KINDS)}之一"
    if record.date and (message := date_error(record.date, "日期")):
        errors["date"] = message
    if not FIRST_YEAR <= int(record.year or 0) <= LAST_YEAR:
        errors["year"] = f"年度应在{FIRST_YEAR}至{LAST_YEAR}之间"
    if len(record.source) > 60:
        errors["source"] = "来源过长（不超过60字）"
    if len(record.notes) > 200:
        errors["notes"] = "备注过长（不超过200字）"
    return errors


def describe(person_name: str, record: HoursRecord) -> str:
    return f"{person_name} {record.year}年 {record.kind}{record.hours:g}学时" + (f"（{record.source}）" if record.source else "")


def add_record(db: Database, record: HoursRecord) -> HoursRecord:
    if errors := record_errors(record):
        raise ValidationError(errors)
    person = tables.people(db).get(record.person_id)
    with db.atomic():
        saved = tables.hours_records(db).insert(record)
        audit.record(db, "登记学时", "person", person.id, describe(person.name, record))
    return saved


def delete_record(db: Database, record_id: int) -> None:
    record = tables.hours_records(db).get(record_id)
    person = tables.people(db).get(record.person_id)
    with db.atomic():
        tables.hours_records(db).delete(record_id)
        audit.record(db, "删除学时", "person", person.id, describe(person.name, record))


records_of = hours_store.records_of  # a person's records, newest first


def _class_hours(db: Database, first_year: int, year: int, person_id: int | None) -> dict[int, dict[int, tuple[float, float]]]:
    """person -> year -> (hours, days) from closed periods, counted in the year the period ended."""
    found: dict[int, dict[int, tuple[float, float]]] = defaultdict(dict)
    for row in hours_store.class_hours(db, first_year, year, person_id):
        found[row["person_id"]][row["year"]] = (row["hours"] or 0.0, row["days"] or 0.0)
    return found


def _other_hours(db: Database, first_year: int, year: int, person_id: int | None) -> dict[int, dict[int, tuple[float, float]]]:
    """person -> year -> (online, other) from hours records."""
    found: dict[int, dict[int, tuple[float, float]]] = defaultdict(dict)
    for row in hours_store.other_hours(db, first_year, year, person_id):
        found[row["person_id"]][row["year"]] = (row["online"], row["other"])
    return found


def ledger(db: Database, year: int, person_id: int | None = None) -> list[PersonHours]:
    """Every person's (or one person's) hours for the year and whether they meet their requirement, in unit order."""
    rules = requirements(db)
    first_year = year - rules["county"]["years"] + 1
    classes, others = _class_hours(db, first_year, year, person_id), _other_hours(db, first_year, year, person_id)
    grace_from = date(year - rules["county"].get("after_promotion_years", 1), 12, 31).isoformat()
    people = hours_store.ledger_people(db, person_id)
    none = (0.0, 0.0)
    # most people of a large archive have no hours at all: their columns after the rank, once per (rank, grace)
    untrained: dict[tuple[str, bool], tuple] = {}
    make = partial(tuple.__new__, PersonHours)  # skips the named tuple's own __new__, 100,000 calls
    result = []
    for person_id, name, rank, rank_since, unit_name, unit_order in people:
        mine_classes, mine_other = classes.get(person_id), others.get(person_id)
        county = rank in COUNTY_RANKS
        grace = county and rank_since > grace_from
        if mine_classes is None and mine_other is None:
            tail = untrained.get((rank, grace))
            if tail is None:
                tail = untrained[rank, grace] = _columns(rank, 0.0, 0.0, 0.0, 0.0,
                                                         judge(rank, Earned(0.0, 0.0, 0.0), rules, grace))
        else:
            mine_classes, mine_other = mine_classes or {}, mine_other or {}
            years = range(first_year if county else year, year + 1)
            window_hours = sum(mine_classes.get(y, none)[0] + sum(mine_other.get(y, none)) for y in years)
            days = sum(mine_classes.get(y, none)[1] for y in years)
            this_year, (online, other) = mine_classes.get(year, none)[0], mine_other.get(year, none)
            tail = _columns(rank, this_year, other, online, window_hours,
                            judge(rank, Earned(window_hours, days, online), rules, grace))
        result.append(make((person_id, name, unit_name, unit_order, rank, *tail)))
    return result


def _columns(rank: str, this_year: float, other: float, online: float, window_hours: float,
             verdict: Verdict) -> tuple:
    """A ledger line's columns after the rank, in PersonHours' order."""
    return (level(rank), this_year, other, online, window_hours, verdict.required, verdict.shortfall,
            verdict.online_shortfall, verdict.status)


def person_hours(db: Database, person_id: int, year: int) -> PersonHours:
    found = ledger(db, year, person_id)
    if not found:
        raise NotFound(f"找不到该人员（编号 {person_id}）")
    return found[0]


def behind(db: Database, year: int) -> list[PersonHours]:
    """应训未训: people short of their requirement, furthest behind first."""
    return behind_of(ledger(db, year))


def behind_of(people_hours: list[PersonHours]) -> list[PersonHours]:
    """The people of a ledger short of their requirement, furthest behind first."""
    # most behind first, the ledger's unit order kept among equals: grouped by shortfall, not sorted one by
    # one, since most of a large archive share a handful of shortfalls
    groups: dict[tuple[float, float], list[PersonHours]] = defaultdict(list)
    for entry in people_hours:
        if entry.status == "未达标":
            groups[entry.shortfall, entry.online_shortfall].append(entry)
    return [entry for key in sorted(groups, reverse=True) for entry in groups[key]]
