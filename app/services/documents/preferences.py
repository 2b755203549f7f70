"""The office's letter settings: the issuing body and how long units have to send their names."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.services import settings
from app.services.documents.unit_letters import REPLY_DAYS, REPLY_DAYS_SETTING
from app.services.safety import audit
from app.storage.connection import Database


@dataclass
class LetterSettings:
    office_name: str  # 发文机关 when a class names no organizer
    reply_days: int  # names are due this many days before a class starts


def letter_settings(db: Database) -> LetterSettings:
    return LetterSettings(settings.get(db, "office_name") or "", int(settings.get(db, REPLY_DAYS_SETTING, REPLY_DAYS)))


def letter_settings_errors(values: LetterSettings) -> dict[str, str]:
    errors = {}
    name = values.office_name.strip()
    if not name:
        errors["office_name"] = "请填写发文机关名称，如“中共xx县委组织部”"
    elif len(name) > 40:
        errors["office_name"] = "发文机关名称不能超过40个字"
    if not 1 <= values.reply_days <= 60:
        errors["reply_days"] = "报送期限应在开班前1至60天之间"
    return errors


def save_letter_settings(db: Database, values: LetterSettings) -> None:
    if errors := letter_settings_errors(values):
        raise ValidationError(errors)
    with db.atomic():
        settings.put(db, "office_name", values.office_name.strip())
        settings.put(db, REPLY_DAYS_SETTING, values.reply_days)
        audit.record(db, "修改文书落款设置", detail=values.office_name.strip())
