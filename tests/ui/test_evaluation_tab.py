"""The 评估 tab of a period's window through the user's paths: the Excel form saved (the form issued then),
returned files imported in one step (read off the UI thread) and the results shown; a batch with a bad file
not importable until 只导入检查通过的文件 is ticked; the template editor; printing and exporting; the year's
evaluations from the 统计 page with the period below its threshold in red; the pool's new column."""
from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.storage import tables
from tests.evaluation_files import fill_form
from tests.ui.helpers import when_dialog_opens
from ui.documents.print_dialog import PrintDialog
from ui.evaluation import evaluation_tab, import_dialog
from ui.evaluation.models import BELOW_BRUSH
from ui.roster.period_actions import open_period

LOW = "县管领导干部学习贯彻党的十九届四中全会精神专题班第1期"


def fresh_period(db) -> int:
    return db.execute("""SELECT pe.id FROM periods pe WHERE pe.id NOT IN (SELECT period_id FROM evaluations)
                         AND pe.id IN (SELECT period_id FROM sessions) ORDER BY pe.start_date LIMIT 1""").fetchone()[0]


def responses(db, period) -> int:
    return db.execute("""SELECT count(*) FROM evaluation_responses r JOIN evaluations e ON e.id = r.evaluation_id
                         WHERE e.period_id = ?""", [period]).fetchone()[0]


def shown_tab(window, period):
    shown = open_period(window, window.session, period)
    shown.tabs.setCurrentWidget(shown.evaluation_tab)
    return shown, shown.evaluation_tab


def import_through_the_dialog(qtbot, tab, monkeypatch, paths):
    monkeypatch.setattr(import_dialog, "ask_files", lambda parent: paths)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), import_dialog.EvaluationImportDialog),
                    timeout=15000)
    return QApplication.activeModalWidget()


def test_issue_the_excel_form_import_returned_files_and_see_the_results(qtbot, window, answers, monkeypatch, tmp_path):
    db = window.session.db
    period = fresh_period(db)
    shown, tab = shown_tab(window, period)
    assert "尚未发放评估问卷" in tab.status.text() and not tab.report_button.isEnabled()
    answers["replies"] = [0]  # 每人一份
    monkeypatch.setattr(evaluation_tab, "ask_target", lambda parent, name: tmp_path / name)
    qtbot.mouseClick(tab.save_form_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=15000)
    saved = next(tmp_path.glob("*评估问卷.xlsx"))
    assert tables.evaluations(db).where("period_id = ?", [period]) and "已发放问卷" in tab.status.text()
    a = fill_form(saved, tmp_path / "学员甲.xlsx", lambda key, text: "满意" if "意见" not in text else "很好")
    b = fill_form(saved, tmp_path / "学员乙.xlsx", lambda key, text: "不满意" if ":" not in key and "意见" not in text
                  else None)
    dialog = import_through_the_dialog(qtbot, tab, monkeypatch, [a, b])
    assert dialog.model.rowCount() == 2 and "可导入2个（2份问卷）" in dialog.summary.text()
    assert dialog.import_button.isEnabled() and not dialog.good_only.isVisible()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(answers["infos"]) == 2, timeout=15000)
    assert "导入2个（2份问卷）" in answers["infos"][1][1] and responses(db, period) == 2
    assert "收回问卷2份" in tab.status.text()
    overall = tab.models["questions"].record(0)
    assert (overall.figures.count, overall.figures.average) == (2, 2.0)
    assert tab.models["questions"].index(0, 5).data() == "满意1　基本满意0　不满意1"
    assert tab.models["comments"].rowCount() == 1 and tab.results.tabText(3) == "意见建议（1）"
    assert tab.report_button.isEnabled() and not tab.template.isEnabled()  # answers came back: template fixed
    # the same file again is not counted twice
    dialog = import_through_the_dialog(qtbot, tab, monkeypatch, [a])
    assert dialog.model.index(0, 1).data() == "已导入过" and not dialog.import_button.isEnabled()
    dialog.reject()
    assert responses(db, period) == 2
    # the report and the export
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    printing = QApplication.activeModalWidget()
    assert isinstance(printing, PrintDialog) and "评估报告" in printing.windowTitle()
    qtbot.waitUntil(lambda: printing.shown is not None, timeout=30000)
    printing.reject()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "评估 导出"), ""))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    book = load_workbook(tmp_path / "评估 导出.xlsx")
    assert book.sheetnames == ["各项评价", "课程教学", "授课人", "意见建议"] and "很好" in [c.value for c in book["意见建议"]["C"]]
    shown.close()


def test_a_bad_file_holds_the_batch_until_the_good_ones_are_chosen(qtbot, window, answers, monkeypatch, tmp_path):
    db = window.session.db
    period = fresh_period(db)
    shown, tab = shown_tab(window, period)
    from app.services.evaluation import workbook

    saved = workbook.write_template(db, period, tmp_path / "问卷.xlsx")
    good = fill_form(saved, tmp_path / "好.xlsx", lambda key, text: "满意")
    bad = fill_form(saved, tmp_path / "坏.xlsx", lambda key, text: "10分")
    dialog = import_through_the_dialog(qtbot, tab, monkeypatch, [good, bad])
    assert dialog.model.index(1, 1).data() == "未通过" and "“10分”不在评分范围内" in dialog.model.index(1, 2).data()
    assert dialog.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) == BELOW_BRUSH
    assert dialog.good_only.isVisible() and not dialog.import_button.isEnabled() and "本批不能导入" in dialog.summary.text()
    dialog.good_only.setChecked(True)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=15000)
    assert responses(db, period) == 1
    # imported by mistake: cleared after asking, the questions kept
    answers["replies"] = [1]
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert "清除本期已导入的1份评估问卷吗" in answers["asked"][-1][1] and responses(db, period) == 1
    answers["replies"] = [0]
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert responses(db, period) == 0 and "尚未导入收回的问卷" in tab.status.text() and not tab.clear_button.isEnabled()
    shown.close()


def test_the_template_editor(qtbot, window, answers):
    shown, tab = shown_tab(window, fresh_period(window.session.db))

    def edit(dialog):
        dialog.table.selectRow(5)
        qtbot.mouseClick(next(b for b in dialog.findChildren(type(tab.import_button)) if b.text() == "上移"),
                         Qt.MouseButton.LeftButton)
        assert dialog.model.record(4).section == "意见建议"
        dialog.add_item()
        dialog.section.setText("教学设施")
        dialog.section.textEdited.emit("教学设施")
        dialog.text.setText("教室和多媒体设备")
        dialog.text.textEdited.emit("教室和多媒体设备")
        dialog.name.setText("")
        dialog.save()
        assert "问卷名称不能为空" in dialog.errors.text()
        dialog.name.setText("改进后的问卷")
        dialog.scale.setCurrentIndex(1)
        dialog.threshold.setValue(85)
        dialog.save()

    when_dialog_opens(edit)
    qtbot.mouseClick(tab.templates_button, Qt.MouseButton.LeftButton)
    saved = tables.questionnaires(window.session.db).all()
    assert [(q.name, q.scale, q.threshold) for q in saved] == [("改进后的问卷", "五分", 0.85)]
    items = tables.questionnaire_items(window.session.db).where("questionnaire_id = ?", [saved[0].id],
                                                                  order_by="sort_order")
    assert [i.section for i in items][4:] == ["意见建议", "教学设施", "学风"]
    assert items[5].text == "教室和多媒体设备" and items[5].kind == "score"
    shown.close()


def test_the_year_from_the_stats_page(qtbot, window):
    window.show_page("统计")
    page = window.stack.currentWidget()
    seen = {}

    def look(dialog):
        seen["periods"] = [dialog.periods.record(r).title for r in range(dialog.periods.rowCount())]
        low = seen["periods"].index(LOW)
        seen["red"] = dialog.periods.index(low, 0).data(Qt.ItemDataRole.ForegroundRole) == BELOW_BRUSH
        seen["summary"] = dialog.summary.text()
        dialog.reject()

    when_dialog_opens(look)
    qtbot.mouseClick(page.evaluation_button, Qt.MouseButton.LeftButton)
    assert LOW in seen["periods"] and seen["red"] and f"低于警戒线的期次：{LOW}" in seen["summary"]


def test_printing_the_form_issues_it_with_the_chosen_template(qtbot, window):
    db = window.session.db
    period = fresh_period(db)
    shown, tab = shown_tab(window, period)
    assert tab.template.isEnabled() and tab.template.currentText() == "培训质量评估问卷"
    qtbot.mouseClick(tab.print_form_button, Qt.MouseButton.LeftButton)
    printing = QApplication.activeModalWidget()
    assert isinstance(printing, PrintDialog) and "评估问卷" in printing.windowTitle()
    qtbot.waitUntil(lambda: printing.shown is not None, timeout=30000)
    printing.reject()
    issued = tables.evaluations(db).where("period_id = ?", [period])
    assert issued and issued[0].questionnaire_id == tab.template.currentData()
    shown.close()


def test_the_pool_and_the_course_library_show_the_rates(window):
    from app.services.teaching import pool

    rated = [row for row in pool.lecturer_rows(window.session.db) if row.evaluation]
    assert rated and all(row.evaluation.endswith("次课）") for row in rated)
    topics = [t for t in pool.course_library(window.session.db) if t.evaluation]
    assert topics and "%" in topics[0].evaluation
    window.show_page("师资")
    page = window.stack.currentWidget()
    model = page.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index("评估满意率")
    shown = {model.record(r).name: model.index(r, column).data() for r in range(model.rowCount())}
    assert shown[rated[0].name] == rated[0].evaluation


def test_the_print_centre_offers_the_report(qtbot, window, monkeypatch):
    from app.services.documents import fonts
    from app.services.evaluation import results
    from tests.ui.helpers import select_rows
    from tests.ui.test_main_window import click_nav

    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [])
    low = results.year_results(window.session.db, 2020).below[0].period_id
    page = click_nav(qtbot, window, "文书打印")
    page.kind_box.setCurrentIndex(page.kind_box.findText("评估报告"))
    row = next(r for r in range(page.proxy.rowCount()) if page.model.record(
        page.proxy.mapToSource(page.proxy.index(r, 0)).row()).period_id == low)
    select_rows(page.table, [row])
    qtbot.waitUntil(lambda: page.print_button.isEnabled() or page.pages_label.text() == "无法打印", timeout=20000)
    assert page.pages_label.text().startswith("评估报告") and page.preview.page_count() >= 1
