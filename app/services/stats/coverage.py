"""全覆盖: for a class meant for a whole group (all county-managed leaders, every village secretary),
who in the group has not attended any of its periods yet."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from app.domain.errors import UserError
from app.domain.models import Person
from app.domain.status import COVERED
from app.storage import classes as class_queries
from app.storage import stats, tables
from app.storage.people import search


@dataclass
class Coverage:
    class_name: str
    group: dict  # {"categories": [...], "ranks": [...]}
    members: int
    attended: int
    missing: list[Person]

    @property
    def rate(self) -> float:
        return self.attended / self.members if self.members else 1.0


def set_group(db: Database, class_id: int, categories: list[str], ranks: list[str]) -> None:
    group = {"categories": categories, "ranks": ranks} if categories or ranks else {}
    class_queries.set_coverage(db, class_id, json.dumps(group, ensure_ascii=False) if group else "")


def group_of(db: Database, class_id: int) -> dict:
    text = tables.classes(db).get(class_id).coverage
    return json.loads(text) if text else {}


def coverage(db: Database, class_id: int) -> Coverage:
    training_class = tables.classes(db).get(class_id)
    group = group_of(db, class_id)
    if not group:
        raise UserError(f"“{training_class.name}”没有设定应全覆盖的对象")
    members = [p for p in search(db) if _in_group(p, group)]
    done = stats.attended_class(db, class_id, COVERED)
    missing = [p for p in members if p.id not in done]
    return Coverage(training_class.name, group, len(members), len(members) - len(missing), missing)


def _in_group(person: Person, group: dict) -> bool:
    categories, ranks = group.get("categories"), group.get("ranks")
    return (not categories or person.cadre_category in categories) and (not ranks or person.rank in ranks)
