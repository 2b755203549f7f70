"""The print dialog one-click printing opens, driven from the roster window: preview, 保存PDF, 打印."""
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.services.documents.sources import trainees
from app.services.safety import audit
from tests.documents.conftest import period_id
from tests.ui.test_documents_page import POLITICS_1, bundled_fonts, finished, previewed  # noqa: F401 (a fixture)
from ui.documents.print_dialog import PrintDialog
from ui.roster.period_actions import open_period


@pytest.fixture
def roster(qtbot, window):
    shown = open_period(window, window.session, period_id(window.session.db, *POLITICS_1))
    yield shown
    shown.close()


def open_from_menu(qtbot, roster, text: str) -> PrintDialog:
    next(action for action in roster.print_menu.actions() if action.text() == text).trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PrintDialog)
    return previewed(qtbot, dialog)


def test_the_roster_letters_preview_then_save_the_text_pdf(qtbot, window, roster, monkeypatch, tmp_path):
    db = window.session.db
    people = trainees(db, roster.period_id)
    dialog = open_from_menu(qtbot, roster, "入学通知书…")
    assert dialog.windowTitle() == "打印 — 入学通知书"
    assert dialog.preview.page_count() == len(people) and dialog.pages_label.text() == f"入学通知书，共{len(people)}页"
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    asked = []

    def save_name(parent, title, suggested, kinds):
        asked.append(suggested)
        return str(tmp_path / "通知 书"), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "通知 书.pdf"
    assert asked[0].endswith("加强党的政治建设专题培训班第1期入学通知书.pdf")
    reader = PdfReader(str(saved))
    assert len(reader.pages) == len(people)
    assert people[0].name in reader.pages[0].extract_text()  # text, not page images
    assert saved.stat().st_size < 60_000 * len(people)
    assert dialog.pages_label.text() == f"已保存：{saved}" and dialog.isVisible()
    entry = audit.entries(db)[0]
    assert entry["action"] == "保存文书" and entry["detail"].startswith("入学通知书（期次")


def test_print_sends_the_pages_to_the_printer_and_closes(qtbot, window, roster, printed):
    dialog = open_from_menu(qtbot, roster, "学员名册…")
    pages = dialog.shown.pages
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    finished(qtbot, dialog.print_task)
    assert len(PdfReader(str(printed)).pages) == pages
    assert not dialog.isVisible() and window.statusBar().currentMessage() == f"学员名册已送往打印机，共{pages}页"
    assert audit.entries(window.session.db)[0]["action"] == "打印文书"


def test_the_quota_tab_letters_and_a_closed_dialog(qtbot, window, roster):
    roster.tabs.setCurrentWidget(roster.quota_panel)
    qtbot.mouseClick(roster.quota_panel.print_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PrintDialog) and dialog.windowTitle() == "打印 — 学员选调函"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closed before the preview is ready: nothing is left running
    assert not dialog.isVisible()
    folder = Path(dialog._folder.name)
    qtbot.waitUntil(lambda: not folder.exists(), timeout=20000)
