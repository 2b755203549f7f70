"""The import wizard driven through its pages, with files written by the tests."""
import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from app.services import database, people
from app.services import roster as roster_service
from tests.roster_files import (
    BAD_ROWS,
    HEADER,
    NOTED_ROWS,
    fullwidth_row,
    good_rows,
    person,
    write_csv,
    write_xls,
    write_xlsx,
)
from tests.ui.conftest import type_text
from ui.importing.launch import open_import_wizard
from ui.importing.preview_model import ERROR, NOTICE
from ui.importing.steps import COLUMNS, FILE, FINISH, PREVIEW, UNITS
from ui.roster.period_actions import open_period
from ui.shell.changes import Changed

NEXT, COMMIT = QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton


def counts(window) -> dict:
    return database.counts(window.session.db)


def start(qtbot, window, path, period_id=None):
    wizard = open_import_wizard(window, window.session, period_id)  # a child of the window, closed with it
    type_text(wizard.page(FILE).path, str(path))
    return wizard


def press(qtbot, wizard, button, page):
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == page, timeout=10000)


def cell(model, name: str, field_label: str):
    row = next(r for r in range(model.rowCount()) if model.row(r).values["name"] == name)
    return model.index(row, model.headers().index(field_label))


@pytest.fixture(autouse=True)
def close_wizards(window):
    """Each wizard is closed (and so deleted) while its window still lives, as the office closes it."""
    yield
    for wizard in window.findChildren(QWizard):
        wizard.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def mixed(tmp_path):
    rows = good_rows(3) + [row for row, _, _ in BAD_ROWS + NOTED_ROWS] + [fullwidth_row(), good_rows(1)[0]]
    return write_xlsx(tmp_path / "县委办 报送 名单.xlsx", rows)


def test_preview_marks_every_bad_cell_then_imports_in_one_go(qtbot, window, mixed, tmp_path, monkeypatch, answers):
    before, announced = counts(window), []
    window.session.changed.connect(announced.append)
    wizard = start(qtbot, window, mixed)
    press(qtbot, wizard, NEXT, COLUMNS)
    columns = wizard.page(COLUMNS)
    assert columns.header_row.value() == 2 and columns.boxes[5].currentData() == "id_number"
    assert columns.boxes[0].currentData() == ""  # 序号 is not imported
    press(qtbot, wizard, NEXT, UNITS)
    assert list(wizard.page(UNITS).boxes) == ["县新成立办公室"]
    press(qtbot, wizard, NEXT, PREVIEW)
    preview = wizard.page(PREVIEW)
    model = preview.model
    from app.services.importing.columns import LABELS
    expected = ["", "姓名", "性别", "民族", "出生日期", "身份证号码", "工作单位", "职务", "职级", "干部类别",
                "政治面貌", "学历", "联系电话", "重点难点问题或典型案例"]
    # the sheet's own headers (公民身份号码, 现任职务, 手机号码 ...) map onto the office's words
    mapped = [LABELS.get(columns.boxes[index].currentData(), "") for index in range(len(HEADER))]
    assert mapped == expected
    for row, field, word in BAD_ROWS:
        if field == "unit":
            continue  # chosen to be created on the units page
        index = cell(model, row[1], LABELS[field])
        assert index.data(Qt.ItemDataRole.BackgroundRole) == ERROR, row[1]
        assert word in index.data(Qt.ItemDataRole.ToolTipRole)
        assert model.index(index.row(), 1).data() == "未导入"
    for row, field, word in NOTED_ROWS:  # imported as written, the cell yellow with its note
        index = cell(model, row[1], LABELS[field])
        assert index.data(Qt.ItemDataRole.BackgroundRole) == NOTICE and word in index.data(Qt.ItemDataRole.ToolTipRole)
        assert model.index(index.row(), 1).data() == "将新增"
    assert cell(model, "王五", "身份证号码").data(Qt.ItemDataRole.BackgroundRole) == NOTICE
    assert preview.proxy.rowCount() == 6  # the filter starts on the rows to look at: 5 refused, 1 noted
    assert counts(window) == before and announced == []  # nothing written (or announced) before 导入
    press(qtbot, wizard, COMMIT, FINISH)
    assert announced == [Changed.UNITS | Changed.PEOPLE | Changed.ROSTER]  # one notice for the pages
    after = counts(window)
    assert after["people"] == before["people"] + 6 and after["units"] == before["units"] + 1
    assert "新增 <b>6</b> 人" in wizard.page(FINISH).counts.text()
    receipt = tmp_path / "回执.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(receipt), ""))
    wizard.save_receipt()
    results = [row[-2].value for row in load_workbook(receipt).active.iter_rows(min_row=4)]
    assert results.count("未导入") == 5 and results.count("已新增") == 6  # 4 bad rows and the duplicate


def test_a_unit_is_mapped_to_an_existing_one(qtbot, window, tmp_path):
    row = person("对应甲", "1981-01-01", 51, 工作单位="县委办")
    wizard = start(qtbot, window, write_xlsx(tmp_path / "a.xlsx", [row]))
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, UNITS)
    box = wizard.page(UNITS).boxes["县委办"]
    assert box.currentText() == "对应到：县委办公室"  # suggested
    press(qtbot, wizard, NEXT, PREVIEW)
    press(qtbot, wizard, COMMIT, FINISH)
    assert people.by_id_number(window.session.db, row[5]).unit_name == "县委办公室"


def test_the_columns_page_needs_a_name_and_an_id_column(qtbot, window, mixed):
    wizard = start(qtbot, window, mixed)
    press(qtbot, wizard, NEXT, COLUMNS)
    page = wizard.page(COLUMNS)
    page.boxes[5].setCurrentIndex(0)
    assert not page.isComplete() and "身份证号码" in page.problem.text()
    page.boxes[5].setCurrentIndex(page.boxes[5].findData("name"))
    assert "不止一列" in page.problem.text() and not wizard.button(NEXT).isEnabled()
    page.boxes[5].setCurrentIndex(page.boxes[5].findData("id_number"))
    assert page.isComplete()
    page.header_row.setValue(4)  # a row of data is no header: nothing maps
    assert not page.isComplete() and "姓名" in page.problem.text()


def test_cancelling_the_import_leaves_the_database_as_it_was(qtbot, window, mixed, monkeypatch, answers):
    from app.services.importing import commit

    release = threading.Event()
    original = commit._Writer.add_people

    def slow_add(self):
        added = original(self)
        release.wait(5)
        return added
    monkeypatch.setattr(commit._Writer, "add_people", slow_add)
    before, announced = counts(window), []
    window.session.changed.connect(announced.append)
    wizard = start(qtbot, window, mixed)
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, UNITS)
    press(qtbot, wizard, NEXT, PREVIEW)
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    task = wizard.task
    with qtbot.waitSignal(task.done, timeout=10000):
        task.dialog.canceled.emit()  # what the 取消 button of the progress dialog sends
        release.set()
    assert counts(window) == before and wizard.currentId() == PREVIEW and wizard.result is None
    assert announced == []


@pytest.mark.parametrize("writer, name", [(write_xls, "名单.xls"), (write_csv, "名单.csv")])
def test_xls_and_gbk_csv_into_a_period_from_the_roster_window(qtbot, window, tmp_path, writer, name):
    period_id = window.session.db.execute("SELECT id FROM periods WHERE status = '报名' LIMIT 1").fetchone()[0]
    roster = open_period(window, window.session, period_id)
    before = roster.model.rowCount()
    wizard = open_import_wizard(roster, window.session, period_id)  # closes with the roster window
    assert wizard.page(FILE).into_period.isChecked()
    type_text(wizard.page(FILE).path, str(writer(tmp_path / name, good_rows(3))))
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, PREVIEW)
    assert "加入名单3人" in wizard.page(PREVIEW).summary.text()
    press(qtbot, wizard, COMMIT, FINISH)
    assert roster.model.rowCount() == before + 3  # the open roster window refreshed itself
    assert len(roster_service.roster(window.session.db, period_id)) == before + 3
    wizard.close()
    roster.close()


def test_an_unreadable_file_is_explained_and_the_wizard_stays(qtbot, window, tmp_path, answers):
    broken = tmp_path / "坏 文件.xlsx"
    broken.write_bytes(b"not a workbook at all")
    wizard = start(qtbot, window, broken)
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=10000)
    assert "不是有效的Excel文件" in answers["errors"][0][1] and wizard.currentId() == FILE


def test_every_page_fits_a_small_screen(qtbot, window, mixed):
    wizard = start(qtbot, window, mixed)
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, UNITS)
    press(qtbot, wizard, NEXT, PREVIEW)
    for page_id in (FILE, COLUMNS, UNITS, PREVIEW, FINISH):
        hint = wizard.page(page_id).minimumSizeHint()
        assert hint.width() <= 860 and hint.height() <= 400, page_id
    assert wizard.minimumWidth() <= 910 and wizard.minimumHeight() <= 512


def test_updating_known_people_shows_what_will_change(qtbot, window, tmp_path):
    db = window.session.db
    someone = people.search_people(db)[3]
    row = person(someone.name, someone.birth_date, 1, 公民身份号码=someone.id_number, 性别=someone.gender,
                 工作单位=someone.unit_name, 现任职务="新任主任", 职级=someone.rank, 干部类别=someone.cadre_category,
                 政治面貌=someone.political_status, 学历=someone.education, 民族=someone.ethnicity, 手机号码=someone.phone)
    wizard = start(qtbot, window, write_xlsx(tmp_path / "a.xlsx", [row, good_rows(1)[0]]))
    modes = wizard.page(FILE).modes
    next(b for b in modes.buttons() if b.property("mode") == "update").setChecked(True)
    press(qtbot, wizard, NEXT, COLUMNS)
    press(qtbot, wizard, NEXT, PREVIEW)
    preview = wizard.page(PREVIEW)
    assert "更新1人" in preview.summary.text() and "未通过1行" in preview.summary.text()  # 仅更新: the new one is refused
    preview.filter.setCurrentIndex(preview.filter.findData("changes"))
    assert preview.proxy.rowCount() == 1
    changes = preview.proxy.index(0, preview.model.headers().index("将变更")).data()
    assert changes == f"职务：{someone.post}→新任主任"
    press(qtbot, wizard, COMMIT, FINISH)
    assert people.get_person(db, someone.id).post == "新任主任"
    assert people.by_id_number(db, good_rows(1)[0][5]) is None
