"""全覆盖: for a class meant for a whole group (all county-managed leaders, every village secretary),
who in the group has not attended any of its periods yet. A make-up (补训) completed for the class counts,
wherever it was held; a roll-call class's 待补训 are not covered, and are marked as such."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from app.domain.errors import UserError
from app.domain.models import Person
from app.domain.status import COVERED, EnrollmentStatus
from app.services.makeup import items as makeup
from app.storage import classes as class_queries
from app.storage import stats, tables
from app.storage.connection import Database
from app.storage.people import in_group


@dataclass
class Coverage:
    class_name: str
    group: dict  # {"categories": [...], "ranks": [...]}
    members: int
    attended: int
    missing: list[Person]
    makeup_due: set[int] = field(default_factory=set)  # people among the missing who are 待补训 (a roll-call class)

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
    members = in_group(db, group.get("categories") or [], group.get("ranks") or [])
    done, due = _covered(db, class_id)
    missing = [p for p in members if p.id not in done]
    return Coverage(training_class.name, group, len(members), len(members) - len(missing), missing,
                    {p.id for p in missing if p.id in due})


def _covered(db: Database, class_id: int) -> tuple[set[int], set[int]]:
    """Who attended the class (make-up completions count, in whatever period), and who is still 待补训."""
    made_up = makeup.made_up_people(db, class_id)
    completed = stats.attended_class(db, class_id, {EnrollmentStatus.COMPLETED}) | made_up
    due = makeup.due_people(db, class_id) - completed
    return (stats.attended_class(db, class_id, COVERED) | made_up) - due, due

