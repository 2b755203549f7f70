"""文书设置: templates checked as you type, the issuing body, the seal, the fonts in use."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFileDialog

from app.services import settings
from app.services.documents.seal import seal_image
from app.services.documents.templates import ADMISSION
from tests.ui.conftest import type_text
from ui.documents.document_settings import DocumentSettingsDialog


def open_dialog(qtbot, window):
    dialog = DocumentSettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def stored_template(db):
    return settings.get(db, ADMISSION.setting, "")


def test_the_dialog_fits_a_small_screen(qtbot, window):
    dialog = open_dialog(qtbot, window)
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 910 and hint.height() <= 512, (tab, hint)


def test_a_template_with_an_unknown_field_cannot_be_saved(qtbot, window):
    tab = open_dialog(qtbot, window).templates
    assert tab.template.key == "admission_letter" and not tab.save_button.isEnabled()
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    type_text(tab.editor, "\n请携带{学号}")
    assert "“{学号}”不是可用的字段" in tab.error.text()
    assert not tab.save_button.isEnabled()
    assert stored_template(window.session.db) == ""


def test_editing_saving_and_restoring_a_template(qtbot, window):
    tab = open_dialog(qtbot, window).templates
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    type_text(tab.editor, "\n七、其他。请提前安排好工作。")
    assert tab.error.text() == "" and tab.save_button.isEnabled()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert stored_template(window.session.db).endswith("七、其他。请提前安排好工作。")
    assert not tab.save_button.isEnabled()
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert stored_template(window.session.db) == ""
    assert tab.editor.toPlainText() == ADMISSION.default


def test_double_clicking_a_field_inserts_it(qtbot, window):
    tab = open_dialog(qtbot, window).templates
    tab.chooser.setCurrentIndex(tab.chooser.findText("学员选调函"))
    item = next(tab.fields.item(i) for i in range(tab.fields.count()) if tab.fields.item(i).text().startswith("{名额}"))
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    tab.fields.itemDoubleClicked.emit(item)
    assert tab.editor.toPlainText().endswith("{名额}")


def test_the_issuing_body_is_required(qtbot, window):
    tab = open_dialog(qtbot, window).letterhead
    tab.office.clear()
    assert "请填写发文机关名称" in tab.error.text() and not tab.save_button.isEnabled()
    type_text(tab.office, "中共某某县委组织部")
    tab.reply_days.setValue(7)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    db = window.session.db
    assert settings.get(db, "office_name") == "中共某某县委组织部"
    assert settings.get(db, "unit_letter_reply_days") == 7


def test_choosing_and_clearing_the_seal(qtbot, window, monkeypatch, tmp_path, answers):
    seal = tmp_path / "印章 图片.png"
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setPen(QColor(200, 0, 0))
    painter.drawEllipse(10, 10, 180, 180)
    painter.end()
    image.save(str(seal))
    not_png = tmp_path / "假的.png"
    not_png.write_text("这不是图片")
    tab = open_dialog(qtbot, window).letterhead
    assert tab.seal.text() == "未设置" and not tab.clear_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(not_png), ""))
    qtbot.mouseClick(tab.choose_button, Qt.MouseButton.LeftButton)
    assert answers["errors"] == [("无法使用该图片", "印章图片须为 PNG 格式（透明背景）")]
    assert seal_image(window.session.db) is None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(seal), ""))
    qtbot.mouseClick(tab.choose_button, Qt.MouseButton.LeftButton)
    assert seal_image(window.session.db) == seal.read_bytes()
    assert tab.seal.pixmap() is not None and not tab.seal.pixmap().isNull()
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert seal_image(window.session.db) is None


def test_the_fonts_tab_says_which_font_prints_what(qtbot, window):
    report = open_dialog(qtbot, window).fonts.report.toPlainText()
    assert "正文（3号仿宋）：" in report and "标题（2号小标宋）：" in report
    assert "fonts" in report
