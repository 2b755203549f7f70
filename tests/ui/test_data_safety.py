"""Locks, read-only sessions, restoring backups and the audit log, from the window."""
import json
import sqlite3
import time

import pytest

from app.services.safety import backups
from app.storage.lock import lock_path
from ui.shell import database_actions
from ui.shell.audit_dialog import AuditDialog
from ui.shell.backup_settings_dialog import BackupSettingsDialog
from ui.shell.main_window import MainWindow
from ui.shell.restore_dialog import RestoreDialog
from ui.shell.session import Session


def foreign_lock(path, stale=False):
    beat = time.time() - (600 if stale else 0)
    info = dict(computer="财务科-PC", user="李四", pid=4242, started=beat, heartbeat=beat)
    lock_path(path).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")


def test_a_database_in_use_elsewhere_opens_read_only_when_asked(qtbot, answers, demo_file):
    foreign_lock(demo_file)
    answers["replies"] = [0]  # 只读打开
    opened = database_actions.start_database(demo_file)
    assert "数据库正被 财务科-PC 上的 李四 使用" in answers["asked"][0][1]
    assert opened.lock is None
    session = Session(opened.db, opened.path, opened.lock)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert "只读" in window.windowTitle() and "只读" in window.db_label.text()
    assert window.show_page("学员").model.total == 600
    with session.worker_connection() as db:  # background work (printing, previews, imports) reads only too
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.execute("INSERT INTO units (name) VALUES ('县委办公室')")
    session.close()
    assert json.loads(lock_path(demo_file).read_text(encoding="utf-8"))["computer"] == "财务科-PC"


def test_a_stale_lock_can_be_taken_over(answers, demo_file):
    foreign_lock(demo_file, stale=True)
    answers["replies"] = [1]  # 接管并打开
    opened = database_actions.start_database(demo_file)
    assert opened.lock is not None
    opened.db.close()
    opened.lock.release()


def test_cancel_leaves_the_other_computers_lock_alone(answers, demo_file):
    foreign_lock(demo_file)
    answers["replies"] = [1]  # 取消
    assert database_actions.start_database(demo_file) is None
    assert "财务科-PC" in lock_path(demo_file).read_text(encoding="utf-8")


def test_restore_dialog_restores_the_chosen_backup(qtbot, window, answers):
    db = window.session.db
    backups.take(db, "手动")
    db.execute("DELETE FROM quotas")
    dialog = RestoreDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data() == "600"
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    answers["replies"] = [0]
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=10_000)
    assert db.execute("SELECT count(*) FROM quotas").fetchone()[0] > 0
    assert len(backups.summaries(window.session.path)) == 2  # the chosen one and the safety copy


def test_audit_log_viewer_lists_what_was_done(qtbot, window):
    window.session.db.execute("INSERT INTO audit_log (at, action, detail) VALUES ('2020-01-01T08:00:00', '导入名单', '县委办公室 12人')")
    dialog = AuditDialog(window.session.db, window)
    qtbot.addWidget(dialog)
    texts = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    assert "导入名单" in texts and "载入示范数据" in texts


def test_backup_settings_keep_a_second_folder(qtbot, window, answers, tmp_path):
    second = tmp_path / "U盘"
    second.mkdir()
    dialog = BackupSettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.second.setText(str(tmp_path / "不存在"))
    dialog.save()
    assert "不存在" in answers["errors"][0][1]
    dialog.second.setText(str(second))
    dialog.save()
    dialog.backup_now()
    assert list(second.glob("*.db")) and "已备份到" in answers["infos"][0][1]


def test_dialogs_fit_a_small_screen(qtbot, window):
    for dialog in (RestoreDialog(window.session, window), AuditDialog(window.session.db, window),
                   BackupSettingsDialog(window.session, window)):
        qtbot.addWidget(dialog)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 910 and hint.height() <= 512, type(dialog).__name__


def test_unexpected_errors_are_explained_in_chinese():
    import sqlite3

    from ui.shell.errors import explain

    assert "只读" in explain(sqlite3.OperationalError("attempt to write a readonly database"))
    assert "磁盘空间不足" in explain(sqlite3.OperationalError("database or disk is full"))
    assert "磁盘写入失败" in explain(sqlite3.OperationalError("disk I/O error"))
    assert "error.log" in explain(RuntimeError("boom"))


def test_a_read_only_file_offers_read_only_access(answers, demo_file, monkeypatch):
    from app.storage import filesystem

    monkeypatch.setattr(filesystem, "is_writable", lambda path: False)
    answers["replies"] = [0]
    opened = database_actions.start_database(demo_file)
    assert "只读" in answers["asked"][0][1] and opened.lock is None
    assert not lock_path(demo_file).exists()
    opened.db.close()
