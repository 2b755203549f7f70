"""Settings as stored: one text (JSON) value per key."""
from __future__ import annotations

from app.storage.connection import Database


def get_text(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def put_text(db: Database, key: str, value: str) -> None:
    db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
               [key, value])


def delete(db: Database, key: str) -> None:
    db.execute("DELETE FROM settings WHERE key = ?", [key])
