"""Who is writing, and when: the one answer the audit log and every record's changed_by / changed_at use.

On the office's SQLite file the writer is the signed-in operating-system user (what the lock file names);
on a server database it is the clerk's own database role, answered here and nowhere else.
"""
from __future__ import annotations

from datetime import datetime

from app.storage import dialect
from app.storage.connection import Database
from app.storage.lock import os_user


def writer_name(db: Database) -> str:
    """Who writes through this connection."""
    return dialect.signed_in(db) if dialect.on_server(db) else os_user()


def now() -> str:
    """The time a write is stamped with: ISO, to the second (2026-12-07T14:03:05)."""
    return datetime.now().isoformat(timespec="seconds")


# What a bulk UPDATE of a versioned table adds to its SET, with stamps(db)'s two values: a form open on one
# of the records it changes then sees that it moved.
BUMP = "version = version + 1, changed_by = ?, changed_at = ?"
# What a bulk INSERT into a versioned table adds to its columns, with stamps(db)'s two values.
STAMP_COLUMNS = "changed_by, changed_at"


def stamps(db: Database) -> list[str]:
    """Who and when, as a write stamps them."""
    return [writer_name(db), now()]
