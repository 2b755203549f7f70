"""Issue 14 in the window: 设置 → 名称规范化 (map a word the archive holds, save, read back, make the archive
standard), the person form keeping and saving a word that is not standard, the unit form's length limit,
and the import wizard's preview saying what it keeps as written and where a period's capacity is passed."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard

from app.domain.models import Unit
from app.services import people, units
from app.services.importing import word_variants
from app.services.importing.pipeline import import_file
from app.services.importing.plan import ImportOptions
from app.services.safety import audit
from tests.roster_files import id_number, person, write_xlsx
from tests.ui.helpers import when_dialog_opens
from tests.ui.test_import_wizard import NEXT, PREVIEW, cell, press, start
from ui.common.form import HINT_STYLE
from ui.importing.preview_model import NOTICE
from ui.importing.steps import COLUMNS
from ui.importing.word_variants_dialog import WordVariantsDialog
from ui.people.person_dialog import PersonDialog
from ui.units.units_page import UnitDialog

CHIEF = id_number("1980-01-01", 11)


@pytest.fixture
def imported(window, tmp_path):
    """A unit's list with a rank and an ethnic group nobody mapped, imported into the window's database."""
    rows = [person("甲主任", "1980-01-01", 11, 职级="主任科员"), person("乙主任", "1981-01-01", 13, 职级="主任科员"),
            person("丙穿青", "1982-01-01", 15, 民族="穿青人")]
    import_file(window.session.db, write_xlsx(tmp_path / "a.xlsx", rows), ImportOptions())
    return window


def menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu().title() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def choose_in_cell(dialog: WordVariantsDialog, row: int, word: str) -> None:
    """Double-clicks the 对应为 cell and picks a word from its list, as the clerk does."""
    index = dialog.model.index(row, 3)
    dialog.table.edit(index)
    editor = dialog.table.findChild(QComboBox)
    position = editor.findData(word)
    editor.setCurrentIndex(position)
    editor.activated.emit(position)


def test_a_word_seen_in_the_archive_is_mapped_saved_and_made_standard(qtbot, imported, answers, qtmodeltester):
    window, db = imported, imported.session.db
    seen = {}

    def act(dialog):
        qtmodeltester.check(dialog.model)
        rows = {dialog.model.index(r, 1).data(): r for r in range(dialog.model.rowCount())}
        seen["rows"] = {word: dialog.model.index(r, 2).data() for word, r in rows.items()}
        seen["hint"] = dialog.model.index(rows["主任科员"], 1).data(Qt.ItemDataRole.ToolTipRole)
        choose_in_cell(dialog, rows["主任科员"], "二级主任科员")
        seen["shown"] = dialog.model.index(rows["主任科员"], 3).data()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # saves, then offers to change the archive
        seen["after"] = dialog.model.index(rows["主任科员"], 2).data()
        dialog.reject()
    when_dialog_opens(act)
    menu_action(window, "设置(&S)", "名称规范化(&N)…").trigger()
    assert seen["rows"] == {"主任科员": "2", "穿青人": "1"} and "一级或二级主任科员" in seen["hint"]
    assert seen["shown"] == "二级主任科员" and seen["after"] == "0"
    assert "2人的写法改为标准名称" in answers["asked"][0][1] and "已把2人的写法改为标准名称" in answers["infos"][0][1]
    assert people.by_id_number(db, CHIEF).rank == "二级主任科员"
    assert word_variants.office_variants(db) == {"rank": {"主任科员": "二级主任科员"}}
    assert [e["action"] for e in audit.entries(db)[:2]] == ["名称规范化", "保存名称规范化"]
    again = WordVariantsDialog(window.session, window)  # read back: the mapping is listed, and can be undone
    qtbot.addWidget(again)
    shown = {again.model.index(r, 1).data(): again.model.index(r, 3).data() for r in range(again.model.rowCount())}
    assert shown == {"主任科员": "二级主任科员", "穿青人": "（保持原样）"}
    assert not again.apply_button.isEnabled()


def test_declining_to_change_the_archive_keeps_the_mapping_for_later(qtbot, imported, answers):
    db = imported.session.db
    dialog = WordVariantsDialog(imported.session, imported)
    qtbot.addWidget(dialog)
    rows = {dialog.model.index(r, 1).data(): r for r in range(dialog.model.rowCount())}
    choose_in_cell(dialog, rows["穿青人"], "汉族")
    answers["replies"].append(1)  # 暂不
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert people.by_id_number(db, id_number("1982-01-01", 15)).ethnicity == "穿青人"
    assert word_variants.office_variants(db) == {"ethnicity": {"穿青人": "汉族"}}
    assert dialog.apply_button.isEnabled() and "1人的写法已可改为标准名称" in dialog.summary.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert people.by_id_number(db, id_number("1982-01-01", 15)).ethnicity == "汉族"


def test_the_person_form_shows_a_word_kept_as_written_and_saves_it(qtbot, imported):
    db = imported.session.db
    chief = people.by_id_number(db, CHIEF)
    dialog = PersonDialog(imported, db, chief)
    qtbot.addWidget(dialog)
    assert dialog.rank.currentText() == "主任科员（非标准名称）" and dialog.rank.currentData() == "主任科员"
    hint = dialog.errors.labels["rank"]
    assert hint.text().startswith("职级“主任科员”不是标准名称") and hint.styleSheet() == HINT_STYLE
    assert dialog.save_button.isEnabled() and "不妨碍保存" in dialog.summary.text()
    dialog.post.setText("综合股股长")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = people.get_person(db, chief.id)
    assert (saved.rank, saved.post) == ("主任科员", "综合股股长")
    dialog = PersonDialog(imported, db, saved)
    qtbot.addWidget(dialog)
    dialog.rank.setCurrentIndex(dialog.rank.findData("二级主任科员"))
    assert not dialog.errors.labels["rank"].isVisibleTo(dialog) and dialog.summary.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert people.get_person(db, chief.id).rank == "二级主任科员"


def test_the_person_form_refuses_a_formula_for_a_name(qtbot, imported):
    db = imported.session.db
    chief = people.by_id_number(db, CHIEF)
    dialog = PersonDialog(imported, db, chief)
    qtbot.addWidget(dialog)
    dialog.name.setText("=1+1")
    assert dialog.errors.labels["name"].text() == "姓名以“=”开头，可能是公式" and not dialog.save_button.isEnabled()
    dialog.save()
    assert people.get_person(db, chief.id).name == "甲主任"


def test_the_unit_form_refuses_a_name_of_101_characters(qtbot, window):
    db = window.session.db
    before = [unit.name for unit in units.list_units(db)]
    dialog = UnitDialog(window, db, Unit(name=""))
    qtbot.addWidget(dialog)
    dialog.name.setText("局" * 101)
    assert dialog.errors.labels["name"].text() == "单位名称过长（共101个字，最多100个字）"
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert [unit.name for unit in units.list_units(db)] == before
    dialog.name.setText("局" * 100)
    assert dialog.save_button.isEnabled()


def test_the_preview_says_what_is_kept_as_written_and_that_the_capacity_is_passed(qtbot, window, tmp_path):
    db = window.session.db
    period = db.execute("SELECT id FROM periods WHERE status = '报名' LIMIT 1").fetchone()[0]
    enrolled = db.execute("SELECT count(*) FROM enrollments WHERE period_id = ? AND status NOT IN ('已替换', '退学')",
                          [period]).fetchone()[0]
    db.execute("UPDATE periods SET capacity = ? WHERE id = ?", [enrolled + 1, period])
    db.conn.commit()
    rows = [person("容主任", "1980-01-01", 11, 职级="主任科员"), person("容科员", "1981-01-01", 13, 职级="科员"),
            person("容生日", "1972-09-30", 15, 出生日期="72.9.30")]
    wizard = start(qtbot, window, write_xlsx(tmp_path / "a.xlsx", rows), period)
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, PREVIEW)
    preview = wizard.page(PREVIEW)
    assert preview.warnings.isVisibleTo(preview)
    assert f"本期容量{enrolled + 1}人，已有{enrolled}人，导入后将有{enrolled + 3}人，超出2人" in preview.warnings.text()
    assert preview.notes.isVisibleTo(preview) and "职级“主任科员”1行" in preview.notes.text()
    rank = cell(preview.model, "容主任", "职级")
    assert rank.data() == "主任科员" and rank.data(Qt.ItemDataRole.BackgroundRole) == NOTICE
    assert "不是标准名称，已按原文保存" in rank.data(Qt.ItemDataRole.ToolTipRole)
    assert cell(preview.model, "容科员", "职级").data() == "一级科员"
    assert cell(preview.model, "容生日", "出生日期").data() == "1972-09-30"
    assert preview.proxy.rowCount() == 3  # nothing refused: every row shown
    preview.filter.setCurrentIndex(preview.filter.findData("problems"))
    assert preview.proxy.rowCount() == 1  # only the row with a word kept as written needs a look
    assert "未通过0行" in preview.summary.text() and "加入名单3人" in preview.summary.text()
    for opened in window.findChildren(QWizard):
        opened.close()
