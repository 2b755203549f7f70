"""全覆盖: for a class meant for a whole group (all county-managed leaders, every village secretary),
who in the group has not attended any of its periods yet."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from app.domain.errors import UserError
from app.domain.models import Person
from app.domain.status import COVERED
from app.storage import tables
from app.storage.people import search
from app.storage.records import rows


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
    db.execute("UPDATE training_classes SET coverage = ? WHERE id = ?",
               [json.dumps(group, ensure_ascii=False) if group else "", class_id])


def group_of(db: Database, class_id: int) -> dict:
    text = tables.classes(db).get(class_id).coverage
    return json.loads(text) if text else {}


def coverage(db: Database, class_id: int) -> Coverage:
    training_class = tables.classes(db).get(class_id)
    group = group_of(db, class_id)
    if not group:
        raise UserError(f"“{training_class.name}”没有设定应全覆盖的对象")
    members = [p for p in search(db) if _in_group(p, group)]
    marks = ",".join("?" for _ in COVERED)
    done = {row["person_id"] for row in rows(
        db, f"""SELECT DISTINCT e.person_id FROM enrollments e JOIN periods p ON p.id = e.period_id
                WHERE p.class_id = ? AND e.status IN ({marks})""", [class_id, *sorted(COVERED)])}
    missing = [p for p in members if p.id not in done]
    return Coverage(training_class.name, group, len(members), len(members) - len(missing), missing)


def _in_group(person: Person, group: dict) -> bool:
    categories, ranks = group.get("categories"), group.get("ranks")
    return (not categories or person.cadre_category in categories) and (not ranks or person.rank in ranks)
