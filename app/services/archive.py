"""Archiving instead of deleting: the record leaves the lists but keeps everything, and can come back."""
from __future__ import annotations

from dataclasses import replace

from app.services.safety import audit
from app.storage.connection import Database
from app.storage.records import Table


def set_archived(db: Database, table: Table, entity: str, record_id: int, archived: bool):
    """Archives (or restores) one plan or class, with an audit entry naming it."""
    record = replace(table.get(record_id), archived=archived)
    with db.atomic():
        table.update(record)
        name = getattr(record, "name", None) or getattr(record, "title", "")
        audit.record(db, ("归档" if archived else "恢复") + table.label, entity, record_id, name)
    return record
