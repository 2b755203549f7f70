"""Office settings kept in the database as JSON values, with defaults in one place."""
from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

DEFAULTS: dict[str, Any] = {
    "office_name": "",  # 中共xx县委组织部: the issuing body on letters
    "section_name": "干部教育科",
    "county": "",
}


def get(db: Database, key: str, default: Any = None) -> Any:
    """The stored value, else the default given here, else the one in DEFAULTS."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row:
        return json.loads(row[0])
    return default if default is not None else DEFAULTS.get(key)


def put(db: Database, key: str, value: Any) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False)],
    )
