"""A unit's own classes (单位自办): whether one was filed already (the same unit, name and first day)."""
from __future__ import annotations

from app.domain.funds import UNIT
from app.storage.connection import Database


def filed_period(db: Database, unit_id: int, name: str, start: str) -> int | None:
    """The period of the unit's own class of this name starting that day, if it was filed before."""
    row = db.execute("""SELECT p.id FROM periods p JOIN training_classes c ON c.id = p.class_id
                        WHERE c.organiser_kind = ? AND c.unit_id = ? AND c.name = ? AND p.start_date = ?""",
                     [UNIT, unit_id, name, start]).fetchone()
    return row[0] if row else None
