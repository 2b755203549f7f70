"""The year's figures by 举办方式 (seed 000 item 11): the office's own classes (本级举办), the city's or the
province's it sends people to (上级调训) and units' own classes filed with it (单位自办), each apart, and their
sum only where labelled as one. A person's 学时 count from every kind (the hours ledger does not ask)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from app.domain.funds import ORGANISER_KINDS
from app.storage import stats
from app.storage.connection import Database

SUM_LABEL = "合计（三种举办方式）"


@dataclass
class OrganiserFigures:
    kind: str  # one of ORGANISER_KINDS, or SUM_LABEL
    planned_periods: int = 0
    planned_trainees: int = 0
    scheduled_periods: int = 0  # live periods starting in the year
    held_periods: int = 0  # of those, closed (结班)
    person_times: int = 0  # 人次: selected trainees, not the replaced and withdrawn
    completed: int = 0
    hours: float = 0.0


def by_organiser(db: Database, year: int) -> list[OrganiserFigures]:
    """The three kinds in their order, each with its figures (zeros where it has none)."""
    planned = stats.planned_by_organiser(db, year)
    scheduled = stats.scheduled_by_organiser(db, year)
    enrolled = {row["label"]: row for row in stats.year_breakdown(db, year, "organiser")}
    found = []
    for kind in ORGANISER_KINDS:
        row = enrolled.get(kind, {})
        found.append(OrganiserFigures(kind, *planned.get(kind, (0, 0)), *scheduled.get(kind, (0, 0)),
                                      row.get("person_times", 0), row.get("completed", 0), row.get("hours", 0.0)))
    return found


def summed(lines: list[OrganiserFigures], label: str = SUM_LABEL) -> OrganiserFigures:
    result = OrganiserFigures(label)
    for name in (f.name for f in fields(OrganiserFigures) if f.name != "kind"):
        setattr(result, name, sum(getattr(line, name) for line in lines))
    return result


def with_sum(lines: list[OrganiserFigures]) -> list[OrganiserFigures]:
    return [*lines, summed(lines)]


def year_json(db: Database, year: int) -> dict:
    """`stats --year Y --json`: each kind's figures and, labelled, their sum."""
    lines = by_organiser(db, year)
    return {"year": year, "by_organiser": [asdict(line) for line in lines], "total": asdict(summed(lines))}


def line_text(line: OrganiserFigures) -> str:
    return (f"{line.kind}：计划{line.planned_periods}期{line.planned_trainees}人，已排{line.scheduled_periods}期、"
            f"已结班{line.held_periods}期，调训{line.person_times}人次，结业{line.completed}人次，学时{line.hours:g}")
