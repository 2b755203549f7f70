"""Office settings kept in the database as JSON values, with defaults in one place."""
from __future__ import annotations

import json
from typing import Any

from app.storage import settings as stored
from app.storage.connection import Database

DEFAULTS: dict[str, Any] = {
    "office_name": "",  # 中共xx县委组织部: the issuing body on letters
    "section_name": "干部教育科",
    "county": "",
}


def get(db: Database, key: str, default: Any = None) -> Any:
    """The stored value, else the default given here, else the one in DEFAULTS."""
    text = stored.get_text(db, key)
    if text is not None:
        return json.loads(text)
    return default if default is not None else DEFAULTS.get(key)


def put(db: Database, key: str, value: Any) -> None:
    stored.put_text(db, key, json.dumps(value, ensure_ascii=False))


def remove(db: Database, key: str) -> None:
    """Forgets the stored value: the default applies again."""
    stored.delete(db, key)
