"""A period's sessions whose pool lecturer is booked in another period at the same half-day, each with
words naming the other booking (the timetable marks them, its tooltip says where else)."""
from __future__ import annotations

from app.services import roster
from app.storage import tables
from app.storage import teaching as store
from app.storage.connection import Database


def lecturer_conflicts(db: Database, period_id: int) -> dict[int, list[str]]:
    """Session id of this period -> "张三同一时段在XX班第2期（…）授课" for each other booking."""
    tables.periods(db).get(period_id)  # an unknown period is refused, not shown as free of conflicts
    mine = {s.id: s for s in store.period_sessions(db, period_id)}
    if not mine:
        return {}
    pairs = store.double_bookings(db, min(s.day for s in mine.values()), max(s.day for s in mine.values()))
    found: dict[int, list[str]] = {}
    titles: dict[int, str] = {}
    for first, second in pairs:
        for own, other in ((first, second), (second, first)):
            if own not in mine or other in mine:
                continue
            other_session = tables.sessions(db).get(other)
            if other_session.period_id not in titles:
                titles[other_session.period_id] = roster.period_title(roster.period_of(db, other_session.period_id))
            session = mine[own]
            found.setdefault(own, []).append(
                f"{session.lecturer}同一时段（{session.day}{session.half}）在{titles[other_session.period_id]}"
                f"授课：{other_session.topic}")
    return found
