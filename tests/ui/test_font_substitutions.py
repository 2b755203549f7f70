"""The 文书设置 dialog's font page names the fonts that stand in, in the words the print command uses."""
import shutil

from app import config
from app.services.documents import fonts
from ui.documents.document_settings import DocumentSettingsDialog


def test_the_fonts_tab_names_each_stand_in(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(config.resource_file("fonts", fonts.BUNDLED[0]), folder / "simhei.ttf")  # a 黑体, no 小标宋
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [folder])
    monkeypatch.setattr(fonts, "fontconfig_fonts", lambda: {})  # this machine's own fonts stay out of it
    dialog = DocumentSettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    lines = dialog.fonts.report.toPlainText().splitlines()
    assert "标题用黑体代替方正小标宋" in lines and "一级标题（黑体）：黑体（simhei.ttf）" in lines
    assert f"正文用{fonts.BUNDLED_LABEL}代替仿宋" in lines
    assert fonts.font_set().notes == [line for line in lines if "代替" in line]
