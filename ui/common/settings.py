"""What the window remembers between sessions, in window.ini in the user's data folder (beside the default
database, so a data folder moved to another PC takes it along): window places and sizes, column widths and
splitters per list (keyed by a stable name), the last page, the last folders, the recent databases."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app import config

_open: dict[Path, QSettings] = {}


def store() -> QSettings:
    """One QSettings per file for the process: Qt writes its changes to disk from the event loop."""
    path = config.user_data_dir() / "window.ini"
    if path not in _open:
        _open[path] = QSettings(str(path), QSettings.Format.IniFormat)
    return _open[path]


def flush() -> None:
    for settings in _open.values():
        settings.sync()


def text(key: str, default: str = "") -> str:
    value = store().value(key, default)
    return value if isinstance(value, str) else default


def set_text(key: str, value: str) -> None:
    store().setValue(key, value)


def numbers(key: str) -> list[int]:
    """A list of whole numbers (sizes, a rectangle); [] when missing or not numbers (a hand-edited file)."""
    value = store().value(key, [])
    if isinstance(value, str):
        value = value.split(",") if value else []
    try:
        return [int(item) for item in value]
    except (TypeError, ValueError):
        return []


def set_numbers(key: str, values) -> None:
    store().setValue(key, ",".join(str(int(value)) for value in values))


def texts(key: str) -> list[str]:
    value = store().value(key, [])
    if isinstance(value, str):
        return [value] if value else []
    return [item for item in value or [] if isinstance(item, str)]


def set_texts(key: str, values: list[str]) -> None:
    store().setValue(key, list(values))


def flag(key: str) -> bool:
    return str(store().value(key, "false")).lower() == "true"


def set_flag(key: str, value: bool) -> None:
    store().setValue(key, "true" if value else "false")
