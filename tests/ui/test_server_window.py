"""The window on the office's server database (issue 23): opened by its URL or from 文件 → 连接服务器数据库,
no lock, every window writes, a leader's read-only role gets a window that only looks, and no password is
ever written. Run on a server run (TRAINDESK_TEST_POSTGRES; .ci/run runs this file against PostgreSQL)."""
from __future__ import annotations

import os
from urllib.parse import urlsplit

import psycopg
import pytest

from app.services import database, demo
from ui.common import settings
from ui.shell import database_actions
from ui.shell.main_window import MainWindow
from ui.shell.server_dialog import ServerDialog, server_url
from ui.shell.session import Session
from ui.shell.style import apply_style

pytestmark = pytest.mark.server_only

# A file's backups: their menu items are greyed on a server (its backups are its administrator's)
FILE_ONLY = {"ui.shell.backup_settings_dialog.BackupSettingsDialog", "ui.shell.restore_dialog.RestoreDialog"}


@pytest.fixture
def office(db) -> str:
    demo.build_demo(db)
    return db.url


def _window(qtbot, qapp, opened) -> MainWindow:
    apply_style(qapp)
    main = MainWindow(Session(opened.db, opened.path, opened.lock))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_the_window_opens_the_server_database_by_its_url_and_writes_without_a_lock(qtbot, qapp, office):
    opened = database_actions.start_database(office)
    assert opened is not None and opened.lock is None
    main = _window(qtbot, qapp, opened)
    try:
        assert not main.session.read_only and main.session.on_server
        assert "服务器数据库" in main.db_label.text() and "600" in main.counts_label.text()
        assert not any(action.isEnabled() for action in main.file_only)  # its backups are the administrator's
        page = main.show_page("学员")
        assert page.model.rowCount() > 0
        database_actions.remember(office)
        assert database_actions.remembered_path() == office
    finally:
        main.session.close()


def test_a_leader_s_read_only_role_gets_a_window_that_only_looks(qtbot, qapp, office, server_databases):
    admin = server_databases.connection()
    role = f"leader_{os.getpid()}"
    admin.execute(f'DROP ROLE IF EXISTS "{role}"')
    admin.execute(f'CREATE ROLE "{role}" LOGIN')
    admin.execute(f'ALTER ROLE "{role}" SET default_transaction_read_only = on')
    name = urlsplit(office).path.lstrip("/")
    with psycopg.connect(office, autocommit=True) as owner:
        owner.execute(f'GRANT CONNECT ON DATABASE "{name}" TO "{role}"')
        owner.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        owner.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    parts = urlsplit(office)
    as_leader = parts._replace(netloc=f"{role}@{parts.netloc.split('@', 1)[-1]}").geturl()
    opened = database_actions.start_database(as_leader)
    assert opened is not None
    main = _window(qtbot, qapp, opened)
    try:
        assert main.session.read_only and "（只读）" in main.windowTitle()
        assert database.counts(main.session.db)["people"] == 600  # it reads
    finally:
        main.session.close()
        with psycopg.connect(office, autocommit=True) as owner:  # its grants live in the office's database
            owner.execute(f'DROP OWNED BY "{role}"')
        admin.execute(f'REVOKE ALL ON DATABASE "{name}" FROM "{role}"')
        admin.execute(f'DROP ROLE "{role}"')


def test_the_connect_dialog_builds_the_url_and_keeps_the_password_in_memory_only(qtbot, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    dialog = ServerDialog(None)
    qtbot.addWidget(dialog)
    dialog.host.setText("192.168.1.20")
    dialog.database.setText("干部培训")
    dialog.user.setText("张三")
    dialog.password.setText("秘密 123")
    dialog.save()
    url = dialog.url()
    assert url == server_url("192.168.1.20", 5432, "干部培训", "张三") and "秘密" not in url
    assert os.environ["PGPASSWORD"] == "秘密 123"
    database_actions.remember(url)
    stored = settings.store()
    stored.sync()
    assert "秘密" not in open(stored.fileName(), encoding="utf-8").read()


def test_the_connect_dialog_asks_for_what_is_missing(qtbot):
    dialog = ServerDialog(None)
    qtbot.addWidget(dialog)
    dialog.host.setText("")
    dialog.save()
    assert not dialog.error.isHidden() and "服务器" in dialog.error.text() and dialog.result() == 0


def test_another_clerk_s_change_reaches_the_open_window(qtbot, qapp, office):
    import subprocess
    import sys

    opened = database_actions.start_database(office)
    main = _window(qtbot, qapp, opened)
    try:
        assert "单位 46" in main.counts_label.text()
        other_clerk = ("import sys; from app.services import database; from app.domain.models import Unit; "
                       "from app.storage import tables\n"
                       "with database.open_database(sys.argv[1]) as db, db.atomic():\n"
                       "    tables.units(db).insert(Unit(name='县新设单位'))")
        subprocess.run([sys.executable, "-c", other_clerk, office], check=True)  # another process, another clerk
        qtbot.waitUntil(lambda: "单位 47" in main.counts_label.text(), timeout=5000)
        with main.session.db.atomic():  # the window's own writes are announced by the window, not heard back
            main.session.db.execute("UPDATE units SET notes = '本窗口' WHERE name = '县新设单位'")
    finally:
        main.session.close()


def test_the_window_hears_again_after_its_listening_connection_was_lost(qtbot, qapp, office, server_databases, home):
    import subprocess
    import sys

    opened = database_actions.start_database(office)
    main = _window(qtbot, qapp, opened)
    try:
        name = urlsplit(office).path.lstrip("/")
        qtbot.wait(300)  # the listener connected
        server_databases.connection().execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND query LIKE 'LISTEN%%'",
            [name])
        other_clerk = ("import sys; from app.services import database; from app.domain.models import Unit; "
                       "from app.storage import tables\n"
                       "with database.open_database(sys.argv[1]) as db, db.atomic():\n"
                       "    tables.units(db).insert(Unit(name='断线后新设单位'))")
        subprocess.run([sys.executable, "-c", other_clerk, office], check=True)
        qtbot.waitUntil(lambda: "单位 47" in main.counts_label.text(), timeout=15000)  # reconnected, reloaded
        assert (home / "logs" / "error.log").is_file()  # the lost connection was noticed, once
    finally:
        main.session.close()


def test_every_window_opens_on_a_server_database(server_databases):
    """Each window and dialog of the catalogue, in each of its states, opened on the demo office moved to a
    server (tests/fit_check.py --server): none fails to open, shows an error or raises."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from tests.window_catalogue import catalogue

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run([sys.executable, "-m", "tests.fit_check", "--server", server_databases.empty()], cwd=root,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert {(r["window"], r["state"]) for r in reports} == {(name, state) for name, entry in catalogue().items()
                                                            for state, _ in entry.states}
    failed = [f"{r['window']} {r['state']}: {p}" for r in reports for p in r["problems"]
              if p.startswith(("无法打开", "无法进入", "出错")) and r["window"] not in FILE_ONLY]
    assert not failed, "\n".join(failed)
