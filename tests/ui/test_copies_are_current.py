"""Every copy of the file is current: with the window open, the .db file alone (what Explorer or a nightly job
copies, without the -wal beside it) holds every change an import, a save or the end of the session committed."""
import shutil
import sqlite3

from app.services import database
from app.storage.lock import DatabaseLock
from tests.roster_files import good_rows, write_xlsx
from tests.ui.test_import_wizard import COMMIT, NEXT, close_wizards, press, start  # noqa: F401  (the fixture)
from ui.importing.steps import COLUMNS, FINISH, PREVIEW
from ui.shell.session import Session


def copied(db_file, tmp_path, name: str) -> sqlite3.Connection:
    """The .db file alone, copied as a clerk copies it while the window is open."""
    copy = tmp_path / "拷贝" / name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(db_file, copy)
    return sqlite3.connect(copy)


def test_thirty_imported_people_are_in_the_file_itself(qtbot, window, tmp_path):
    db_file = window.session.path
    window.session.db.execute("INSERT INTO settings (key, value) VALUES ('对照', '1')")  # no transaction: still in the WAL
    assert copied(db_file, tmp_path, "之前.db").execute("SELECT count(*) FROM settings WHERE key = '对照'").fetchone() == (0,)
    wizard = start(qtbot, window, write_xlsx(tmp_path / "三十人.xlsx", good_rows(30)))
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, PREVIEW)
    press(qtbot, wizard, COMMIT, FINISH)
    assert database.counts(window.session.db)["people"] == 630
    copy = copied(db_file, tmp_path, "导入后.db")
    assert copy.execute("SELECT count(*) FROM people").fetchone() == (630,)
    assert copy.execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_a_save_and_the_end_of_the_session_reach_the_file(qtbot, demo_file, tmp_path):
    lock = DatabaseLock.acquire(demo_file)
    session = Session(database.open_database(demo_file, lock=lock), demo_file, lock)
    other = sqlite3.connect(demo_file)  # another reader keeps SQLite from checkpointing on the last close
    with session.db.atomic():
        session.db.execute("UPDATE people SET notes = '保存' WHERE id = 1")
    assert copied(demo_file, tmp_path, "保存后.db").execute("SELECT notes FROM people WHERE id = 1").fetchone() == ("保存",)
    session.db.execute("UPDATE people SET notes = '退出' WHERE id = 2")
    session.close()
    assert copied(demo_file, tmp_path, "退出后.db").execute("SELECT notes FROM people WHERE id = 2").fetchone() == ("退出",)
    other.close()
