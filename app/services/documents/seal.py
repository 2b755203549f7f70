"""The office's seal: an optional transparent PNG kept in the database, printed over the issuing body."""
from __future__ import annotations

import base64
from io import BytesIO
from pathlib import Path

from reportlab.lib.utils import ImageReader

from app.domain.errors import UserError
from app.services import settings
from app.services.safety import audit
from app.storage.connection import Database

SETTING = "seal_png"
MAX_BYTES = 2_000_000


def seal_image(db: Database) -> bytes | None:
    stored = settings.get(db, SETTING, "")
    return base64.b64decode(stored) if stored else None


def seal_errors(data: bytes) -> str | None:
    """Why these bytes cannot be the seal, in Chinese; None when they can."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "印章图片须为 PNG 格式（透明背景）"
    if len(data) > MAX_BYTES:
        return "印章图片太大（超过2 MB），请缩小后再选"
    try:
        width, height = ImageReader(BytesIO(data)).getSize()
    except Exception:
        return "印章图片已损坏，无法读取"
    if not width or not height:
        return "印章图片是空的"
    return None


def set_seal(db: Database, path: str | Path) -> None:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise UserError(f"无法读取印章图片：{error.strerror or error}") from error
    if problem := seal_errors(data):
        raise UserError(problem)
    with db.atomic():
        settings.put(db, SETTING, base64.b64encode(data).decode("ascii"))
        audit.record(db, "设置印章图片", detail=Path(path).name)


def clear_seal(db: Database) -> None:
    with db.atomic():
        settings.remove(db, SETTING)
        audit.record(db, "清除印章图片")
