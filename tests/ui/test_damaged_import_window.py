"""Damaged files in the window: the import wizard's first page and 导入学时 show the same one-line reasons as
the command line, never the parsers' English; a list on a hidden sheet is read and says so."""
import re

from PySide6.QtCore import Qt

from app.services import database
from tests.app.test_damaged_files import hidden_xlsx, impossible_date, spoiled_zip_data, truncated_xls
from tests.roster_files import good_rows, write_xlsx
from tests.ui.helpers import stats_page, when_dialog_opens
from tests.ui.test_import_wizard import NEXT, close_wizards, press, start  # noqa: F401
from ui.hours import hours_import
from ui.importing import file_page
from ui.importing.steps import COLUMNS, FILE, PREVIEW

DAMAGED = "不完整或已损坏（可能下载、复制时中断），请让单位重新发送"


def refused(qtbot, window, path, answers) -> str:
    wizard = start(qtbot, window, path)
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=10000)
    assert wizard.currentId() == FILE
    return answers["errors"].pop()[1]


def no_english(text: str) -> bool:
    return not re.search(r"[A-Za-z]{4,}", re.sub(r"Excel|WPS|xlsx|xls|error\.log|logs", "", text))


def test_a_byte_damaged_workbook_is_one_chinese_line_on_the_first_page(qtbot, window, tmp_path, answers):
    before = database.counts(window.session.db)
    text = refused(qtbot, window, spoiled_zip_data(tmp_path), answers)
    assert text == f"“损坏 名单.xlsx”{DAMAGED}"
    text = refused(qtbot, window, impossible_date(tmp_path), answers)  # a Rust panic inside the parser
    assert text == f"“出生日期 名单.xlsx”{DAMAGED}"
    text = refused(qtbot, window, truncated_xls(tmp_path), answers)
    assert text == f"“中断 名单.xls”{DAMAGED}"
    assert database.counts(window.session.db) == before


def test_an_unforeseen_failure_shows_chinese_and_logs_the_english(qtbot, window, tmp_path, answers, monkeypatch, home):
    def broken(path):
        raise RuntimeError("Cfb error: Sector 4294967040 points past end of file")

    monkeypatch.setattr(file_page, "read_sheets", broken)
    text = refused(qtbot, window, write_xlsx(tmp_path / "名单.xlsx", good_rows(2)), answers)
    assert text.startswith("程序内部错误，操作未完成，数据未作改动；详细信息已写入日志") and no_english(text.split("：")[0])
    assert "Sector" not in text
    assert "points past end of file" in (home / "logs" / "error.log").read_text(encoding="utf-8")


def test_a_list_with_only_its_header_says_so_before_the_preview(qtbot, window, tmp_path, answers):
    wizard = start(qtbot, window, write_xlsx(tmp_path / "空 名单.xlsx", []))
    press(qtbot, wizard, NEXT, COLUMNS)
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=10000)
    assert "表头（第2行）下没有数据行" in answers["errors"].pop()[1]
    assert wizard.currentId() == COLUMNS


def test_a_list_on_a_hidden_sheet_is_previewed_with_a_note(qtbot, window, tmp_path):
    wizard = start(qtbot, window, hidden_xlsx(tmp_path, "hidden"))
    press(qtbot, wizard, NEXT, COLUMNS)
    columns = wizard.page(COLUMNS)
    assert columns.sheet_box.currentText() == "名单（隐藏）"
    press(qtbot, wizard, NEXT, PREVIEW)
    notes = wizard.page(PREVIEW).notes
    assert notes.isVisible() and notes.text() == "名单在隐藏的工作表“名单”中，已读取"


def test_the_hours_import_shows_the_same_line_for_a_damaged_file(qtbot, window, tmp_path, monkeypatch, answers):
    monkeypatch.setattr(hours_import, "ask_file", lambda parent: truncated_xls(tmp_path))
    page = stats_page(qtbot, window)
    count = window.session.db.execute("SELECT count(*) FROM hours_records").fetchone()[0]
    when_dialog_opens(lambda dialog: dialog.start_button.click())
    task = hours_import.import_hours_file(page, window.session)
    qtbot.waitUntil(lambda: task.error is not None, timeout=10000)
    assert answers["errors"] == [("未能完成", f"“中断 名单.xls”{DAMAGED}")]
    assert window.session.db.execute("SELECT count(*) FROM hours_records").fetchone()[0] == count
