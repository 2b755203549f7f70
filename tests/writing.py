"""Opening a database file for writing in a test the way the window does: holding its one-writer lock."""
from app.services.database import open_locked


def writable(path, *, create: bool = False):
    """The database open for writing; closing it releases the lock."""
    return open_locked(path, create=create, program="测试")
