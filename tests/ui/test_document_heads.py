"""文书设置's 版头与版记 tab: per kind of 公文, the 版头 style and mark, 抄送 and 印发机关, saved and printed."""
from PySide6.QtCore import Qt

from app.services.documents import DocumentRequest, heads, render
from app.storage import tables
from tests.ui.conftest import type_text
from ui.documents.document_settings import DocumentSettingsDialog


def open_tab(qtbot, window):
    dialog = DocumentSettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.heads)
    return dialog.heads


def test_it_shows_the_defaults_of_each_kind(qtbot, window):
    tab = open_tab(qtbot, window)
    assert tab.kind.currentText() == "计划通知" and tab.style.currentText() == "红头文件"
    assert tab.organ_mark.text() == "" and "留空则用文书的发文机关" in tab.organ_mark.placeholderText()
    assert not tab.save_button.isEnabled()
    tab.kind.setCurrentIndex(tab.kind.findText("学员选调函"))
    assert tab.style.currentText() == "信函格式"
    tab.kind.setCurrentIndex(tab.kind.findText("入学通知书"))
    assert tab.style.currentText() == "无版头" and not tab.organ_mark.isEnabled()


def test_setting_the_heads_of_a_kind_and_printing_with_them(qtbot, window, tmp_path):
    tab = open_tab(qtbot, window)
    tab.kind.setCurrentIndex(tab.kind.findText("计划通知"))
    type_text(tab.organ_mark, "中共xx县委组织部文件")
    type_text(tab.copy_to, "县委办公室，县政府办公室")
    type_text(tab.printer, "中共xx县委组织部办公室")
    assert tab.error.text() == "" and tab.save_button.isEnabled()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    db = window.session.db
    assert heads.head_settings(db, "plan-notice") == heads.HeadSettings(
        "红头文件", "中共xx县委组织部文件", "县委办公室，县政府办公室", "中共xx县委组织部办公室")
    assert not tab.save_button.isEnabled()
    # the other kinds are as they were
    assert heads.stored_head_settings(db, "unit-letters") == heads.HeadSettings("信函格式", "", "", "")
    plan = tables.plans(db).where("title = ?", ["2020年公务员培训计划"])[0]
    target = tmp_path / "notice.pdf"
    render(db, DocumentRequest("plan-notice", plan_id=plan.id), target)
    from tests.documents.conftest import squeezed
    flat = squeezed(target)
    assert flat.startswith("中共xx县委组织部文件xx组发〔2020〕12号")
    assert "抄送：县委办公室，县政府办公室。中共xx县委组织部办公室2020年4月20日印发" in flat


def test_choosing_no_header_for_the_selection_letters(qtbot, window):
    tab = open_tab(qtbot, window)
    tab.kind.setCurrentIndex(tab.kind.findText("学员选调函"))
    tab.style.setCurrentText("无版头")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert heads.masthead(window.session.db, "unit-letters", issuer="中共xx市委组织部") is None


def test_a_mark_too_long_cannot_be_saved_and_nothing_changes(qtbot, window):
    tab = open_tab(qtbot, window)
    type_text(tab.organ_mark, "中共" + "某" * 23 + "文件")
    assert "发文机关标志不能超过24个字" in tab.error.text() and not tab.save_button.isEnabled()
    tab.organ_mark.clear()
    type_text(tab.printer, "办" * 31)
    assert "印发机关不能超过30个字" in tab.error.text() and not tab.save_button.isEnabled()
    assert heads.stored_head_settings(window.session.db, "plan-notice") == heads.HeadSettings("红头文件", "", "", "")


def test_copies_without_a_printer_are_refused(qtbot, window):
    tab = open_tab(qtbot, window)
    type_text(tab.copy_to, "市委党校")
    assert "请同时填写印发机关" in tab.error.text() and not tab.save_button.isEnabled()
    type_text(tab.printer, "县委组织部办公室")
    assert tab.error.text() == "" and tab.save_button.isEnabled()
