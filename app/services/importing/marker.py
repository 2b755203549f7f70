"""A note beside the database while an import runs (`traindesk.db.importing`: file, time, computer, process).

An import is one transaction, so a killed or crashed one leaves the data as it was; the note is how the next
start knows it happened and can say so instead of leaving the user to wonder where the rows went. The note
also holds the audit log's last entry before the import: if the import's own entry is there, the process died
after committing (between COMMIT and removing the note), and nothing needs saying.
"""
from __future__ import annotations

import json
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from app.services.safety import audit
from app.storage import audit as audit_log
from app.storage.connection import Database
from app.storage.db import db_path
from app.storage.lock import process_alive

IMPORT_ACTIONS = ("导入名单", "导入学时", "导入课程表", "导入评估问卷")


def marker_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".importing")


@contextmanager
def importing(db: Database, file_name: str) -> Iterator[None]:
    """Keeps the note for the length of an import (backup and transaction); removed however it ends."""
    path = db_path(db)
    marker = marker_path(path) if path is not None else None
    if marker is not None:
        last = audit_log.last_id(db)
        _write(marker, {"file": file_name, "started": time.time(), "computer": socket.gethostname(),
                        "pid": os.getpid(), "audit_after": last})
    try:
        yield
    finally:
        if marker is not None:
            _remove(marker)


def interrupted_import(db: Database, *, holds_lock: bool) -> str | None:
    """The notice of an import whose process ended without finishing it, or None; the note is then removed."""
    path = db_path(db)
    if path is None or not marker_path(path).exists():
        return None
    note = _read(marker_path(path))
    if note is None:  # half written: the process died before its import began
        if holds_lock:
            _remove(marker_path(path))
        return None
    if _may_be_running(note, holds_lock):
        return None
    _remove(marker_path(path))
    if _committed(db, note):
        return None
    return f"上次导入（{note['file']}）未完成，数据保持导入前的状态"


def _may_be_running(note: dict, holds_lock: bool) -> bool:
    """An import holds the lock: whoever holds it now knows no other import runs (but its own might)."""
    here = note["computer"] == socket.gethostname()
    if here and note["pid"] == os.getpid():
        return True
    if holds_lock:
        return False
    return process_alive(note["pid"]) if here else True


def _committed(db: Database, note: dict) -> bool:
    prefix = audit.masked(f"{note['file']}：")  # as the import's own entry holds it
    return audit_log.has_entry_after(db, note["audit_after"], IMPORT_ACTIONS, prefix)


def _write(path: Path, note: dict) -> None:
    try:
        path.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # without the note the import still runs; only the notice after a crash is lost


def _read(path: Path) -> dict | None:
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
        return note if {"file", "computer", "pid", "audit_after"} <= note.keys() else None
    except (OSError, ValueError, AttributeError):
        return None


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
