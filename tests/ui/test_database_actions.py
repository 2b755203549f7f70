"""First start and the 文件 menu: new, open, save a backup copy."""

from PySide6.QtWidgets import QFileDialog

from app.services import database
from tests.writing import writable
from ui.shell import database_actions


def test_first_start_offers_the_demo(answers, home):
    path = home / "traindesk.db"
    answers["replies"] = [0]
    opened = database_actions.start_database(path)
    assert "示范数据" in answers["asked"][0][1]
    assert database.counts(opened.db)["people"] == 600
    assert opened.lock is not None and (home / "traindesk.db.lock").is_file()
    opened.db.close()
    opened.lock.release()
    assert not (home / "traindesk.db.lock").exists()


def test_first_start_can_begin_empty_or_quit(answers, tmp_path):
    answers["replies"] = [1]
    opened = database_actions.start_database(tmp_path / "empty.db")
    assert set(database.counts(opened.db).values()) == {0}
    opened.db.close()
    opened.lock.release()
    answers["replies"] = [2]
    assert database_actions.start_database(tmp_path / "none.db") is None
    assert not (tmp_path / "none.db").exists()


def test_demo_flag_skips_the_question(answers, tmp_path):
    opened = database_actions.start_database(tmp_path / "d.db", with_demo=True)
    assert answers["asked"] == [] and database.counts(opened.db)["units"] == 46
    opened.db.close()
    opened.lock.release()


def test_new_database_switches_every_page(qtbot, window, answers, tmp_path, monkeypatch):
    target = tmp_path / "新 的.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    answers["replies"] = [0]  # 建立空数据库
    window.new_database()
    assert window.session.path == target
    assert str(target) in window.db_label.text()
    assert all(window.show_page(page.title).model.rowCount() == 0 for page in window.pages if hasattr(page, "model"))
    assert window.show_page("日历").entries == []


def test_new_database_never_overwrites_a_file(qtbot, window, answers, demo_file, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(demo_file), ""))
    before = demo_file.read_bytes()
    window.new_database()
    assert "已存在" in answers["errors"][0][1]
    assert demo_file.read_bytes() == before


def test_opening_a_bad_file_keeps_the_current_database(qtbot, window, answers, tmp_path, monkeypatch):
    bad = tmp_path / "名单.db"
    bad.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    current = window.session.path
    window.open_database()
    assert "不是本程序的数据库文件" in answers["errors"][0][1]
    assert window.session.path == current
    assert window.show_page("学员").model.total == 600  # the people list reads 200 at a time


def test_open_another_database(qtbot, window, answers, tmp_path, monkeypatch):
    other = tmp_path / "other.db"
    writable(other, create=True).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.open_database()
    assert window.session.path == other
    assert window.show_page("学员").model.rowCount() == 0
    assert database_actions.remembered_path() == other


def test_save_backup_copy(qtbot, window, answers, tmp_path, monkeypatch):
    target = tmp_path / "备份" / "副本.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_backup()
    assert target.is_file() and "已保存备份" in answers["infos"][0][1]
    copy = database.open_database(target)
    assert database.counts(copy) == database.counts(window.session.db)
    copy.close()


def test_save_backup_refuses_the_live_file(qtbot, window, answers, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(window.session.path), ""))
    window.save_backup()
    assert "正在使用" in answers["errors"][0][1]
