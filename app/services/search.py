"""The global search (Ctrl+K): people, periods, classes and units found by name or pinyin initials, a few
of each kind, for the window to open. People are looked up in the database (100,000 of them, a limited
index walk); the office's few hundred periods, classes and units are matched here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.status import PeriodStatus
from app.services import periods
from app.storage import classes as class_queries
from app.storage import people as people_queries
from app.storage import units as unit_queries
from app.storage.connection import Database

KINDS = {"person": "学员", "period": "期次", "class": "班次", "unit": "单位"}  # in the order they are shown
PER_KIND = 6
# Periods not closed in the order the clerk wants them: in progress, the next to begin, ended but not closed;
# then the closed ones, latest first.
_PHASE_ORDER = {"running": 0, "upcoming": 1, "unclosed": 2}


@dataclass(frozen=True)
class Found:
    kind: str  # a key of KINDS
    id: int
    title: str
    detail: str = ""


def find(db: Database, text: str, per_kind: int = PER_KIND, today: date | None = None) -> list[Found]:
    """Up to per_kind of each kind matching the text, grouped in the order of KINDS."""
    text = " ".join(text.split())
    if not text:
        return []
    today = today or date.today()
    return [*_people(db, text, per_kind), *_periods(db, text, per_kind, today),
            *_classes(db, text, per_kind), *_units(db, text, per_kind)]


def name_matches(name: str, initials: str, text: str) -> bool:
    """Every word of the text is part of the name, or (letters) part of its pinyin initials."""
    return all(word in name.lower() or (word.isascii() and word.isalpha() and word in initials)
               for word in text.lower().split())


def _people(db: Database, text: str, limit: int) -> list[Found]:
    return [Found("person", person.id, person.name, "　".join(part for part in (person.unit_name, person.post) if part))
            for person in people_queries.quick_find(db, text, limit)]


def _periods(db: Database, text: str, limit: int, today: date) -> list[Found]:
    words = text.lower().split()
    found = [entry for entry in periods.entries(db) if all(periods.names_it(entry, word) for word in words)]
    closed = sorted((e for e in found if PeriodStatus.is_closed(e.status)), key=lambda e: e.start_date, reverse=True)
    live = sorted((e for e in found if not PeriodStatus.is_closed(e.status)),
                  key=lambda e: (_PHASE_ORDER[periods.phase(e, today)], e.start_date))
    return [Found("period", entry.id, entry.label, _period_detail(entry)) for entry in (live + closed)[:limit]]


def _period_detail(entry) -> str:
    seats = "" if PeriodStatus.is_closed(entry.status) else f"　学员{periods.seats(entry)}"
    return f"{periods.span(entry)}　{entry.status}{seats}"


def _classes(db: Database, text: str, limit: int) -> list[Found]:
    found = [c for c in class_queries.list_classes(db) if name_matches(c.name, periods.cached_initials(c.name), text)]
    return [Found("class", c.id, c.name, "　".join(part for part in (c.kind, c.plan_title) if part))
            for c in found[:limit]]


def _units(db: Database, text: str, limit: int) -> list[Found]:
    found = [u for u in unit_queries.list_units(db) if name_matches(u.name, periods.cached_initials(u.name), text)]
    return [Found("unit", u.id, u.name, "　".join(part for part in (u.kind, f"{u.people_count}人") if part))
            for u in found[:limit]]
