"""A session carried by drag and drop or the clipboard (复制 / 粘贴), within a window or between periods'
windows: its stored fields as JSON under the program's own MIME type, and its topic as plain text."""
from __future__ import annotations

import json
from dataclasses import fields

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from app.domain.teaching_records import Session

MIME = "application/x-traindesk-session"


def to_mime(session: Session) -> QMimeData:
    mime = QMimeData()
    values = {f.name: getattr(session, f.name) for f in fields(Session)}
    mime.setData(MIME, json.dumps(values, ensure_ascii=False).encode("utf-8"))
    mime.setText(f"{session.day} {session.half} {session.topic}")
    return mime


def from_mime(mime: QMimeData | None) -> Session | None:
    if mime is None or not mime.hasFormat(MIME):
        return None
    try:
        values = json.loads(bytes(mime.data(MIME)).decode("utf-8"))
        return Session(**{f.name: values[f.name] for f in fields(Session) if f.name in values})
    except (ValueError, TypeError):
        return None


def copy(session: Session) -> None:
    QApplication.clipboard().setMimeData(to_mime(session))


def pasted() -> Session | None:
    return from_mime(QApplication.clipboard().mimeData())


def release() -> None:
    """Forgets a copied session before Qt goes: left on the clipboard, its data was destroyed after the
    QApplication and the program crashed on its way out (seen with the offscreen platform the tests use)."""
    board = QApplication.clipboard()
    if board is not None and board.mimeData() is not None and board.mimeData().hasFormat(MIME):
        board.clear()  # only a session of ours: whatever else the clerk copied stays
