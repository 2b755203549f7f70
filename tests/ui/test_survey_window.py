"""The 需求调研 window through the user's paths: opened from the 计划 page; a survey made for a year, its topics
renamed in place, added, removed and moved, then saved (read back from the database); the form saved; returned
forms imported off the UI thread (a bad one refused with its reason, a second return replacing the first); the
tally shown, exported and printed; and the tally beside the plan editor of that year's plan."""
from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.services.survey import surveys
from app.services.survey.form import SHEET
from app.services.survey.importer import IMPORTED, REFUSED
from app.services.survey.tally import tally
from tests.survey_files import fill
from ui.common import files
from ui.documents import print_actions
from ui.survey import import_dialog, survey_window
from ui.survey.import_dialog import SurveyImportDialog
from ui.survey.survey_window import RETURNS, TALLY, SurveyWindow


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def opened(window) -> SurveyWindow:
    found = [w for w in window.findChildren(SurveyWindow) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def open_from_plans(qtbot, window) -> SurveyWindow:
    page = window.show_page("计划")
    click(qtbot, page.survey_button)
    return opened(window)


def import_dialog_shown(qtbot) -> SurveyImportDialog:
    found = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SurveyImportDialog) and w.isVisible()]
        return bool(found)
    qtbot.waitUntil(shown, timeout=20000)
    return found[0]


def rename(qtbot, survey: SurveyWindow, row: int, text: str) -> None:
    """Goes to the topic, presses F2, types the new name and presses Enter, as a user does."""
    table = survey.topic_table
    table.setCurrentIndex(survey.topics.index(row, survey.topics.TOPIC))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    editor.selectAll()
    editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # the delegate commits in a queued call


def test_made_edited_and_saved_from_the_plans_page(qtbot, window, monkeypatch, answers, qtmodeltester):
    db = window.session.db
    survey = open_from_plans(qtbot, window)
    qtmodel = survey.topics
    for model in (qtmodel, survey.returns, survey.ranking_model):
        qtmodeltester.check(model)
    assert survey.year() == 2021 and "2021年需求调研：46个单位中14个已报送" in survey.facts.text()
    monkeypatch.setattr(survey_window, "ask_year", lambda parent, suggested: suggested)
    click(qtbot, survey.new_button)
    made = surveys.survey_of_year(db, survey.year())
    assert made is not None and survey.year() == 2022  # the year after the latest survey and plan
    assert answers["infos"][-1][0] == "已建立"
    stored = [t.topic for t in surveys.topics(db, made.id)]
    assert [d.topic for d in qtmodel.drafts] == stored and stored
    rename(qtbot, survey, 0, "新时代党的创新理论")
    assert survey.dirty and survey.save_button.isEnabled() and not survey.form_button.isEnabled()
    monkeypatch.setattr(survey_window, "ask_topic", lambda parent: "数字政府建设")
    click(qtbot, survey.add_button)
    survey.topic_table.selectRow(1)
    click(qtbot, survey.remove_button)
    survey.topic_table.selectRow(qtmodel.rowCount() - 1)
    click(qtbot, survey.up_button)
    qtmodeltester.check(qtmodel)
    click(qtbot, survey.save_button)
    expected = ["新时代党的创新理论", *stored[2:-1], "数字政府建设", stored[-1]]
    assert [t.topic for t in surveys.topics(db, made.id)] == expected
    assert not survey.dirty and not answers["errors"]


def test_a_bad_topic_is_refused_and_nothing_is_saved(qtbot, window, answers):
    db = window.session.db
    survey = open_from_plans(qtbot, window)
    before = [t.topic for t in surveys.topics(db, survey.survey.id)]
    rename(qtbot, survey, 1, before[0])
    click(qtbot, survey.save_button)
    assert answers["errors"] and "重复" in answers["errors"][0][1]
    assert [t.topic for t in surveys.topics(db, survey.survey.id)] == before
    click(qtbot, survey.revert_button)
    assert [d.topic for d in survey.topics.drafts] == before and not survey.dirty


def test_form_import_tally_export_and_print(qtbot, window, monkeypatch, tmp_path, answers, qtmodeltester):
    db = window.session.db
    survey = open_from_plans(qtbot, window)
    form = tmp_path / "调研表.xlsx"
    monkeypatch.setattr(files, "ask_save_file", lambda parent, title, name, file_filter, folder=None: form)
    click(qtbot, survey.form_button)
    assert load_workbook(form)[SHEET].cell(1, 1).value == f"survey:2021:{survey.survey.id}"
    topic = surveys.topics(db, survey.survey.id)[0].topic
    before = tally(db, 2021)
    chosen = [fill(form, tmp_path / "宣传部.xlsx", "县委宣传部", {topic: {"people": {"公务员": 50}, "months": ("7月",)}}),
              fill(form, tmp_path / "错.xlsx", "县外某局", {topic: {"people": {"公务员": 1}}}),
              fill(form, tmp_path / "财政局.xlsx", "县财政局", {topic: {"people": {"党政领导干部": 2}}})]
    monkeypatch.setattr(import_dialog, "ask_files", lambda parent: chosen)
    click(qtbot, survey.import_button)
    dialog = import_dialog_shown(qtbot)
    qtmodeltester.check(dialog.model)
    assert [f.status for f in dialog.model.records()] == [IMPORTED, REFUSED, IMPORTED]
    assert "县外某局" in dialog.model.data(dialog.model.index(1, len(dialog.model.columns) - 1))
    assert "替换了9月11日导入的调研表" in dialog.model.data(dialog.model.index(2, len(dialog.model.columns) - 1))
    assert "未通过1个文件" in dialog.summary.text()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: any(title == "导入需求调研表" for title, _ in answers["infos"]), timeout=20000)
    after = tally(db, 2021)
    assert after.returned == before.returned + 1 and after.people == before.people + 50 + 2 - _finance(before)
    assert survey.tabs.currentIndex() == RETURNS and f"（{after.returned}/46）" in survey.tabs.tabText(RETURNS)
    assert "县委宣传部" in [r.unit_name for r in survey.returns.records()]
    survey.tabs.setCurrentIndex(TALLY)
    assert survey.ranking_model.record(0).topic == topic and survey.ranking_model.record(0).people == after.topics[0].people
    assert "7月1" in survey.months_label.text()
    target = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(files, "ask_save_file", lambda parent, title, name, file_filter, folder=None: target)
    click(qtbot, survey.export_button)
    assert load_workbook(target).sheetnames[0] == "专题排名"
    sent = []
    monkeypatch.setattr(print_actions, "print_document", lambda parent, session, request: sent.append(request))
    click(qtbot, survey.print_button)
    assert [(r.kind, r.year) for r in sent] == [("survey-report", 2021)]
    assert not answers["errors"]


def _finance(found) -> int:
    return next(u.people for u in found.units if u.unit_name == "县财政局")


def test_cancelling_the_file_choice_or_a_file_with_no_unit_imports_nothing(qtbot, window, monkeypatch, tmp_path,
                                                                           answers):
    db = window.session.db
    survey = open_from_plans(qtbot, window)
    monkeypatch.setattr(import_dialog, "ask_files", lambda parent: [])
    click(qtbot, survey.import_button)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SurveyImportDialog) and w.isVisible()]
    form = tmp_path / "空.xlsx"
    from app.services.survey.form import write_form

    write_form(db, 2021, form)
    monkeypatch.setattr(import_dialog, "ask_files", lambda parent: [form])
    before = tally(db, 2021).returned
    click(qtbot, survey.import_button)
    dialog = import_dialog_shown(qtbot)
    assert dialog.model.record(0).errors == ["没有填写填报单位"] and not dialog.import_button.isEnabled()
    dialog.reject()
    assert tally(db, 2021).returned == before


def test_the_tally_beside_the_editor_of_that_years_plan(qtbot, window, answers, qtmodeltester):
    db = window.session.db
    page = window.show_page("计划")
    assert page.editor.plan.year == 2020 and not page.survey_pane.isVisible()  # no survey of 2020
    click(qtbot, page.buttons["copy"])  # 复制到下一年: 2021's plan, shown at once
    assert page.editor.plan.year == 2021
    qtbot.waitUntil(lambda: page.survey_pane.isVisible())
    found = tally(db, 2021)
    qtmodeltester.check(page.survey_pane.model)
    shown = page.survey_pane.model.records()
    assert [t.topic for t in shown] == [t.topic for t in found.topics if t.people]
    assert page.survey_pane.heading.text() == "2021年需求调研"
    assert f"{found.returned}/{found.unit_count}个单位已报送" in page.survey_pane.facts.text()
    assert page.beside.sizes()[1] > 0
    hint = window.minimumSizeHint()  # the pane beside the editor still fits 1366×768 at 150%
    assert hint.width() <= 910 and hint.height() <= 512
    click(qtbot, page.survey_pane.fold_button)
    assert page.beside.sizes()[1] == 0
    click(qtbot, page.survey_pane.open_button)
    assert opened(window).year() == 2021


def test_read_only_the_survey_is_only_looked_at(qtbot, demo_file):
    from app.services import database
    from ui.shell.main_window import MainWindow
    from ui.shell.session import Session
    from ui.survey.launch import open_survey

    session = Session(database.open_database(demo_file), demo_file, None)  # another computer holds the file
    main = MainWindow(session)
    qtbot.addWidget(main)
    survey = open_survey(main, session, 2021)
    survey.topic_table.selectRow(1)
    assert not any(b.isEnabled() for b in (survey.new_button, survey.import_button, survey.add_button,
                                           survey.remove_button, survey.up_button, survey.save_button))
    assert survey.form_button.isEnabled() and survey.export_button.isEnabled() and survey.print_button.isEnabled()
    assert survey.topic_table.editTriggers() == survey.topic_table.EditTrigger.NoEditTriggers
    assert survey.title_edit.isReadOnly()
    survey.close()
    session.close()


def test_unsaved_topics_are_not_lost_by_choosing_another_year_or_closing(qtbot, window, monkeypatch, answers):
    db = window.session.db
    surveys.create_survey(db, 2022)
    survey = open_from_plans(qtbot, window)
    survey._fill_years(2021)
    rename(qtbot, survey, 0, "改过的专题")
    answers["replies"] = [2]  # 取消: stay
    survey.year_box.setCurrentIndex(survey.year_box.findData(2022))
    assert survey.year() == 2021 and survey.dirty and survey.topics.drafts[0].topic == "改过的专题"
    answers["replies"] = [0]  # 保存
    survey.close()
    assert surveys.topics(db, surveys.survey_of_year(db, 2021).id)[0].topic == "改过的专题"
