"""质量评估 through the services: reading answers as trainees write them, the rate rules, the office's template,
the Excel form filled through openpyxl and imported back (the averages a hand count gives), both file
shapes, hand-made sheets, bad files refused with their reasons and nothing written, dry runs, files imported
twice, and the lecturer pool's and course library's figures."""
from __future__ import annotations

import openpyxl
import pytest

from app.domain import evaluation as scales
from app.domain.errors import UserError, ValidationError
from app.domain.quality_records import Questionnaire, QuestionnaireItem
from app.services.evaluation import forms, importer, results, templates, workbook
from app.storage import audit as audit_log
from app.storage import tables
from tests.documents.conftest import period_id
from tests.evaluation_files import fill_form, fill_table, keys_of_form
from tests.timetable_data import CLASS, fill_timetable


@pytest.mark.parametrize(("scale", "value", "score"), [
    ("三级", "满意", 3), ("三级", " 基本满意 ", 2), ("三级", "不满意", 1), ("三级", "基本　满意", 2), ("三级", 3, 3),
    ("三级", "很满意", 3), ("五分", 5, 5), ("五分", "5分", 5), ("五分", "５", 5), ("五分", 4.0, 4), ("五分", "五分", 5),
    ("五分", " 3 ", 3), ("三级", None, None), ("三级", "  ", None), ("五分", "", None)])
def test_answers_are_read_as_trainees_write_them(scale, value, score):
    assert scales.read_answer(scale, value) == score


@pytest.mark.parametrize(("scale", "value", "words"), [
    ("五分", 6, "不在评分范围"), ("五分", "0", "不在评分范围"), ("五分", 4.5, "不在评分范围"), ("三级", "很好", "不是有效的评价"),
    ("五分", "满意", "不是有效的评价"), ("三级", 5, "不在评分范围")])
def test_values_off_the_scale_are_refused_with_the_reason(scale, value, words):
    with pytest.raises(scales.AnswerError, match=words):
        scales.read_answer(scale, value)


def test_marks_under_option_columns():
    assert scales.read_marked("三级", {3.0: None, 2.0: "✓", 1.0: ""}) == 2
    assert scales.read_marked("三级", {3.0: "√", 2.0: None, 1.0: None}) == 3
    assert scales.read_marked("五分", {5.0: None, 4.0: None}) is None
    with pytest.raises(scales.AnswerError, match="勾选了多个评价"):
        scales.read_marked("三级", {3.0: "√", 2.0: "√", 1.0: None})
    assert scales.option_of_header("五分", "5分") == 5 and scales.option_of_header("三级", "基本满意") == 2


def test_the_rate_counts_satisfied_answers_among_the_scored():
    three = scales.figures("三级", [3, 3, 2, 1])  # 满意 and 基本满意 are satisfied
    assert (three.count, three.satisfied, three.rate, three.average) == (4, 3, 0.75, 2.25)
    five = scales.figures("五分", [5, 4, 3, 2])  # 4 and 5 are
    assert (five.rate, five.average) == (0.5, 3.5)
    assert scales.figures("三级", []).rate is None and scales.percent(None) == "—"


def test_the_default_template_is_made_once_and_edited_with_checks(db):
    made = templates.default_template(db)
    assert made.questionnaire.id and [i.kind for i in made.items] == ["score", "sessions", "score", "score", "score", "text"]
    assert templates.default_template(db).questionnaire.id == made.questionnaire.id
    assert len(templates.templates(db)) == 1
    bad = [(Questionnaire(""), made.items, "name"), (Questionnaire("x", threshold=1.5), made.items, "threshold"),
           (Questionnaire("x"), [], "items"), (Questionnaire("x"), [QuestionnaireItem(0, "意见", "text")], "items"),
           (Questionnaire("x"), [QuestionnaireItem(0, " ", "score")], "items")]
    for questionnaire, items, key in bad:
        with pytest.raises(ValidationError) as raised:
            templates.save_template(db, questionnaire, items)
        assert key in raised.value.errors
    assert len(templates.templates(db)) == 1
    five = templates.save_template(db, Questionnaire("五分制问卷", scale="五分", threshold=0.8),
                                   [QuestionnaireItem(0, "总体", "score"), QuestionnaireItem(0, "意见", "text")])
    assert [i.sort_order for i in five.items] == [1, 2]
    with pytest.raises(ValidationError, match="已有名为"):
        templates.save_template(db, Questionnaire("五分制问卷"), five.items)
    templates.delete_template(db, five.questionnaire.id)
    with pytest.raises(UserError, match="唯一的"):
        templates.delete_template(db, made.questionnaire.id)


@pytest.fixture
def period(demo_db):
    found = period_id(demo_db, CLASS, 2)
    fill_timetable(demo_db, found)
    return found


def responses(db, period):
    evaluation = tables.evaluations(db).where("period_id = ?", [period])
    return tables.evaluation_responses(db).count("evaluation_id = ?", [evaluation[0].id]) if evaluation else 0


def test_the_form_copies_the_template_and_scores_the_taught_sessions(demo_db, period):
    form = forms.period_form(demo_db, period)
    assert form.issued and form.evaluation.id
    topics = [s.topic for s in form.sessions]
    assert "开班式暨开班第一课" not in topics and "学习党章党规党纪" in topics  # the opening is not scored
    lines = form.lines
    assert len(lines) == 5 + 2 * len(form.sessions)
    # editing the template later does not change the issued questions
    template = templates.default_template(demo_db)
    templates.save_template(demo_db, template.questionnaire, template.items[:1])
    assert len(forms.period_form(demo_db, period).lines) == len(lines)


def _hand_form(tmp_path, db, period):
    template = workbook.write_template(db, period, tmp_path / "问卷.xlsx")
    sheet = openpyxl.load_workbook(template).active
    assert sheet.protection.sheet and sheet.column_dimensions["A"].hidden
    assert sheet.data_validations.dataValidation[0].formula1 == '"满意,基本满意,不满意"'
    assert not sheet["E4"].protection.locked and sheet["D4"].protection.locked
    assert len(book_sheets := openpyxl.load_workbook(template).sheetnames) == 1, book_sheets
    return template


def test_filled_forms_imported_back_give_the_hand_count(tmp_path, demo_db, period):
    template = _hand_form(tmp_path, demo_db, period)
    keys = keys_of_form(template)
    overall_key, session_key = keys[0][1], keys[1][1]
    comment_key = next(key for _, key, text in keys if "意见" in text)
    answers = [{overall_key: "满意", session_key: "满意", comment_key: "多安排现场教学"},
               {overall_key: " 基本满意 ", session_key: "不满意"},
               {overall_key: "不满意", session_key: 3}]
    files = [fill_form(template, tmp_path / f"学员{i}.xlsx", lambda key, text, a=a: a.get(key))
             for i, a in enumerate(answers)]
    found = importer.import_files(demo_db, period, files)
    assert [f.status for f in found.files] == ["可导入"] * 3 and found.written == 3
    shown = results.period_results(demo_db, period)
    overall = shown.questions[0]
    assert (overall.figures.count, overall.figures.average, overall.figures.rate) == (3, 2.0, 2 / 3)
    assert overall.counts == {3.0: 1, 2.0: 1, 1.0: 1}
    first = shown.sessions[0]
    assert (first.content.count, first.content.average, first.content.rate) == (3, (3 + 1 + 3) / 3, 2 / 3)
    assert first.teaching.count == 0
    assert shown.responses == 3 and shown.comments == [(shown.form.items[-1].text, "多安排现场教学")]
    assert (shown.overall.count, shown.overall.satisfied) == (6, 4) and shown.below
    assert shown.lecturers[0].name == first.session.lecturer


def test_the_summary_with_a_row_per_trainee(tmp_path, demo_db, period):
    template = workbook.write_template(demo_db, period, tmp_path / "汇总.xlsx", shape="table")
    lines = forms.period_form(demo_db, period).lines
    scored = [line.key for line in lines if line.scored]
    rows = [{key: "满意" for key in scored}, {key: "基本满意" for key in scored}, {scored[0]: "不满意"}]
    fill_table(template, tmp_path / "汇总（已填）.xlsx", rows)
    found = importer.import_files(demo_db, period, [tmp_path / "汇总（已填）.xlsx"])
    assert found.files[0].shape == "汇总表" and found.written == 3
    overall = results.period_results(demo_db, period).questions[0]
    assert (overall.figures.count, overall.figures.average) == (3, 2.0)
    sources = [r.source for r in tables.evaluation_responses(demo_db).all() if "汇总" in r.source]
    assert sources[0].startswith("汇总（已填）.xlsx（第5行）#")


def test_hand_made_sheets_are_read_by_their_words(tmp_path, demo_db, period):
    form = forms.period_form(demo_db, period)
    session = form.sessions[0]
    # the office's own summary, typed by hand: no keys, questions in its own words
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["培训质量评估汇总"])
    sheet.append(["序号", "总体满意度", f"《{session.topic}》课程内容", "组织管理", "意见建议"])
    sheet.append([1, "满意", "5分" if form.scale == "五分" else "满意", "基本满意", "很好"])
    sheet.append([2, "基本满意", "不满意", "满意", None])
    sheet.append([None, None, None, None, None])
    book.save(tmp_path / "手工汇总.xlsx")
    # a trainee's form retyped with a ✓ under the option
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["评估项目", "满意", "基本满意", "不满意"])
    sheet.append(["对本期培训的总体满意度", None, "√", None])
    sheet.append([f"{session.topic}（{session.lecturer}） 授课水平", "✓", None, None])
    book.save(tmp_path / "打勾.xlsx")
    found = importer.import_files(demo_db, period, [tmp_path / "手工汇总.xlsx", tmp_path / "打勾.xlsx"])
    assert [f.status for f in found.files] == ["可导入", "可导入"], [f.reason for f in found.files]
    shown = results.period_results(demo_db, period)
    assert shown.questions[0].figures.count == 3 and shown.questions[0].counts == {3.0: 1, 2.0: 2, 1.0: 0}
    assert (shown.sessions[0].content.count, shown.sessions[0].teaching.count) == (2, 1)
    assert shown.comments == [(form.items[-1].text, "很好")]


def test_bad_files_are_refused_with_reasons_and_nothing_is_written(tmp_path, demo_db, period):
    template = workbook.write_template(demo_db, period, tmp_path / "问卷.xlsx")
    good = fill_form(template, tmp_path / "好的.xlsx", lambda key, text: "满意")
    off_scale = fill_form(template, tmp_path / "超出.xlsx", lambda key, text: "6" if ":" in key else "满意")
    other = period_id(demo_db, CLASS, 1)
    other_form = fill_form(workbook.write_template(demo_db, other, tmp_path / "另一期.xlsx"), tmp_path / "另一期（已填）.xlsx",
                           lambda key, text: "满意")
    broken = tmp_path / "坏的.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    junk = tmp_path / "说明.pdf"
    junk.write_bytes(b"%PDF-1.4")
    blank = template
    before = responses(demo_db, period)
    found = importer.analyse(demo_db, period, [good, off_scale, other_form, broken, junk, blank])
    status = {f.name: (f.status, f.reason) for f in found.files}
    assert status["好的.xlsx"][0] == "可导入"
    assert status["超出.xlsx"][0] == "未通过" and "“6”不在评分范围内（应为满意、基本满意、不满意）" in status["超出.xlsx"][1]
    assert "第5行" in status["超出.xlsx"][1]
    assert "不是本期" in status["另一期（已填）.xlsx"][1] and "加强党的政治建设专题培训班第1期" in status["另一期（已填）.xlsx"][1]
    assert status["坏的.xlsx"][0] == "未通过" and status["坏的.xlsx"][1]
    assert "不支持“.pdf”文件" in status["说明.pdf"][1]
    assert "空白问卷" in status["问卷.xlsx"][1]
    with pytest.raises(UserError, match="有5个文件未通过检查，本批问卷未导入"):
        importer.commit(demo_db, found)
    assert responses(demo_db, period) == before
    importer.commit(demo_db, found, import_good=True)
    assert responses(demo_db, period) == before + 1


def test_a_dry_run_writes_nothing_and_a_file_is_never_counted_twice(tmp_path, demo_db, period):
    template = workbook.write_template(demo_db, period, tmp_path / "问卷.xlsx")
    filled = fill_form(template, tmp_path / "甲.xlsx", lambda key, text: "满意")
    copy = tmp_path / "甲的副本.xlsx"
    copy.write_bytes(filled.read_bytes())
    forms.period_form(demo_db, period)
    audit_before = audit_log.last_id(demo_db)
    dry = importer.import_files(demo_db, period, [filled], dry_run=True)
    assert dry.good and responses(demo_db, period) == 0 and audit_log.last_id(demo_db) == audit_before
    found = importer.import_files(demo_db, period, [filled, copy])
    assert [f.status for f in found.files] == ["可导入", "已导入过"] and "与本批的“甲.xlsx”内容相同" in found.files[1].outcome
    assert responses(demo_db, period) == 1
    again = importer.analyse(demo_db, period, [copy])
    assert again.files[0].status == "已导入过" and "已导入过（甲.xlsx）" in again.files[0].outcome
    with pytest.raises(UserError, match="都已导入过"):
        importer.commit(demo_db, again)
    assert responses(demo_db, period) == 1


def test_import_needs_an_issued_form(tmp_path, demo_db, period):
    with pytest.raises(UserError, match="还没有发放评估问卷"):
        importer.analyse(demo_db, period, [tmp_path / "x.xlsx"])
    with pytest.raises(UserError, match="没有评估结果"):
        results.period_results(demo_db, period)


def test_the_template_cannot_change_once_answers_came_back(tmp_path, demo_db, period):
    five = templates.save_template(demo_db, Questionnaire("五分制", scale="五分"), [QuestionnaireItem(0, "总体", "score")])
    forms.period_form(demo_db, period)
    assert forms.reissue(demo_db, period, five.questionnaire.id).scale == "五分"
    filled = fill_form(workbook.write_template(demo_db, period, tmp_path / "问卷.xlsx"), tmp_path / "a.xlsx",
                       lambda key, text: "5分")
    importer.import_files(demo_db, period, [filled])
    with pytest.raises(UserError, match="不能再更换问卷模板"):
        forms.reissue(demo_db, period, templates.templates(demo_db)[0].id)


def test_the_demo_year_flags_the_period_below_its_threshold(demo_db):
    year = results.year_results(demo_db, 2020)
    assert [line.title for line in year.below] == ["县管领导干部学习贯彻党的十九届四中全会精神专题班第1期"]
    assert all(line.responses > 0 for line in year.periods)
    leaders = next(c for c in year.classes if c.class_name.startswith("县管领导干部学习贯彻"))
    assert leaders.below == 1 and leaders.periods >= 2
    assert results.years(demo_db) == [2020]


def test_lecturers_and_topics_carry_their_scores(demo_db):
    by_lecturer = results.lecturer_figures(demo_db)
    by_topic = results.topic_figures(demo_db)
    assert by_lecturer and by_topic
    some = next(iter(by_lecturer.values()))
    assert some.figures.count > 0 and some.text.endswith("次课）")
    # the same as counting each period's results by hand
    year = results.year_results(demo_db, 2020)
    counted: dict = {}
    for line in year.periods:
        for e in results.period_results(demo_db, line.period_id).lecturers:
            if e.lecturer_id is not None:
                counted[e.lecturer_id] = counted.get(e.lecturer_id, scales.Figures()) + e.figures
    assert {k: (v.figures.count, v.figures.satisfied, v.figures.total) for k, v in by_lecturer.items()} == \
        {k: (v.count, v.satisfied, v.total) for k, v in counted.items()}


def test_a_five_point_summary_typed_by_hand_with_numbers(tmp_path, demo_db, period):
    five = templates.save_template(demo_db, Questionnaire("五分制", scale="五分"), templates.default_template(demo_db).items)
    forms.period_form(demo_db, period, questionnaire_id=five.questionnaire.id)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "总体满意度", "组织管理", "后勤保障", "学风"])
    sheet.append([1, 5, 4, 3, 5])
    sheet.append([2, "4分", "５", 2, None])
    sheet.append([3, "五分", 1, 1, 4])
    sheet.append(["平均分", 4.67, 3.33, 2, 4.5])  # the office's own line under the answers
    book.save(tmp_path / "五分汇总.xlsx")
    found = importer.import_files(demo_db, period, [tmp_path / "五分汇总.xlsx"])
    assert found.files[0].shape == "汇总表" and found.written == 3 and "第5行是合计行，已跳过" in found.files[0].outcome
    shown = {q.line.item.section: q.figures for q in results.period_results(demo_db, period).questions}
    assert (shown["总体评价"].average, shown["总体评价"].rate) == (14 / 3, 1.0)
    assert (shown["后勤保障"].count, shown["后勤保障"].satisfied) == (3, 0)  # 3, 2, 1: none is 4 or 5
    assert shown["学风"].count == 2


def test_an_old_form_after_the_template_changed_is_refused(tmp_path, demo_db, period):
    old = workbook.write_template(demo_db, period, tmp_path / "旧问卷.xlsx")
    other = templates.save_template(demo_db, Questionnaire("另一份"), templates.default_template(demo_db).items[:2])
    forms.reissue(demo_db, period, other.questionnaire.id)
    filled = fill_form(old, tmp_path / "旧问卷（已填）.xlsx", lambda key, text: "满意")
    found = importer.analyse(demo_db, period, [filled])
    assert found.files[0].status == "未通过" and "题目已更换" in found.files[0].reason


def test_a_session_whose_topic_changed_after_issuing_is_not_mapped_blindly(tmp_path, demo_db, period):
    from dataclasses import replace

    from app.services.teaching import timetable

    form = workbook.write_template(demo_db, period, tmp_path / "问卷.xlsx")
    table = workbook.write_template(demo_db, period, tmp_path / "汇总.xlsx", shape="table")
    first = forms.period_form(demo_db, period).sessions[0]
    timetable.save_session(demo_db, replace(tables.sessions(demo_db).get(first.id), topic="改成了另一个专题"))
    a = fill_form(form, tmp_path / "甲.xlsx", lambda key, text: "满意")
    b = fill_table(table, tmp_path / "汇总（已填）.xlsx", [lambda key: "满意"])
    found = importer.analyse(demo_db, period, [a, b])
    assert [f.status for f in found.files] == ["未通过", "未通过"]
    assert all(f"题目“{first.topic}" in f.reason and "与本期问卷对不上" in f.reason for f in found.files)
    # a lecturer swapped keeps the session: its topic still names it
    timetable.save_session(demo_db, replace(tables.sessions(demo_db).get(first.id), topic=first.topic,
                                            lecturer_id=None, lecturer_name="代课老师"))
    found = importer.analyse(demo_db, period, [a])
    assert found.files[0].status == "可导入", found.files[0].reason


def test_a_csv_summary_and_a_cancelled_import_that_writes_nothing(tmp_path, demo_db, period):
    from app.services.progress import Cancelled, Progress

    forms.period_form(demo_db, period)
    csv = tmp_path / "汇总.csv"
    csv.write_text("序号,总体满意度,组织管理,后勤保障\n1,满意,满意,基本满意\n2,不满意,满意,满意\n", encoding="gbk")
    found = importer.analyse(demo_db, period, [csv])
    assert found.files[0].status == "可导入" and found.responses == 2
    with pytest.raises(Cancelled):
        importer.commit(demo_db, found, progress=Progress(is_cancelled=lambda: True))
    assert responses(demo_db, period) == 0
    importer.commit(demo_db, found)
    assert responses(demo_db, period) == 2


def test_every_bad_row_is_listed(tmp_path, demo_db, period):
    template = workbook.write_template(demo_db, period, tmp_path / "问卷.xlsx")
    bad = fill_form(template, tmp_path / "乱填.xlsx", lambda key, text: "优秀" if ":" in key else None)
    found = importer.analyse(demo_db, period, [bad])
    sessions = len(forms.period_form(demo_db, period).sessions)
    assert len(found.files[0].problems) == 2 * sessions and all("“优秀”不是有效的评价" in p for p in found.files[0].problems)


def test_clearing_the_imported_questionnaires(tmp_path, demo_db, period):
    template = workbook.write_template(demo_db, period, tmp_path / "问卷.xlsx")
    with pytest.raises(UserError, match="没有已导入的评估问卷"):
        importer.clear_responses(demo_db, period)
    importer.import_files(demo_db, period, [fill_form(template, tmp_path / "a.xlsx", lambda key, text: "满意")])
    assert importer.clear_responses(demo_db, period) == 1 and responses(demo_db, period) == 0
    assert not [a for a in tables.evaluation_answers(demo_db).all()
                if a.item_id in {i.id for i in forms.period_form(demo_db, period).items}]  # the answers went too
    # the same file may be imported again
    again = importer.analyse(demo_db, period, [tmp_path / "a.xlsx"])
    assert again.files[0].status == "可导入"


def test_a_crash_after_the_commit_is_not_reported_as_a_lost_import(demo_file, tmp_path):
    import json
    import socket

    from app.services import database
    from app.services.importing.marker import interrupted_import, marker_path

    with database.writing(demo_file) as db:
        target = period_id(db, CLASS, 2)
        fill_timetable(db, target)
        template = workbook.write_template(db, target, tmp_path / "问卷.xlsx")
        filled = fill_form(template, tmp_path / "交回.xlsx", lambda key, text: "满意")
        before = audit_log.last_id(db)
        importer.import_files(db, target, [filled, fill_form(template, tmp_path / "另一份.xlsx", lambda k, t: "不满意")])
        after = audit_log.last_id(db)
        note = {"file": "交回.xlsx", "started": 0, "computer": socket.gethostname(), "pid": 2 ** 22 + 17}
        marker_path(demo_file).write_text(json.dumps({**note, "audit_after": before}), encoding="utf-8")
        assert interrupted_import(db, holds_lock=True) is None  # its entry is in the log: it was committed
        marker_path(demo_file).write_text(json.dumps({**note, "audit_after": after}), encoding="utf-8")
        assert interrupted_import(db, holds_lock=True) == "上次导入（交回.xlsx）未完成，数据保持导入前的状态"


def test_a_period_without_timetable_or_issuing_body_still_has_its_form(tmp_path, db):
    from app.domain.models import Period, TrainingClass
    from app.services.documents import DocumentRequest, render

    training_class = tables.classes(db).insert(TrainingClass("新任科级干部培训班", organizer=""))
    period = tables.periods(db).insert(Period(training_class.id, 1, "2021-04-06", "2021-04-08"))
    form = forms.period_form(db, period.id)
    assert form.issued and not form.sessions and [line.item.kind for line in form.lines].count("sessions") == 0
    saved = workbook.write_template(db, period.id, tmp_path / "问卷.xlsx")
    filled = fill_form(saved, tmp_path / "a.xlsx", lambda key, text: "基本满意")
    assert importer.import_files(db, period.id, [filled]).written == 1
    assert render(db, DocumentRequest("evaluation-form", period_id=period.id), tmp_path / "问卷.pdf") == 1
    assert render(db, DocumentRequest("evaluation-report", period_id=period.id), tmp_path / "报告.pdf") >= 1
