"""Shared fixtures: Qt offscreen, a private user-data folder, and databases with and without the demo.

With TRAINDESK_TEST_POSTGRES=postgresql://… set (tools/pg-test-server start), `db` is a fresh database on
that PostgreSQL server for each test (tests/server.py), and a test marked `sqlite_only` (files, locks,
backups, pragmas, upgrades of old files) is skipped with its reason."""
from __future__ import annotations

import os
import tempfile

# Set before anything imports Qt; the tests never need a screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TRAINDESK_HOME", tempfile.mkdtemp(prefix="traindesk-home-"))

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.services import database, demo  # noqa: E402
from app.storage.db import memory_db, open_db  # noqa: E402
from tests import server  # noqa: E402

SHARED_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    """Each test gets its own user data folder, so none touches the real one or another test's."""
    folder = tmp_path / "用户 数据"
    monkeypatch.setenv("TRAINDESK_HOME", str(folder))
    return folder


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "sqlite_only(reason): makes sense only on SQLite (skipped on a server run)")
    config.addinivalue_line("markers", "server_only: needs a PostgreSQL server (TRAINDESK_TEST_POSTGRES)")


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if server.on_server():
            marker = item.get_closest_marker("sqlite_only")
            if marker is not None:
                reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "SQLite only")
                item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
        elif item.get_closest_marker("server_only") is not None:
            item.add_marker(pytest.mark.skip(reason="needs TRAINDESK_TEST_POSTGRES=postgresql://… (tools/pg-test-server)"))


@pytest.fixture(scope="session")
def server_databases():
    """The session's PostgreSQL databases: a migrated template, copied for each test; all dropped at the end."""
    if not server.on_server():
        pytest.skip("needs TRAINDESK_TEST_POSTGRES=postgresql://… (tools/pg-test-server)")
    made = server.Databases()
    made.make_template()
    yield made
    made.drop_all()


@pytest.fixture
def db(request):
    if not server.on_server():
        database_ = memory_db()
        yield database_
        database_.close()
        return
    databases = request.getfixturevalue("server_databases")
    url = databases.fresh()
    database_ = open_db(url)
    yield database_
    database_.close()
    databases.drop(url)


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
