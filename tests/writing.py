"""Opening a database file for writing in a test the way the window does: holding its one-writer lock."""
from __future__ import annotations

from pathlib import Path

from app.storage.db import OfficeDatabase, open_db
from app.storage.lock import DatabaseLock


def writable(path: Path, *, create: bool = False) -> OfficeDatabase:
    """The database open for writing; closing it releases the lock."""
    path = Path(path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    lock = DatabaseLock.acquire(path)
    try:
        db = open_db(path, writer=lock, create=create)
    except BaseException:
        lock.release()
        raise
    close = db.close

    def close_and_release() -> None:
        close()
        lock.release()

    db.close = close_and_release
    return db
