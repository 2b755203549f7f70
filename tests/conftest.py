"""Shared fixtures: Qt offscreen, a private user-data folder, and databases with and without the demo."""
from __future__ import annotations

import os
import tempfile

# Set before anything imports Qt; the tests never need a screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TRAINDESK_HOME", tempfile.mkdtemp(prefix="traindesk-home-"))

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.services import database, demo  # noqa: E402
from app.storage.db import memory_db  # noqa: E402

SHARED_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    """Each test gets its own user data folder, so none touches the real one or another test's."""
    folder = tmp_path / "用户 数据"
    monkeypatch.setenv("TRAINDESK_HOME", str(folder))
    return folder


@pytest.fixture
def db():
    database_ = memory_db()
    yield database_
    database_.close()


@pytest.fixture
def demo_db(db):
    demo.build_demo(db)
    return db


@pytest.fixture
def demo_file(tmp_path) -> Path:
    """A demo database in a folder whose name has Chinese characters and spaces, as office paths do."""
    path = tmp_path / "干部 培训" / "示范.db"
    with database.writing(path, create=True) as db_:
        demo.build_demo(db_)
    return path


@pytest.fixture
def demo_path(tmp_path, capsys) -> Path:
    """A demo database made by the command line (`init --demo`), in a folder with Chinese and a space."""
    from tests.cli import run

    path = tmp_path / "办公 室" / "x.db"
    code, out, _ = run(capsys, "init", "--db", path, "--demo")
    assert code == 0 and "人员600" in out
    return path
