"""Where things live: the user's data folder, the default database, and the shipped resources.

`app/` has no Qt, so the user data folder follows the same rules as Qt's
QStandardPaths.AppDataLocation, written out by hand.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "TrainingDesk"
APP_TITLE = "干部教育培训管理"
APP_VERSION = "0.1.0"
DB_FILENAME = "traindesk.db"

# Overrides the user data folder; the tests and scripts use it to stay out of the real one.
HOME_ENV = "TRAINDESK_HOME"


def project_root() -> Path:
    """The folder holding data/, seeds/ and resources/: the bundle when frozen, the source tree otherwise."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def data_file(name: str) -> Path:
    return project_root() / "data" / name


def seed_file(name: str) -> Path:
    return project_root() / "seeds" / name


def resource_file(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def user_data_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / APP_NAME


def default_db_path() -> Path:
    return user_data_dir() / DB_FILENAME
