"""The 班级管理 tab of a period's window and the 培训档案 tab of a person's page, as the clerk uses them: the
staff form filled (bad values refused as typed), 学风督查 recorded, trainees put in a group and a 班长 named
(a second 班长 refused), a 不合格 entered and 结业 refused in the roster until a reason is given; the 学员守则
edited and printed with the roster; the record shown year by year and exported. The database is read back."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.services import database, people
from app.services.class_management import committee, rules, staff
from app.services.class_management.completion import pass_score
from app.services.documents import DocumentRequest, render
from app.storage import tables
from tests.documents.conftest import period_id, squeezed
from tests.ui.conftest import type_text
from tests.ui.helpers import select_rows, when_dialog_opens
from ui.class_management.class_tab import NO_ROLE
from ui.roster.period_actions import open_period

OPEN = "县管副职领导干部进修班"  # the demo's period in session (第2期), with its 班委 and staff


@pytest.fixture
def window_and_tab(qtbot, window):
    period = period_id(window.session.db, OPEN, 2)
    shown = open_period(window, window.session, period)
    shown.tabs.setCurrentWidget(shown.class_tab)
    yield shown, shown.class_tab
    shown.close()


def row_of(tab, name: str) -> int:
    return next(r for r in range(tab.model.rowCount()) if tab.model.record(r).person_name == name)


def rows_without_role(tab, count: int) -> list[int]:
    return [r for r in range(tab.model.rowCount()) if not tab.model.record(r).committee_role][:count]


def role_action(tab, role: str):
    return next(a for a in tab.role_menu.actions() if a.text() == role)


def test_the_tab_shows_the_demo_class(window_and_tab):
    _, tab = window_and_tab
    assert "班主任：孙海燕" in tab.summary.text() and "第一组" in tab.summary.text()
    assert [tab.staff_model.record(r).role for r in range(tab.staff_model.rowCount())] == ["班主任", "跟班人员"]
    assert tab.check_model.rowCount() == 1
    roles = {tab.model.record(r).committee_role for r in range(tab.model.rowCount())}
    assert {"班长", "副班长", "组长"} <= roles


def test_the_staff_form_refuses_bad_values_and_saves(qtbot, window_and_tab, answers):
    _, tab = window_and_tab
    db, period = tab.session.db, tab.period_id
    seen = {}

    def fill(dialog):
        seen["empty"] = dialog.save_button.isEnabled()
        type_text(dialog.name, "王建国")
        type_text(dialog.phone, "12345")
        seen["phone"] = (dialog.save_button.isEnabled(), dialog.errors.text("phone"))
        dialog.phone.clear()
        type_text(dialog.phone, "13900001111")
        dialog.role.setCurrentIndex(dialog.role.findData("跟班人员"))
        type_text(dialog.notes, "负责考勤")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.staff_buttons[0], Qt.MouseButton.LeftButton)
    assert seen["empty"] is False
    assert seen["phone"][0] is False and seen["phone"][1]
    found = [(m.role, m.name, m.phone, m.notes) for m in staff.staff_of(db, period)]
    assert ("跟班人员", "王建国", "13900001111", "负责考勤") in found and tab.staff_model.rowCount() == 3

    def same_name(dialog):  # a name already on the period: the service refuses it under the field
        type_text(dialog.name, "孙海燕")
        dialog.save()
        seen["twice"] = dialog.errors.text("name")
        dialog.reject()

    when_dialog_opens(same_name)
    qtbot.mouseClick(tab.staff_buttons[0], Qt.MouseButton.LeftButton)
    assert "已是本期的班主任或跟班人员" in seen["twice"] and len(staff.staff_of(db, period)) == 3
    row = next(r for r in range(tab.staff_model.rowCount()) if tab.staff_model.record(r).name == "王建国")
    select_rows(tab.staff_table, [row])
    qtbot.mouseClick(tab.staff_buttons[2], Qt.MouseButton.LeftButton)
    assert "删除跟班人员“王建国”吗" in answers["asked"][-1][1]
    assert [m.name for m in staff.staff_of(db, period)] == ["孙海燕", "陈晓雪"]


def test_a_discipline_check_is_dated_in_the_period(qtbot, window_and_tab):
    _, tab = window_and_tab
    db, period = tab.session.db, tab.period_id
    seen = {}

    def fill(dialog):
        type_text(dialog.day, "2019-01-01")
        type_text(dialog.checker, "干部教育科")
        dialog.findings.setPlainText("学员到课整齐。")
        seen["far"] = (dialog.save_button.isEnabled(), dialog.errors.text("day"))
        dialog.day.clear()
        type_text(dialog.day, "2020-09-03")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.check_buttons[0], Qt.MouseButton.LeftButton)
    assert seen["far"][0] is False and "培训期间" in seen["far"][1]
    assert [(c.day, c.checker, c.findings) for c in staff.checks_of(db, period)][-1] == ("2020-09-03", "干部教育科",
                                                                                        "学员到课整齐。")
    assert tab.check_model.rowCount() == 2


def test_groups_and_the_monitor_are_assigned_to_selected_trainees(qtbot, window_and_tab, answers):
    _, tab = window_and_tab
    db, period = tab.session.db, tab.period_id
    chosen = rows_without_role(tab, 2)
    names = [tab.model.record(r).person_name for r in chosen]
    select_rows(tab.table, chosen)
    when_dialog_opens(lambda dialog: (dialog.group.setCurrentText("第五组"), dialog.save()))
    qtbot.mouseClick(tab.group_button, Qt.MouseButton.LeftButton)
    fifth = next(g for g in committee.groups(db, period) if g.name == "第五组")
    assert sorted(m.person_name for m in fifth.members) == sorted(names)
    monitor = next(line.person_name for line in committee.trainees(db, period) if line.committee_role == "班长")
    select_rows(tab.table, [row_of(tab, names[0])])
    role_action(tab, "班长").trigger()
    assert f"本期已有班长{monitor}" in answers["errors"][-1][1]
    select_rows(tab.table, [row_of(tab, monitor)])
    role_action(tab, NO_ROLE).trigger()
    select_rows(tab.table, [row_of(tab, names[0])])
    role_action(tab, "班长").trigger()
    roles = {line.person_name: line.committee_role for line in committee.trainees(db, period)}
    assert roles[names[0]] == "班长" and roles[monitor] == ""
    assert f"班长：{names[0]}" in tab.summary.text()


def test_a_failed_trainee_is_completed_only_with_a_reason(qtbot, window_and_tab, answers):
    window, tab = window_and_tab
    db = tab.session.db
    row = rows_without_role(tab, 1)[0]
    line = tab.model.record(row)
    select_rows(tab.table, [row])
    seen = {}

    def fail(dialog):
        seen["reason off"] = dialog.reason.isEnabled()
        dialog.result.setCurrentIndex(dialog.result.findData("不合格"))
        seen["reason on"] = dialog.reason.isEnabled()
        type_text(dialog.report_title, "关于基层治理的调研报告")
        dialog.party_analysis.setChecked(True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fail)
    qtbot.mouseClick(tab.assess_button, Qt.MouseButton.LeftButton)
    assert (seen["reason off"], seen["reason on"]) == (False, True)
    stored = tables.enrollments(db).get(line.id)
    assert (stored.assessment_result, stored.report_title, stored.party_analysis) == ("不合格", "关于基层治理的调研报告", True)
    assert tab.model.index(row_of(tab, line.person_name), 5).data() == "不合格"

    roster_row = next(r for r in range(window.model.rowCount()) if window.model.record(r).enrollment_id == line.id)
    select_rows(window.table, [roster_row])
    window.set_status("结业")
    assert "不能标为结业" in answers["errors"][-1][1] and "结业理由" in answers["errors"][-1][1]
    assert tables.enrollments(db).get(line.id).status == stored.status

    select_rows(tab.table, [row_of(tab, line.person_name)])
    when_dialog_opens(lambda dialog: (type_text(dialog.reason, "补考合格前因公请假，经研究同意结业"), dialog.save()))
    qtbot.mouseClick(tab.assess_button, Qt.MouseButton.LeftButton)
    roster_row = next(r for r in range(window.model.rowCount()) if window.model.record(r).enrollment_id == line.id)
    select_rows(window.table, [roster_row])
    errors = len(answers["errors"])
    window.set_status("结业")
    assert len(answers["errors"]) == errors
    stored = tables.enrollments(db).get(line.id)
    assert (stored.status, stored.completion_reason) == ("结业", "补考合格前因公请假，经研究同意结业")


def test_close_out_in_the_attendance_dialog_names_a_failed_trainee(qtbot, window_and_tab, answers):
    from app.services.class_management import assessment
    from ui.roster.attendance_dialog import AttendanceDialog

    _, tab = window_and_tab
    db, period = tab.session.db, tab.period_id
    line = tab.model.record(rows_without_role(tab, 1)[0])
    assessment.save_assessment(db, line.id, assessment.AssessmentDraft("45"))
    dialog = AttendanceDialog(tab.session, period, tab)
    qtbot.addWidget(dialog)
    answers["replies"] = [0]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert f"{line.person_name}结业考核不合格，结班会将其标为结业" in answers["errors"][-1][1]
    assert tables.periods(db).get(period).status == "开班" and dialog.close_button.isEnabled()
    assessment.save_assessment(db, line.id, assessment.AssessmentDraft("45", completion_reason="经研究同意结业"))
    answers["replies"] = [0]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "已结班" in answers["infos"][-1][1]
    assert tables.enrollments(db).get(line.id).status == "结业"


def test_a_bad_score_is_refused_in_the_form(qtbot, window_and_tab):
    _, tab = window_and_tab
    row = rows_without_role(tab, 1)[0]
    before = tables.enrollments(tab.session.db).get(tab.model.record(row).id)
    select_rows(tab.table, [row])
    seen = {}

    def bad(dialog):
        type_text(dialog.score, "一百二")
        seen["words"] = (dialog.save_button.isEnabled(), dialog.errors.text("score"))
        dialog.score.clear()
        type_text(dialog.score, "50")
        dialog.result.setCurrentIndex(dialog.result.findData("合格"))
        seen["contradiction"] = (dialog.save_button.isEnabled(), dialog.errors.text("result"))
        dialog.save()
        dialog.reject()

    when_dialog_opens(bad)
    qtbot.mouseClick(tab.assess_button, Qt.MouseButton.LeftButton)
    assert seen["words"][0] is False and "不是数字" in seen["words"][1]
    assert seen["contradiction"][0] is False and "低于合格分数线" in seen["contradiction"][1]
    assert tables.enrollments(tab.session.db).get(before.id) == before


def test_the_rules_are_edited_and_printed_with_the_roster_and_its_groups(qtbot, window_and_tab, tmp_path):
    _, tab = window_and_tab
    db = tab.session.db

    def edit(dialog):
        dialog.text.setPlainText("一、按时到课，不迟到早退。\n二、手机静音。")
        dialog.pass_score.setValue(70)
        dialog.save()

    when_dialog_opens(edit)
    qtbot.mouseClick(tab.rules_button, Qt.MouseButton.LeftButton)
    assert rules.trainee_rules(db) == "一、按时到课，不迟到早退。\n二、手机静音。"
    assert pass_score(db) == 70 and "合格分数线70分" in tab.summary.text()
    target = tmp_path / "名册.pdf"
    render(db, DocumentRequest("roster", period_id=tab.period_id), target)
    words = squeezed(target)
    for phrase in ("学员守则", "一、按时到课，不迟到早退。", "二、手机静音。", "分组名单", "第一组", "班主任：孙海燕"):
        assert phrase in words, phrase
    leader = next(g for g in committee.groups(db, tab.period_id) if g.name == "第一组").leader
    assert leader and leader in words


def test_the_person_page_shows_the_record_and_exports_it(qtbot, window, monkeypatch, tmp_path, answers):
    from ui.common import files

    db = window.session.db
    person_id = db.execute("SELECT person_id FROM enrollments WHERE completion_reason <> '' LIMIT 1").fetchone()[0]
    person = people.get_person(db, person_id)
    page = window.show_page("学员")
    type_text(page.search, person.id_number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.detail.name.text() == person.name)
    record = page.detail.record
    page.detail.tabs.setCurrentWidget(record)
    heading = record.model.record(0)
    assert heading.line is None and heading.year.year == 2020
    assert record.table.columnSpan(0, 1) == len(record.model.columns) - 1
    texts = [record.model.index(r, 6).data() for r in range(record.model.rowCount())]
    assert any("不合格" in (t or "") and "结业理由" in t for t in texts)
    assert "累计" in record.summary.text()
    from ui.documents import print_actions

    sent = []
    monkeypatch.setattr(print_actions, "print_document", lambda parent, session, request: sent.append(request))
    qtbot.mouseClick(record.print_button, Qt.MouseButton.LeftButton)
    assert [(r.kind, r.person_id) for r in sent] == [("record", person_id)]
    target = tmp_path / "档案.xlsx"
    monkeypatch.setattr(files, "ask_save_file", lambda *args: target)
    qtbot.mouseClick(record.export_button, Qt.MouseButton.LeftButton)
    book = load_workbook(target)
    cells = [str(c) for row in book["参训记录"].iter_rows(values_only=True) for c in row if c is not None]
    assert "中青年干部培训班第1期" in cells and person.id_number not in "".join(cells)
    assert answers["infos"][-1][0] == "导出培训档案"


def test_an_overlong_group_or_rules_text_is_refused_with_its_reason(qtbot, window_and_tab, answers):
    _, tab = window_and_tab
    db, period = tab.session.db, tab.period_id
    before = [(line.id, line.study_group) for line in committee.trainees(db, period)]
    select_rows(tab.table, rows_without_role(tab, 1))

    def too_long(dialog):
        dialog.group.setCurrentText("组" * 21)
        dialog.save()
        dialog.reject()

    when_dialog_opens(too_long)
    qtbot.mouseClick(tab.group_button, Qt.MouseButton.LeftButton)
    assert answers["errors"][-1] == ("未能分组", "小组名称过长（不超过20字）")
    assert [(line.id, line.study_group) for line in committee.trainees(db, period)] == before

    def long_rules(dialog):
        dialog.text.setPlainText("守" * 3001)
        dialog.save()
        dialog.reject()

    when_dialog_opens(long_rules)
    qtbot.mouseClick(tab.rules_button, Qt.MouseButton.LeftButton)
    assert "学员守则过长" in answers["errors"][-1][1] and rules.trainee_rules(db) == rules.DEFAULT_RULES


def test_the_settings_menu_opens_the_rules_and_the_pass_score(qtbot, window):
    action = next(a for a in window.menuBar().actions() if a.text() == "设置(&S)").menu().actions()[-1]
    assert action.text() == "学员守则与结业考核(&R)…"
    seen = {}

    def look(dialog):
        seen["title"], seen["score"] = dialog.windowTitle(), dialog.pass_score.value()
        dialog.pass_score.setValue(75.5)
        dialog.save()

    when_dialog_opens(look)
    action.trigger()
    assert seen == {"title": "学员守则与结业考核", "score": 60}
    assert pass_score(window.session.db) == 75.5


def test_a_read_only_session_only_looks(qtbot, demo_file):
    from ui.class_management.class_tab import ClassTab
    from ui.shell.session import Session

    session = Session(database.open_database(demo_file), demo_file, None)  # no lock: read-only
    try:
        tab = ClassTab(session, period_id(session.db, OPEN, 2))
        qtbot.addWidget(tab)
        assert tab.model.rowCount() > 0 and tab.staff_model.rowCount() == 2
        assert not any(b.isEnabled() for b in tab.trainee_buttons + tab.staff_buttons + tab.check_buttons)
        assert "只能查看" in tab.group_button.toolTip()
    finally:
        session.close()
