"""The print centre and one-click printing, driven as a user drives them."""
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from app.services.documents import fonts
from app.services.documents.sources import trainees
from tests.documents.conftest import add_trainee, period_id, squeezed
from tests.documents.test_fonts import NOT_IN_ANY_FONT
from tests.ui.test_main_window import click_nav
from ui.documents import output, print_actions, printing
from ui.shell.changes import Changed

POLITICS_1 = ("加强党的政治建设专题培训班", 1)


@pytest.fixture(autouse=True)
def bundled_fonts(monkeypatch):
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [])


@pytest.fixture
def page(qtbot, window):
    return click_nav(qtbot, window, "文书打印")


def select_period(qtbot, page, name, number):
    row = next(r for r in range(page.model.rowCount())
               if (page.model.record(r).class_name, page.model.record(r).number) == (name, number))
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())


def wait_preview(qtbot, page, pages=None):
    qtbot.waitUntil(lambda: page.print_button.isEnabled() or page.pages_label.text() == "无法打印", timeout=10000)
    if pages is not None:
        assert page.preview.page_count() == pages


def ink(path: Path) -> int:
    """How many dark pixels the first page has when a PDF is turned into an image."""
    png = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "20", "-png", "-f", "1", "-l", "1", "-singlefile", str(path), str(png)], check=True)
    image = QImage(str(png) + ".png")
    return sum(QColor(image.pixel(x, y)).lightness() < 128 for x in range(image.width()) for y in range(image.height()))


def test_choosing_a_period_previews_its_letters(qtbot, page, window):
    select_period(qtbot, page, *POLITICS_1)
    people = trainees(window.session.db, period_id(window.session.db, *POLITICS_1))
    wait_preview(qtbot, page, pages=len(people))
    assert page.pages_label.text() == f"入学通知书，共{len(people)}页"
    assert page.save_button.isEnabled()
    assert page.unit_box.count() > 1 and page.unit_box.itemText(0) == "全部单位"
    page.unit_box.setCurrentIndex(1)
    unit_people = [p for p in people if p.unit_name == page.unit_box.currentText()]
    wait_preview(qtbot, page, pages=len(unit_people))


def test_each_document_kind_shows_its_scope_and_options(qtbot, page):
    page.kind_box.setCurrentIndex(page.kind_box.findText("计划通知"))
    assert page.model.rowCount() == 2 and page.model.headerData(1, Qt.Orientation.Horizontal) == "计划名称"
    assert page.count_label.text() == "共 2 个计划"
    assert not page.unit_box.isVisible() and not page.order_box.isVisible()
    wait_preview(qtbot, page)
    assert page.preview.page_count() > 3
    page.kind_box.setCurrentIndex(page.kind_box.findText("年度统计表"))
    assert page.model.record(0).year == 2020 and page.count_label.text() == "共 1 个年度"
    wait_preview(qtbot, page)
    page.kind_box.setCurrentIndex(page.kind_box.findText("签到表"))
    assert page.half_box.isVisible() and page.order_box.isVisible()
    assert page.count_label.text() == "共 36 期"


def test_a_period_without_trainees_explains_why_nothing_prints(qtbot, page):
    select_period(qtbot, page, "人才研修班", 1)
    wait_preview(qtbot, page)
    assert "人才研修班第1期还没有学员" in page.preview.message.text()
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()


def test_save_pdf_writes_the_previewed_document(qtbot, page, monkeypatch, tmp_path):
    select_period(qtbot, page, *POLITICS_1)
    page.kind_box.setCurrentIndex(page.kind_box.findText("学员名册"))
    wait_preview(qtbot, page, pages=3)  # two pages of trainees, then the 学员守则
    asked = {}

    def save_name(parent, title, suggested, filters):
        asked["suggested"] = suggested
        return str(tmp_path / "保存 目录" / "名册"), filters

    (tmp_path / "保存 目录").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "保存 目录" / "名册.pdf"
    assert "加强党的政治建设专题培训班第1期学员名册" in squeezed(saved)
    assert asked["suggested"].endswith("加强党的政治建设专题培训班第1期学员名册.pdf")


def test_print_sends_every_page_rendered_on_white(qtbot, page, printed):
    select_period(qtbot, page, *POLITICS_1)
    page.kind_box.setCurrentIndex(page.kind_box.findText("签到表"))
    wait_preview(qtbot, page, pages=10)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.print_task.done, timeout=20000):
        pass
    assert page.print_task.error is None and page.print_task.result == 10
    assert len(PdfReader(str(printed)).pages) == 10
    assert ink(printed) > 50


def finished(qtbot, task):
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    return task


def previewed(qtbot, dialog):
    """The one-click print dialog once its preview is made (or has failed)."""
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled() or dialog.pages_label.text() == "无法打印", timeout=20000)
    return dialog


def test_one_click_admission_letters_open_the_print_dialog(qtbot, window, printed):
    db = window.session.db
    period = period_id(db, *POLITICS_1)
    dialog = previewed(qtbot, print_actions.print_admission_letters(window, window.session, period))
    assert dialog.preview.page_count() == len(trainees(db, period))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    task = finished(qtbot, dialog.print_task)
    assert task.result == len(trainees(db, period)) == len(PdfReader(str(printed)).pages)
    assert "已送往打印机" in window.statusBar().currentMessage()
    assert not dialog.isVisible()  # sent: the dialog has done its work


def test_one_click_printing_reports_a_missing_character_and_prints_nothing(qtbot, window, printed):
    db = window.session.db
    period = period_id(db, *POLITICS_1)
    add_trainee(db, period, f"赵{NOT_IN_ANY_FONT}")
    dialog = previewed(qtbot, print_actions.print_sign_in_sheets(window, window.session, period))
    assert f"学员“赵{NOT_IN_ANY_FONT}”的姓名" in dialog.preview.message.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.print_task is None and not printed.exists()


def test_cancelling_the_print_dialog_prints_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(printing, "ask_printer", lambda parent, printer: False)
    dialog = previewed(qtbot, print_actions.print_plan_notice(window, window.session, 1))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.print_task is None and dialog.isVisible()


def test_landscape_certificates_print_landscape(qtbot, window, printed):
    db = window.session.db
    period = period_id(db, *POLITICS_1)
    dialog = previewed(qtbot, print_actions.print_certificates(window, window.session, period))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    finished(qtbot, dialog.print_task)
    pages = PdfReader(str(printed)).pages
    assert len(pages) == len(trainees(db, period, statuses=("结业",)))
    assert float(pages[0].mediabox.width) > float(pages[0].mediabox.height)


def test_the_selection_survives_a_change_elsewhere(qtbot, page, window):
    select_period(qtbot, page, *POLITICS_1)
    chosen = page.selected_record().period_id
    window.session.announce(Changed.ROSTER)
    assert page.selected_record().period_id == chosen


def test_print_and_save_wait_for_the_preview_of_the_current_choice(qtbot, page, window, printed, monkeypatch):
    """Controlled timing: the letters' preview is held back until the user has switched to the roster."""
    import threading

    from app.services.safety import audit

    real_render = output.render
    gates = {"letters": threading.Event(), "roster": threading.Event()}

    def gated(db, request, target, progress):
        assert gates[request.kind].wait(20), "the test never released this preview"
        return real_render(db, request, target, progress)

    monkeypatch.setattr(output, "render", gated)
    select_period(qtbot, page, *POLITICS_1)
    qtbot.waitUntil(lambda: page.preview_task is not None, timeout=5000)
    letters_task = page.preview_task
    page.kind_box.setCurrentIndex(page.kind_box.findText("学员名册"))
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    gates["letters"].set()  # the letters' preview now finishes, after the user left it
    finished(qtbot, letters_task)
    qtbot.wait(50)
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    assert page.pages_label.text() == "正在生成预览…"
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)  # a click on the greyed button does nothing
    assert page.print_task is None and not printed.exists()
    gates["roster"].set()
    wait_preview(qtbot, page, pages=3)
    assert page.pages_label.text() == "学员名册，共3页"
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    finished(qtbot, page.print_task)
    assert len(PdfReader(str(printed)).pages) == 3  # the roster's three pages, not the letters (images: no text)
    assert audit.entries(window.session.db)[0]["detail"].startswith("学员名册")


def test_an_unforeseen_preview_failure_is_told_in_chinese_and_logged(qtbot, page, monkeypatch):
    from app.services.safety import error_log

    def broken(db, request, target, progress):
        raise ValueError("unsupported operand type(s)")

    monkeypatch.setattr(output, "render", broken)
    select_period(qtbot, page, *POLITICS_1)
    wait_preview(qtbot, page)
    text = page.preview.message.text()
    assert "预览未能生成" in text and "程序内部错误" in text and "ValueError" not in text
    assert "unsupported operand" in error_log.log_file().read_text(encoding="utf-8")
    assert not page.print_button.isEnabled()
