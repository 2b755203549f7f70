"""The statistics page's 导入学时 and 导出Excel, driven as a user drives them (file dialogs patched)."""
from datetime import date

from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication

from app.services import database
from app.services.hours import ledger as hours
from app.services.hours.columns import HoursLayout
from app.services.hours.importer import HoursImport
from app.services.safety import audit
from app.services.stats import statistics
from tests.hours_files import write_xlsx
from tests.ui.conftest import type_text
from tests.ui.helpers import figures_arrived, stats_page, when_dialog_opens
from ui.hours import hours_import
from ui.hours.hours_import_dialogs import HoursImportOptionsDialog, HoursImportResultDialog
from ui.shell.changes import Changed
from ui.shell.main_window import MainWindow
from ui.shell.session import Session
from ui.stats import stats_export

TABS = ["概览", "按班次", "按单位", "按干部类别", "按职级", "按班次类型", "应训未训", "学时档案", "全覆盖"]


def demo_people(db, count: int) -> list[tuple[int, str, str]]:
    return list(db.execute("SELECT id, name, id_number FROM people ORDER BY id LIMIT ?", [count]))


def result_dialog(qtbot) -> HoursImportResultDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HoursImportResultDialog), timeout=10000)
    return QApplication.activeModalWidget()


def test_import_button_imports_the_valid_rows_and_lists_the_refused(qtbot, window, tmp_path, monkeypatch):
    db = window.session.db
    page = stats_page(qtbot, window)
    (first, name, number), second = demo_people(db, 2)
    rows = [[1, name, number, 6, date(2020, 11, 2), "", "课程一"], [2, second[1], second[2], "六", "", "", ""]]
    monkeypatch.setattr(hours_import, "ask_file", lambda parent: write_xlsx(tmp_path / "网络 学院.xlsx", rows))
    before = hours.person_hours(db, first, 2020)
    announced = []
    window.session.changed.connect(announced.append)

    def start(dialog: HoursImportOptionsDialog):
        type_text(dialog.source, "中国干部网络学院")
        dialog.year.setValue(2020)
        dialog.start_button.click()

    when_dialog_opens(start)
    page.import_hours.click()
    dialog = result_dialog(qtbot)
    assert "共2行，导入1条（6学时），未通过1行" in dialog.summary.text()
    assert [(r.line, r.name, r.reason) for r in dialog.model.records()] == [(4, second[1], "学时“六”不是数字")]
    dialog.accept()
    saved = hours.records_of(db, first)[0]
    assert (saved.year, saved.hours, saved.source, saved.date, saved.notes) == (2020, 6, "中国干部网络学院", "2020-11-02", "课程一")
    figures_arrived(qtbot, page)
    entry = next(p for p in page.ledger.records() if p.person_id == first)  # the page refreshed
    assert entry.online == before.online + 6 and announced == [Changed.HOURS]
    assert list((window.session.path.parent / "backups").glob("*导入前*.db"))
    assert audit.entries(db, 1)[0]["action"] == "导入学时"


def test_an_unreadable_file_is_reported_and_changes_nothing(qtbot, window, tmp_path, monkeypatch, answers):
    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    monkeypatch.setattr(hours_import, "ask_file", lambda parent: broken)
    page = stats_page(qtbot, window)
    count = window.session.db.execute("SELECT count(*) FROM hours_records").fetchone()[0]
    when_dialog_opens(lambda dialog: dialog.start_button.click())
    task = hours_import.import_hours_file(page, window.session)
    qtbot.waitUntil(lambda: task.error is not None, timeout=10000)
    assert answers["errors"] and "“损坏.xlsx”不完整或已损坏" in answers["errors"][0][1]
    assert window.session.db.execute("SELECT count(*) FROM hours_records").fetchone()[0] == count
    monkeypatch.setattr(hours_import, "ask_file", lambda parent: None)
    assert hours_import.import_hours_file(page, window.session) is None  # the file dialog was cancelled


def exported(monkeypatch, tmp_path, page, tab: str):
    target = tmp_path / f"{tab}.xlsx"
    monkeypatch.setattr(stats_export, "ask_path", lambda parent, name: target)
    page.tabs.setCurrentIndex(TABS.index(tab))
    assert page.export_button.isEnabled()
    page.export_button.click()
    return load_workbook(target)


def data_rows(sheet, first: int = 4) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=first)]


def test_overview_exports_its_figures_and_the_tables_behind_its_charts(qtbot, window, tmp_path, monkeypatch, answers):
    page = stats_page(qtbot, window)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == TABS
    book = exported(monkeypatch, tmp_path, page, "概览")
    assert book.sheetnames == ["概览", "按举办方式", "按单位", "按干部类别", "按职级", "按班次类型"]
    overview = statistics.overview(window.session.db, 2020)
    assert book["概览"]["A1"].value == "2020年干部教育培训概览"
    assert data_rows(book["概览"]) == [[statistics.export_label(label), value] for label, value, _
                                       in statistics.figures(overview) + statistics.leader_figures(overview)]
    assert data_rows(book["概览"])[0] == ["本级举办计划期数", 21]  # the city's 13 are not the office's own
    kinds = {row[0]: row[1:] for row in data_rows(book["按举办方式"])}
    assert kinds["本级举办"][:4] == [21, 21, 15, 1135] and kinds["上级调训"][0] == 13 and kinds["上级调训"][3] == 660
    assert kinds["合计（三种举办方式）"][0] == 34 and kinds["合计（三种举办方式）"][3] == 1795
    units = data_rows(book["按单位"])
    assert units == [[line.label, line.person_times, line.completed, line.hours] for line in overview.lines["unit"]]
    assert "已导出" in answers["infos"][-1][1]
    assert audit.entries(window.session.db, 1)[0]["action"] != "导出Excel"  # no list of people in it


def test_the_hours_ledger_exports_what_the_search_shows_and_is_logged(qtbot, window, tmp_path, monkeypatch, answers):
    db = window.session.db
    page = stats_page(qtbot, window)
    type_text(page.search, "县委组织部")
    table = page.views[page.ledger]
    shown = table.model().rowCount()
    assert 0 < shown < 600
    sheet = exported(monkeypatch, tmp_path, page, "学时档案").active
    assert sheet["A1"].value == "2020年学时档案" and "筛选：“县委组织部”" in sheet["A2"].value
    rows = data_rows(sheet)
    assert len(rows) == shown and {row[1] for row in rows} == {"县委组织部"}
    first = page.ledger.record(table.model().mapToSource(table.model().index(0, 0)).row())
    assert rows[0][:5] == [first.name, first.unit_name, first.rank, first.level, first.classes]
    assert isinstance(rows[0][4], (int, float))  # numbers stay numbers
    logged = audit.entries(db, 1)[0]
    assert logged["action"] == "导出Excel" and f"2020年学时档案（{shown}行：姓名、工作单位" in logged["detail"]
    ids = {row[0] for row in db.execute("SELECT id_number FROM people")}
    assert not any(number in logged["detail"] for number in ids)


def test_coverage_and_class_tables_export(qtbot, window, tmp_path, monkeypatch, answers):
    page = stats_page(qtbot, window)
    sheet = exported(monkeypatch, tmp_path, page, "全覆盖").active
    assert sheet["A1"].value == f"{page.coverage_class.currentText()}尚未参训人员"
    assert len(data_rows(sheet)) == page.coverage_model.rowCount() > 0
    phones = [row[5] for row in data_rows(sheet) if row[5]]
    assert phones and all(isinstance(phone, str) for phone in phones)  # a phone number is never made a number
    assert audit.entries(window.session.db, 1)[0]["action"] == "导出Excel"
    sheet = exported(monkeypatch, tmp_path, page, "按班次").active
    assert len(data_rows(sheet)) == page.model.rowCount() == 24


def test_an_export_that_cannot_be_written_says_why(qtbot, window, tmp_path, monkeypatch, answers):
    blocker = tmp_path / "文件"
    blocker.write_text("x")
    monkeypatch.setattr(stats_export, "ask_path", lambda parent, name: blocker / "a.xlsx")
    page = stats_page(qtbot, window)
    page.tabs.setCurrentIndex(TABS.index("按单位"))
    page.export_button.click()
    assert answers["errors"] and answers["errors"][0][0] == "未能导出"


def test_read_only_cannot_import(qtbot, demo_file):
    session = Session(database.open_database(demo_file), demo_file, None)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    page = stats_page(qtbot, window)
    assert not page.import_hours.isEnabled() and page.export_button.isEnabled()
    session.close()


def test_the_window_and_the_dialogs_fit_a_small_screen(qtbot, window):
    for title in ("学员", "统计"):  # the person's hours tab, the statistics page with its button row
        window.show_page(title)
        hint = window.minimumSizeHint()
        assert hint.width() <= 910 and hint.height() <= 512, title
    result = HoursImport("很长的文件名" * 10 + ".xlsx", "学时", HoursLayout(1, {"id_number": 1, "hours": 2}))
    for dialog in (HoursImportOptionsDialog(window, "学时.xlsx"), HoursImportResultDialog(window, result)):
        qtbot.addWidget(dialog)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 910 and hint.height() <= 512, type(dialog).__name__

