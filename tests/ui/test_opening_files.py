"""Opening a database from the window: a damaged file (a short summary, details behind a button, fitting a
small screen), an import the last session left unfinished, a file where nothing can be written."""
import json
import os
import re
import sys

from PySide6.QtWidgets import QMessageBox

from app.cli import main
from app.services import database
from app.services.importing.marker import marker_path
from app.storage import filesystem
from tests.damage import spoil_fragment_counts
from tests.killed_import import kill_during_commit
from tests.read_only_mount import needs_read_only_mount, run_read_only
from tests.roster_files import good_rows, write_xlsx
from ui.common import messages
from ui.shell import database_actions
from ui.shell.main_window import MainWindow
from ui.shell.session import Session

SMALL_SCREEN = (910, 512)  # 1366×768 at 150%


def fits(box: QMessageBox) -> bool:
    """The box within the small screen, and every button of it inside the box."""
    if box.width() > SMALL_SCREEN[0] or box.height() > SMALL_SCREEN[1]:
        return False
    inside = box.rect()
    return all(inside.contains(button.mapTo(box, button.rect().bottomRight())) for button in box.buttons())


def test_a_damaged_file_gets_a_short_summary_with_quick_checks_lines_behind_a_button(qtbot, demo_file, monkeypatch):
    spoil_fragment_counts(demo_file)
    shown = []

    def choose(parent, title, text, buttons, default=0, details=""):
        box = messages.question_box(parent, title, text, buttons, default, details=details)
        qtbot.addWidget(box)
        box.show()
        collapsed = fits(box)
        toggle = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
        toggle.click()
        shown.append((title, text, details, collapsed, fits(box)))
        return 1  # 取消: keep the damaged file for the technician

    monkeypatch.setattr(messages, "choose", choose)
    assert database_actions.start_database(demo_file) is None
    title, text, details, collapsed, expanded = shown[0]
    assert title == "数据库已损坏" and len(text.splitlines()) <= 3
    assert "“示范.db”已损坏（发现100处问题），已改名保存为“示范.db.damaged”" in text
    assert len(details.splitlines()) == 100 and all(re.match(r"(Fragmentation of|Page \d+: free space)", line) for line in details.splitlines())
    assert collapsed and expanded
    assert (demo_file.parent / "示范.db.damaged").exists() and not demo_file.exists()


def test_restore_from_the_command_line_after_the_window_set_the_damaged_file_aside(answers, demo_file, capsys):
    assert main(["backup", "--db", str(demo_file)]) == 0
    backup = next((demo_file.parent / "backups").glob("*.db"))
    spoil_fragment_counts(demo_file)
    answers["replies"] = [1]
    assert database_actions.start_database(demo_file) is None  # set aside, restoring declined
    capsys.readouterr()
    assert main(["restore", str(backup), "--db", str(demo_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"已用 {backup.name} 恢复数据库，检查完好（人员600，") and "恢复前没有数据库文件" in out
    assert main(["check", "--db", str(demo_file)]) == 0


def test_the_next_start_tells_of_an_import_killed_in_its_transaction(answers, demo_file, tmp_path):
    names = write_xlsx(tmp_path / "县委办 名单.xlsx", good_rows(30))
    kill_during_commit("import-roster", names, "--db", demo_file, folder=tmp_path)
    assert marker_path(demo_file).exists()
    opened = database_actions.start_database(demo_file)
    assert answers["infos"] == [("导入未完成", "上次导入（县委办 名单.xlsx）未完成，数据保持导入前的状态")]
    assert database.counts(opened.db)["people"] == 600 and not marker_path(demo_file).exists()
    opened.db.close()
    opened.lock.release()
    opened = database_actions.start_database(demo_file)
    assert len(answers["infos"]) == 1  # told once
    opened.db.close()
    opened.lock.release()


def test_a_file_in_a_read_only_place_opens_read_only_down_to_its_workers(qtbot, answers, demo_file, monkeypatch):
    monkeypatch.setattr(filesystem, "is_writable", lambda path: False)  # the one seam: as on a CD
    opened = database_actions.start_database(demo_file)
    assert answers["asked"][0][2] == ["只读打开", "取消"] and opened.lock is None
    session = Session(opened.db, opened.path, opened.lock)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert window.show_page("学员").model.total == 600 and "只读" in window.windowTitle()
    with session.worker_connection() as db:
        assert db.execute("SELECT count(*) FROM people").fetchone() == (600,)
        try:
            db.execute("DELETE FROM audit_log")
        except Exception as error:  # noqa: BLE001  (the kind is what is checked)
            refused = str(error)
    assert refused == "attempt to write a readonly database"
    session.close()


WINDOW_OPENS = """
import json, sys
from pathlib import Path
from ui.shell.main import make_app
from ui.common import messages
asked = []
messages.choose = lambda parent, title, text, buttons, default=0, details="": asked.append(text) or 0
messages.error = lambda parent, title, text, details="": asked.append("错误：" + text)
app = make_app()
from ui.shell import database_actions
from ui.shell.main_window import MainWindow
from ui.shell.session import Session
opened = database_actions.start_database(Path(sys.argv[1]))
session = Session(opened.db, opened.path, opened.lock)
window = MainWindow(session)
window.show()
people = window.show_page("学员").model.total
session.close()
print(json.dumps({"asked": asked, "read_only": session.read_only, "people": people}, ensure_ascii=False))
"""


@needs_read_only_mount
def test_the_window_opens_a_file_on_a_read_only_mount(demo_file, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRAINDESK_HOME=str(tmp_path / "家"))
    result = run_read_only(demo_file.parent, sys.executable, "-c", WINDOW_OPENS, str(demo_file), env=env)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.splitlines()[-1])
    assert shown["read_only"] and shown["people"] == 600
    assert len(shown["asked"]) == 1 and "“示范.db”或其所在文件夹是只读的" in shown["asked"][0]
