"""The audit log: who did what to which record, and when. Never holds a full ID number."""
from __future__ import annotations

import re
from datetime import datetime

from sqlite_utils import Database

from app.domain.idcard import mask_id
from app.storage import audit as stored
from app.storage.lock import os_user

# An 18-digit (or old 15-digit) ID number anywhere in a detail, such as a file named after a person.
_ID_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")


def record(db: Database, action: str, entity: str = "", entity_id: int | None = None, detail: str = "") -> None:
    stored.add_entry(db, datetime.now().isoformat(timespec="seconds"), os_user(), action, entity, entity_id,
                     masked(detail))


def can_record(db: Database) -> bool:
    """False for a database opened read-only (another computer holds it): nothing can be written there."""
    return stored.can_write(db)


def masked(text: str) -> str:
    """The text with every ID number in it masked (110101********1234)."""
    return _ID_NUMBER.sub(lambda match: mask_id(match.group()), text or "")


def entries(db: Database, limit: int = 500) -> list[dict]:
    return stored.newest(db, limit)
