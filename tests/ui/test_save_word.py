"""保存为Word… in the print centre and the print dialog, driven as a user drives them: the save dialog with
its .docx filter, the file made in a worker, read back with python-docx, and what the audit log says."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.domain.errors import UserError
from app.services.documents.sources import trainees
from app.services.safety import audit
from tests.documents.conftest import add_trainee, period_id
from tests.documents.test_fonts import NOT_IN_ANY_FONT
from tests.documents.word_reading import all_text, open_docx, section_breaks
from tests.ui.test_documents_page import (  # noqa: F401 (fixtures)
    POLITICS_1,
    bundled_fonts,
    finished,
    page,
    previewed,
    select_period,
    wait_preview,
)
from ui.documents import print_actions
from ui.documents.output import Printable
from ui.documents.print_dialog import PrintDialog
from ui.roster.period_actions import open_period


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """The save dialog: what it offered, and the name the user typed (without its extension)."""
    seen = {"answer": str(tmp_path / "保存 目录" / "通知书")}
    (tmp_path / "保存 目录").mkdir()

    def save_name(parent, title, suggested, filters):
        seen.update(title=title, suggested=suggested, filters=filters)
        return (seen["answer"], filters) if seen["answer"] else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    return seen


def test_the_print_centre_saves_the_letters_as_word(qtbot, page, window, asked, tmp_path):  # noqa: F811
    db = window.session.db
    select_period(qtbot, page, *POLITICS_1)
    people = trainees(db, period_id(db, *POLITICS_1))
    wait_preview(qtbot, page, pages=len(people))
    assert page.word_button.isEnabled() and page.word_button.text() == "保存为Word…"
    qtbot.mouseClick(page.word_button, Qt.MouseButton.LeftButton)
    finished(qtbot, page.word_task)
    assert asked["title"] == "保存为 Word 文件" and asked["filters"] == "Word 文件 (*.docx)"
    assert asked["suggested"].endswith("加强党的政治建设专题培训班第1期入学通知书.docx")
    saved = tmp_path / "保存 目录" / "通知书.docx"
    document = open_docx(saved)
    assert section_breaks(document) == len(people) - 1
    assert all(f"{p.name}同志：" in all_text(document) for p in people)
    entry = audit.entries(db)[0]
    assert entry["action"] == "保存文书" and entry["detail"].endswith(f"：Word {len(people)}份")
    assert window.statusBar().currentMessage() == f"已保存 Word 文件：{saved}"


def test_the_word_button_waits_for_the_preview_and_a_cancelled_dialog_saves_nothing(qtbot, page, asked, tmp_path):  # noqa: F811
    page.kind_box.setCurrentIndex(page.kind_box.findText("学员名册"))
    assert not page.word_button.isEnabled()
    select_period(qtbot, page, *POLITICS_1)
    wait_preview(qtbot, page, pages=3)  # the names, then the 班委, groups and 守则
    asked["answer"] = ""
    qtbot.mouseClick(page.word_button, Qt.MouseButton.LeftButton)
    assert page.word_task is None and list((tmp_path / "保存 目录").iterdir()) == []


def test_a_folder_that_cannot_be_written_says_so(qtbot, page, asked, answers, tmp_path):  # noqa: F811
    blocker = tmp_path / "保存 目录" / "是文件"
    blocker.write_text("x")
    asked["answer"] = str(blocker / "名册.docx")  # its folder is a file
    page.kind_box.setCurrentIndex(page.kind_box.findText("学员名册"))
    select_period(qtbot, page, *POLITICS_1)
    wait_preview(qtbot, page, pages=3)  # the names, then the 班委, groups and 守则
    qtbot.mouseClick(page.word_button, Qt.MouseButton.LeftButton)
    finished(qtbot, page.word_task)
    assert answers["errors"] and answers["errors"][0][0] == "未能保存"
    assert "无法保存到" in answers["errors"][0][1] and blocker.read_text() == "x"


def test_the_print_dialog_saves_word_too(qtbot, window, asked, tmp_path):
    roster = open_period(window, window.session, period_id(window.session.db, *POLITICS_1))
    try:
        next(action for action in roster.print_menu.actions() if action.text() == "入学通知书…").trigger()
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PrintDialog)
        previewed(qtbot, dialog)
        assert dialog.word_button.isVisible() and dialog.word_button.isEnabled()
        qtbot.mouseClick(dialog.word_button, Qt.MouseButton.LeftButton)
        finished(qtbot, dialog.word_task)
        saved = tmp_path / "保存 目录" / "通知书.docx"
        assert dialog.pages_label.text() == f"已保存：{saved}" and dialog.isVisible()
        assert "入学通知书" in all_text(open_docx(saved))
        dialog.reject()
    finally:
        roster.close()


def test_a_document_with_no_word_form_shows_no_word_button(qtbot, window, tmp_path):
    """The calendar's month is drawn by Qt: it has no Word form, and the dialog offers none."""
    def make(db, target: Path, progress) -> int:
        raise UserError("本月没有安排")

    printable = Printable("日历", "日历.pdf", make, lambda db, pages, how: None)
    dialog = PrintDialog(window, window.session, printable)
    previewed(qtbot, dialog)
    assert dialog.preview.message.text() == "本月没有安排"
    assert not dialog.word_button.isVisibleTo(dialog) and not dialog.word_button.isEnabled()
    dialog.reject()


def test_a_name_no_font_has_stops_the_pdf_but_not_the_word_file(qtbot, page, window, asked, tmp_path):  # noqa: F811
    db = window.session.db
    period = period_id(db, *POLITICS_1)
    add_trainee(db, period, f"赵{NOT_IN_ANY_FONT}")
    page.kind_box.setCurrentIndex(page.kind_box.findText("学员名册"))
    select_period(qtbot, page, *POLITICS_1)
    wait_preview(qtbot, page)
    assert page.pages_label.text() == "无法打印" and "仍可单击“保存为Word…”" in page.preview.message.text()
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled() and page.word_button.isEnabled()
    qtbot.mouseClick(page.word_button, Qt.MouseButton.LeftButton)
    finished(qtbot, page.word_task)
    assert f"赵{NOT_IN_ANY_FONT}" in all_text(open_docx(tmp_path / "保存 目录" / "通知书.docx"))
    page.kind_box.setCurrentIndex(page.kind_box.findText("入学通知书"))  # another choice: nothing to save yet
    assert not page.word_button.isEnabled()


def test_the_print_dialog_offers_word_when_a_character_stops_the_pdf(qtbot, window, asked, tmp_path):
    db = window.session.db
    period = period_id(db, *POLITICS_1)
    add_trainee(db, period, f"钱{NOT_IN_ANY_FONT}")
    dialog = previewed(qtbot, print_actions.print_sign_in_sheets(window, window.session, period))
    assert f"学员“钱{NOT_IN_ANY_FONT}”的姓名" in dialog.preview.message.text()
    assert "仍可单击“保存为Word…”" in dialog.preview.message.text()
    assert not dialog.print_button.isEnabled() and dialog.word_button.isEnabled()
    qtbot.mouseClick(dialog.word_button, Qt.MouseButton.LeftButton)
    finished(qtbot, dialog.word_task)
    assert f"钱{NOT_IN_ANY_FONT}" in all_text(open_docx(tmp_path / "保存 目录" / "通知书.docx"))
    dialog.reject()
