"""The import wizard with untrusted files: hostile ones refused on the first page, formulas without a result
and macros shown in the preview, ID numbers masked there, and no import without its backup."""
from PySide6.QtCore import Qt

from app.services import database
from app.services.safety import audit
from app.services.safety.spreadsheet_guard import MAX_PART_BYTES
from app.storage import backup
from tests.app.test_spreadsheet_guard import rewrite
from tests.roster_files import HEADER, good_rows, person, write_xlsx
from tests.ui.test_import_wizard import COMMIT, NEXT, cell, close_wizards, press, start  # noqa: F401
from ui.importing.preview_model import NOTICE
from ui.importing.steps import COLUMNS, FILE, FINISH, PREVIEW


def test_a_zip_bomb_is_refused_on_the_first_page(qtbot, window, tmp_path, answers):
    plain = write_xlsx(tmp_path / "明文.xlsx", good_rows(2))
    bomb = rewrite(plain, tmp_path / "炸弹.xlsx", {}, {"xl/sharedStrings.xml": b"<sst>" + b"\0" * (MAX_PART_BYTES + 1)})
    wizard = start(qtbot, window, bomb)
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=10000)
    assert "解压后异常庞大" in answers["errors"][0][1] and wizard.currentId() == FILE


def test_the_preview_masks_ids_marks_formulas_and_notes_macros(qtbot, window, tmp_path):
    formula = person("张公式", "1981-02-03", 21)
    formula[HEADER.index("手机号码")] = "=13800000000+1"
    rows = good_rows(2) + [formula]
    macro = rewrite(write_xlsx(tmp_path / "明文.xlsx", rows), tmp_path / "带宏 名单.xlsm", {},
                    {"xl/vbaProject.bin": b"\0" * 200})
    wizard = start(qtbot, window, macro)
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, PREVIEW)
    preview = wizard.page(PREVIEW)
    assert preview.notes.isVisible() and "不会运行宏" in preview.notes.text()
    phone = cell(preview.model, "张公式", "联系电话")
    # the phone is left out with its reason; the row is still imported
    assert phone.data(Qt.ItemDataRole.BackgroundRole) == NOTICE and "是公式" in phone.data(Qt.ItemDataRole.ToolTipRole)
    shown = cell(preview.model, rows[0][1], "身份证号码").data()
    full = rows[0][HEADER.index("公民身份号码")]
    assert shown == full[:6] + "********" + full[-4:]
    preview.full_ids.setChecked(True)
    assert cell(preview.model, rows[0][1], "身份证号码").data() == full
    entry = audit.entries(window.session.db, limit=1)[0]
    assert entry["action"] == "显示完整身份证号" and entry["detail"] == "导入预览：带宏 名单.xlsm"


def test_the_import_is_backed_up_first_and_refused_without_a_backup(qtbot, window, tmp_path, answers):
    path = window.session.path
    folder = backup.backups_folder(path)
    wizard = start(qtbot, window, write_xlsx(tmp_path / "名单.xlsx", good_rows(2)))
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, PREVIEW)
    folder.mkdir(exist_ok=True)
    folder.rmdir()
    folder.write_text("a file where the backups folder should be")
    before = database.counts(window.session.db)
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=10000)
    title, text = answers["errors"][0]
    assert title == "导入未完成" and "导入前的自动备份未能完成" in text and wizard.currentId() == PREVIEW
    assert database.counts(window.session.db) == before
    folder.unlink()
    press(qtbot, wizard, COMMIT, FINISH)
    assert database.counts(window.session.db)["people"] == before["people"] + 2
    assert [b.reason for b in backup.list_backups(folder, path.stem)] == ["导入前"]
