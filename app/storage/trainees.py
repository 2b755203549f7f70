"""A period's trainees as the documents print them: each with their person's and unit's details."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from app.storage import conditions
from app.storage.connection import Database
from app.storage.records import from_row, rows


@dataclass
class Trainee:
    enrollment_id: int
    person_id: int
    name: str
    id_number: str
    gender: str = ""
    ethnicity: str = ""
    birth_date: str = ""
    political_status: str = ""
    post: str = ""
    rank: str = ""
    cadre_category: str = ""
    phone: str = ""
    unit_id: int | None = None
    unit_name: str = ""
    unit_order: float = 1e9
    status: str = ""
    hours: float = 0.0

    @property
    def owner(self) -> str:
        return f"学员“{self.name}”"


_TRAINEES = f"""SELECT e.id AS enrollment_id, p.id AS person_id, p.name, p.id_number, p.gender, p.ethnicity,
       p.birth_date, p.political_status, p.post, p.rank, p.cadre_category, p.phone, e.unit_id,
       coalesce(u.name, '') AS unit_name, coalesce(u.sort_order, 1e9) AS unit_order, e.status, e.hours
FROM enrollments e JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = e.unit_id
WHERE e.period_id = ? AND {conditions.active()}"""


def trainees(db: Database, period_id: int, unit_id: int | None = None,
             statuses: Iterable[str] = ()) -> list[Trainee]:
    """The period's trainees holding a seat, optionally of one unit or some statuses, in enrollment order."""
    sql, params = _TRAINEES, [period_id]
    if unit_id is not None:
        sql += " AND e.unit_id = ?"
        params.append(unit_id)
    if statuses:
        status_in, words = conditions.one_of("e.status", statuses)
        sql += f" AND {status_in}"
        params += words
    return [from_row(Trainee, row) for row in rows(db, sql + " ORDER BY e.id", params)]
