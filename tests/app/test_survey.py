"""The needs survey (需求调研) through its services: a survey made from the plan's themes and edited; the form
units get (its dropdowns, locks and hidden keys, checked with openpyxl); forms filled as units fill them and
imported give the tally a hand count gives; a unit's second return replaces its first (within one import and
across imports) with a note; bad files are refused with clear reasons and write nothing; a dry run writes
nothing; the tally's workbook."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.errors import UserError, ValidationError
from app.domain.models import Unit
from app.domain.quality_records import NeedsSurvey
from app.services.survey import importer, surveys
from app.services.survey.form import SHEET, columns, write_form
from app.services.survey.importer import IMPORTED, REFUSED, SET_ASIDE
from app.services.survey.surveys import TopicDraft
from app.services.survey.tally import export_tally, tally, tally_json
from app.storage import tables
from tests.survey_files import column_of, fill, rows_by_key

YEAR = 2022  # the demo has 2021's survey; these tests make their own


@pytest.fixture
def survey(demo_db):
    made = surveys.create_survey(demo_db, YEAR, deadline="2021年9月10日前")
    return made


@pytest.fixture
def blank(demo_db, survey, tmp_path):
    return write_form(demo_db, YEAR, tmp_path / "调研表.xlsx")


def listed(db, survey) -> list[str]:
    return [t.topic for t in surveys.topics(db, survey.id)]


def counts(db) -> tuple[int, int]:
    """Returns and answers of this test's survey (the demo's 2021 survey has its own)."""
    found = surveys.survey_of_year(db, YEAR)
    returns = [line for line in _returns(db, found.id)]
    return len(returns), sum(_answers(db, line.id) for line in returns)


def _returns(db, survey_id):
    from app.storage import survey as queries

    return queries.returns(db, survey_id)


def _answers(db, return_id):
    from app.storage import survey as queries

    return sum(1 for a in queries.answers(db, surveys.survey_of_year(db, YEAR).id) if a.return_id == return_id)


# --- the survey and its topics


def test_a_new_survey_starts_from_the_latest_plans_class_themes(demo_db, survey):
    topics = listed(demo_db, survey)
    assert "加强党的政治建设" in topics and "防范化解经济金融风险" in topics  # the 2020 classes' themes
    assert "学习贯彻习近平新时代中国特色社会主义思想" in topics  # a class without a theme: its name, shortened
    assert not any(t.endswith(("干部", "培训班", "初任")) for t in topics)  # classes named by whom they train
    assert len(topics) == len(set(topics))
    first = surveys.topics(demo_db, survey.id)[0]
    assert first.theme.startswith("2020年计划：")
    assert survey.title == f"{YEAR}年度干部教育培训需求调研"
    with pytest.raises(UserError, match=f"{YEAR}年的需求调研已经建立"):
        surveys.create_survey(demo_db, YEAR)
    with pytest.raises(ValidationError, match="2000至2100"):
        surveys.create_survey(demo_db, 1999)


def test_topics_are_added_removed_renamed_and_reordered_in_one_save(demo_db, survey):
    stored = surveys.topics(demo_db, survey.id)
    drafts = [TopicDraft(t.topic, t.theme, t.id) for t in stored]
    drafts[0].topic = "习近平新时代中国特色社会主义思想专题"
    drafts[1], drafts[2] = drafts[2], drafts[1]
    removed = drafts.pop()
    drafts.append(TopicDraft("数字政府建设"))
    saved = surveys.save_survey(demo_db, survey, drafts)
    assert [t.topic for t in saved] == [d.topic for d in drafts]
    assert [t.sort_order for t in saved] == list(range(1, len(drafts) + 1))
    assert removed.topic not in {t.topic for t in saved} and saved[-1].theme == ""
    assert tables.needs_surveys(demo_db).get(survey.id).deadline == "2021年9月10日前"


@pytest.mark.parametrize("change, message", [
    (lambda d: d.append(TopicDraft("")), "专题名称不能为空"),
    (lambda d: d.append(TopicDraft("长" * 61)), "不超过60个字"),
    (lambda d: d.append(TopicDraft(f" {d[0].topic}  ")), "重复"),
])
def test_a_bad_topic_list_is_refused_and_nothing_changes(demo_db, survey, change, message):
    before = listed(demo_db, survey)
    drafts = [TopicDraft(t.topic, t.theme, t.id) for t in surveys.topics(demo_db, survey.id)]
    change(drafts)
    with pytest.raises(ValidationError, match=message):
        surveys.save_survey(demo_db, survey, drafts)
    assert listed(demo_db, survey) == before


def test_a_survey_without_a_title_is_refused(demo_db, survey):
    with pytest.raises(ValidationError, match="调研名称不能为空"):
        surveys.save_survey(demo_db, NeedsSurvey(YEAR, " ", "", "", survey.id), [])
    assert tables.needs_surveys(demo_db).get(survey.id).title == survey.title


# --- the form


def test_the_form_has_locked_structure_dropdowns_and_hidden_keys(demo_db, survey, blank):
    book = load_workbook(blank)
    sheet = book[SHEET]
    assert sheet.protection.sheet and sheet.protection.formatColumns and sheet.protection.insertRows
    assert sheet.protection.deleteRows and sheet.protection.insertColumns
    assert sheet.column_dimensions["A"].hidden
    keys = rows_by_key(sheet)
    assert sheet.cell(1, 1).value == f"survey:{YEAR}:{survey.id}"
    assert sheet.cell(1, 2).value == f"{YEAR}年度干部教育培训需求调研表"
    assert "报送时限：2021年9月10日前" in sheet.cell(2, 2).value
    topics = surveys.topics(demo_db, survey.id)
    assert [sheet.cell(keys[f"topic:{t.id}"], 3).value for t in topics] == [t.topic for t in topics]
    header = keys["header"]
    shown = [sheet.cell(header, c).value or sheet.cell(header - 1, c).value for c in range(2, len(columns()) + 2)]
    assert shown == columns()  # 序号, 培训专题, the months and 备注 merged down over the two header rows
    assert {"党政领导干部", "村(社区)干部", "首选月份", "备选月份"} <= set(columns())
    first_topic = keys[f"topic:{topics[0].id}"]
    people = sheet.cell(first_topic, column_of("公务员"))
    assert not people.protection.locked and sheet.cell(first_topic, 3).protection.locked  # the listed topic is fixed
    assert not sheet.cell(keys["extra"], 3).protection.locked  # a topic of the unit's own is typed
    assert not sheet.cell(keys["unit"], 4).protection.locked and sheet.cell(keys["unit"], 2).protection.locked
    rules = {rule.type: rule for rule in sheet.data_validations.dataValidation}
    assert rules["whole"].formula1 == "0" and rules["whole"].formula2 == "9999"
    assert people.coordinate in rules["whole"].sqref
    month_lists = [r for r in sheet.data_validations.dataValidation if r.type == "list" and "1月" in r.formula1]
    assert month_lists and "12月" in month_lists[0].formula1
    assert sheet.cell(first_topic, column_of("首选月份")).coordinate in month_lists[0].sqref
    unit_list = next(r for r in sheet.data_validations.dataValidation if "单位名录" in (r.formula1 or ""))
    assert unit_list.errorStyle == "warning"  # a unit may still type its name
    assert book["单位名录"].sheet_state == "hidden" and book["单位名录"]["A1"].value == "县委办公室"


def test_no_form_without_a_survey(demo_db, tmp_path):
    with pytest.raises(UserError, match="还没有2030年的需求调研"):
        write_form(demo_db, 2030, tmp_path / "x.xlsx")


# --- importing and the tally


def test_filled_forms_give_the_tally_a_hand_count_gives(demo_db, survey, blank, tmp_path):
    a, b, c = listed(demo_db, survey)[:3]
    files = [
        fill(blank, tmp_path / "1.xlsx", "县委宣传部",
             {a: {"people": {"党政领导干部": 3, "公务员": 5}, "months": ("3月", "9月")},
              b: {"people": {"公务员": 2}, "months": ("3月",)}},
             own=[("数字政府建设", {"people": {"事业单位工作人员": 4}, "months": ("10月",)})], comments="多安排现场教学"),
        fill(blank, tmp_path / "2.xlsx", "县委 统战部（ ）".replace("（ ）", ""),  # spaces in the name: still known
             {a: {"people": {"公务员": 1}, "months": ("9月", "11月")},
              c: {"people": {"优秀年轻干部": 6}, "months": ("不限",)}},
             own=[("数字 政府建设", {"people": {"公务员": 2}})]),
    ]
    done = importer.import_survey(demo_db, YEAR, files)
    assert [f.status for f in done.files] == [IMPORTED, IMPORTED] and done.written == 2
    found = tally(demo_db, YEAR)
    ranked = {t.topic: t for t in found.topics}
    assert (ranked[a].people, len(ranked[a].units), ranked[a].months) == (9, 2, {3: 1, 9: 2, 11: 1})
    assert ranked[a].by_category == {"党政领导干部": 3, "公务员": 6}
    assert (ranked[b].people, ranked[c].people) == (2, 6)
    own = ranked["数字政府建设"]
    assert own.added and own.people == 6 and len(own.units) == 2  # the same words (but a space) counted together
    assert [t.topic for t in found.topics[:4]] == [a, "数字政府建设", c, b]  # people, then units asking
    assert [t.rank for t in found.topics[:4]] == [1, 2, 3, 4]
    months = {m.month: (m.requests, m.people) for m in found.months}
    assert months[3] == (2, 10) and months[9] == (2, 9) and months[10] == (1, 4) and months[11] == (1, 1)
    assert sum(m.requests for m in found.months) == 6
    cats = {x.category: x.people for x in found.categories}
    assert cats["公务员"] == 10 and cats["党政领导干部"] == 3 and cats["优秀年轻干部"] == 6 and cats["事业单位工作人员"] == 4
    units = {u.unit_name: u for u in found.units}
    assert (units["县委宣传部"].topics, units["县委宣传部"].people) == (3, 14)
    assert (units["县委统战部"].topics, units["县委统战部"].people) == (3, 9)
    assert units["县委宣传部"].line.comments == "多安排现场教学" and units["县委宣传部"].line.contact == "李敏 023-61234567"
    assert found.returned == 2 and found.people == 23 and found.requests == 6
    assert "县委宣传部" not in found.not_returned and "县委办公室" in found.not_returned
    assert len(found.not_returned) == found.unit_count - 2
    record = tally_json(found)
    assert record["topics"][0] == {"rank": 1, "topic": a, "topic_id": ranked[a].topic_id, "added_by_unit": False,
                                   "people": 9, "units": 2, "categories": {"党政领导干部": 3, "公务员": 6},
                                   "months": {"3": 1, "9": 2, "11": 1}}


def test_a_units_second_return_replaces_its_first_with_a_note(demo_db, survey, blank, tmp_path):
    a, b = listed(demo_db, survey)[:2]
    first = fill(blank, tmp_path / "宣传部第一次.xlsx", "县委宣传部", {a: {"people": {"公务员": 5}, "months": ("3月",)}})
    importer.commit(demo_db, importer.analyse(demo_db, YEAR, [first]), today=date(2021, 9, 3))
    second = fill(blank, tmp_path / "宣传部修改后.xlsx", "县委宣传部", {b: {"people": {"公务员": 2}, "months": ("4月",)}})
    done = importer.commit(demo_db, importer.analyse(demo_db, YEAR, [second]), today=date(2021, 9, 8))
    assert done.good[0].replaces == "替换了9月3日导入的调研表（宣传部第一次.xlsx）"
    found = tally(demo_db, YEAR)
    assert found.returned == 1 and found.people == 2
    assert {t.topic: t.people for t in found.topics if t.people} == {b: 2}
    line = found.units[0].line
    assert (line.source, line.received_on, line.note) == ("宣传部修改后.xlsx", "2021-09-08",
                                                           "替换了9月3日导入的调研表（宣传部第一次.xlsx）")
    assert counts(demo_db) == (1, 1)


def test_within_one_import_the_later_file_of_a_unit_wins(demo_db, survey, blank, tmp_path):
    a = listed(demo_db, survey)[0]
    early = fill(blank, tmp_path / "a.xlsx", "县委宣传部", {a: {"people": {"公务员": 5}}})
    other = fill(blank, tmp_path / "b.xlsx", "县委编办", {a: {"people": {"公务员": 1}}})
    late = fill(blank, tmp_path / "c.xlsx", "县委宣传部", {a: {"people": {"公务员": 7}}})
    done = importer.import_survey(demo_db, YEAR, [early, other, late])
    assert [f.status for f in done.files] == [SET_ASIDE, IMPORTED, IMPORTED]
    assert done.files[0].notes[-1] == "以同一单位后面的“c.xlsx”为准"
    assert done.files[2].replaces == "替换了本次导入中的“a.xlsx”"
    found = tally(demo_db, YEAR)
    assert found.returned == 2 and found.people == 8


@pytest.mark.parametrize("make, reason", [
    (lambda blank, path: fill(blank, path, "某某局", {}), "填报单位“某某局”不在单位名录中"),
    (lambda blank, path: fill(blank, path, "", {}), "没有填写填报单位"),
    (lambda blank, path: path.with_suffix(".pdf"), "不支持"),
    (lambda blank, path: _write_bytes(path, b"PK\x03\x04 not a workbook"), "损坏"),
    (lambda blank, path: _other_sheet(path), "找不到调研表的表头"),
])
def test_a_bad_file_is_refused_with_a_clear_reason_and_nothing_is_written(demo_db, survey, blank, tmp_path, make,
                                                                          reason):
    bad = make(blank, tmp_path / "坏.xlsx")
    good = fill(blank, tmp_path / "好.xlsx", "县委宣传部", {listed(demo_db, survey)[0]: {"people": {"公务员": 1}}})
    found = importer.analyse(demo_db, YEAR, [bad])
    assert found.files[0].status == REFUSED and reason in found.files[0].summary()
    with pytest.raises(UserError, match="没有可导入的调研表"):
        importer.commit(demo_db, found)
    assert counts(demo_db) == (0, 0)
    mixed = importer.import_survey(demo_db, YEAR, [bad, good])  # the good file goes in, the bad one does not
    assert [f.status for f in mixed.files] == [REFUSED, IMPORTED] and counts(demo_db) == (1, 1)


def _write_bytes(path, data):
    path.write_bytes(data)
    return path


def _other_sheet(path):
    book = Workbook()
    book.active.append(["姓名", "单位"])
    book.active.append(["张三", "县委办公室"])
    book.save(path)
    return path


def test_every_bad_row_is_listed_and_the_file_is_refused_whole(demo_db, survey, blank, tmp_path):
    a, b, c = listed(demo_db, survey)[:3]
    bad = fill(blank, tmp_path / "x.xlsx", "县委宣传部",
               {a: {"people": {"公务员": 2}, "months": ("3月",)},  # good, yet not imported: the file is refused whole
                b: {"people": {"公务员": "五个"}},
                c: {"months": ("13月",)}},
               own=[("", {"people": {"公务员": 3}}), ("网络安全", {"months": ("4月",)})])
    book = load_workbook(bad)
    sheet = book[SHEET]
    keys = rows_by_key(sheet)
    sheet.cell(keys[f"topic:{surveys.topics(demo_db, survey.id)[3].id}"], column_of("党政领导干部")).value = -2
    book.save(bad)
    found = importer.analyse(demo_db, YEAR, [bad]).files[0]
    assert found.status == REFUSED
    text = "\n".join(found.errors)
    assert f"（{b}）：“公务员”人数应为0至9999的整数（现为“五个”）" in text
    assert f"（{c}）：首选月份应为1至12月（现为“13月”）" in text
    assert "填了人数或月份，但没有写专题名称" in text
    assert "（网络安全）：填了月份，但没有填写参训人数" in text
    assert "“党政领导干部”人数应为0至9999的整数（现为“-2”）" in text
    assert len(found.errors) == 5 and all(e.startswith("第") for e in found.errors)
    assert counts(demo_db) == (0, 0)


def test_a_form_of_another_year_is_refused(demo_db, survey, tmp_path):
    old = fill(write_form(demo_db, 2021, tmp_path / "2021.xlsx"), tmp_path / "旧.xlsx", "县委宣传部", {})
    found = importer.analyse(demo_db, YEAR, [old]).files[0]
    assert found.status == REFUSED and f"这是2021年的需求调研表，不是{YEAR}年的" in found.errors


def test_a_shortened_unit_name_and_an_xls_like_copy_without_keys_are_read(demo_db, survey, blank, tmp_path):
    tables.units(demo_db).insert(Unit("县退役军人事务局", sort_order=99))
    a = listed(demo_db, survey)[0]
    path = fill(blank, tmp_path / "退役.xlsx", "县退役军人", {a: {"people": {"公务员": 2}, "months": ("五月",)}})
    book = load_workbook(path)  # pasted into a fresh workbook: the hidden keys are gone
    copy = Workbook()
    for row in book[SHEET].iter_rows(values_only=True):
        copy.active.append([None, *row[1:]])
    copy.save(tmp_path / "粘贴.xlsx")
    found = importer.analyse(demo_db, YEAR, [tmp_path / "粘贴.xlsx"]).files[0]
    assert found.status == IMPORTED, found.errors
    assert found.unit_name == "县退役军人事务局" and "按单位名录识别为“县退役军人事务局”" in found.notes[-1]
    assert any("没有调研表的年度标记" in n for n in found.notes)
    assert [(r.topic, r.topic_id is not None, r.people, r.months) for r in found.requests] == [(a, True, {"公务员": 2}, [5])]


def test_a_dry_run_writes_nothing(demo_db, survey, blank, tmp_path):
    a = listed(demo_db, survey)[0]
    path = fill(blank, tmp_path / "x.xlsx", "县委宣传部", {a: {"people": {"公务员": 2}}})
    audit_before = demo_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    found = importer.import_survey(demo_db, YEAR, [path], dry_run=True)
    assert found.good and found.written == 0 and counts(demo_db) == (0, 0)
    assert demo_db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before


def test_a_failure_while_writing_leaves_nothing_half_written(demo_db, survey, blank, tmp_path, monkeypatch):
    a = listed(demo_db, survey)[0]
    files = [fill(blank, tmp_path / f"{n}.xlsx", unit, {a: {"people": {"公务员": 2}}})
             for n, unit in enumerate(("县委宣传部", "县委编办"))]
    found = importer.analyse(demo_db, YEAR, files)
    real = importer._write_return
    calls = []

    def second_fails(db, survey_id, item, received):
        calls.append(item)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        real(db, survey_id, item, received)

    monkeypatch.setattr(importer, "_write_return", second_fails)
    with pytest.raises(sqlite3.OperationalError):
        importer.commit(demo_db, found)
    assert counts(demo_db) == (0, 0)


def test_no_import_without_the_years_survey(demo_db, tmp_path):
    with pytest.raises(UserError, match="还没有2030年的需求调研"):
        importer.analyse(demo_db, 2030, [tmp_path / "x.xlsx"])


def test_the_tally_workbook(demo_db, tmp_path):
    found = tally(demo_db, 2021)
    saved = export_tally(found, tmp_path / "汇总.xlsx")
    book = load_workbook(saved)
    assert book.sheetnames == ["专题排名", "月份", "各单位需求", "干部类别", "未报送单位", "意见建议"]
    ranking = book["专题排名"]
    header = next(r for r in range(1, 6) if ranking.cell(r, 1).value == "排名")
    assert ranking.cell(header + 1, 2).value == found.topics[0].topic
    assert ranking.cell(header + 1, 3).value == found.topics[0].people
    months = book["月份"]
    top = next(r for r in range(1, 6) if months.cell(r, 1).value == "月份")
    assert [months.cell(r, 2).value for r in range(top + 1, top + 13)] == [m.requests for m in found.months]


def test_the_demo_survey(demo_db):
    found = tally(demo_db, 2021)
    units = {u.unit_name: u for u in found.units}
    assert found.returned == 14 and 0 < len(found.not_returned) < found.unit_count
    assert units["县财政局"].line.note == "替换了9月3日导入的调研表（县财政局需求调研表.xlsx）"
    assert units["县财政局"].line.received_on == "2020-09-11"
    assert any(t.added for t in found.topics) and any(u.line.comments for u in found.units)


def test_a_form_saved_again_as_xls_is_read_the_same(demo_db, survey, blank, tmp_path):
    from tests.survey_files import as_xls

    a, b = listed(demo_db, survey)[:2]
    filled = fill(blank, tmp_path / "x.xlsx", "县委宣传部",
                  {a: {"people": {"公务员": "5人", "党政领导干部": 1.0}, "months": ("3", "九月")}},
                  own=[(f"“{b}”", {"people": {"选调生": 2}})])  # a listed topic written in again, in quotes
    xls = importer.analyse(demo_db, YEAR, [as_xls(filled, tmp_path / "x.xls")]).files[0]
    xlsx = importer.analyse(demo_db, YEAR, [filled]).files[0]
    assert xls.status == IMPORTED, xls.errors
    read = [(r.topic, r.topic_id, r.people, r.months) for r in xls.requests]
    assert read == [(r.topic, r.topic_id, r.people, r.months) for r in xlsx.requests]
    ids = {t.topic: t.id for t in surveys.topics(demo_db, survey.id)}
    assert read == [(a, ids[a], {"党政领导干部": 1, "公务员": 5}, [3, 9]), (b, ids[b], {"选调生": 2}, [])]


def test_cancelling_while_writing_leaves_nothing_written(demo_db, survey, blank, tmp_path):
    from app.services.progress import Cancelled, Progress

    a = listed(demo_db, survey)[0]
    files = [fill(blank, tmp_path / f"{n}.xlsx", unit, {a: {"people": {"公务员": 2}}})
             for n, unit in enumerate(("县委宣传部", "县委编办", "县委党校"))]
    found = importer.analyse(demo_db, YEAR, files)
    steps = []

    def cancelled() -> bool:
        steps.append(1)
        return len(steps) > 2  # after the first file was written

    with pytest.raises(Cancelled):
        importer.commit(demo_db, found, Progress(is_cancelled=cancelled))
    assert counts(demo_db) == (0, 0)


def test_a_unit_that_returned_a_survey_is_not_deleted(demo_db):
    from app.services import units

    finance = next(u for u in units.list_units(demo_db) if u.name == "县财政局")
    demo_db.execute("UPDATE people SET unit_id = NULL WHERE unit_id = ?", [finance.id])  # nobody left in it
    with pytest.raises(UserError, match="报送过2021年的需求调研表，不能删除"):
        units.delete_unit(demo_db, finance.id)
    assert tables.units(demo_db).get(finance.id).name == "县财政局"


def test_renaming_or_removing_an_answered_topic_keeps_its_demand(demo_db, survey, blank, tmp_path):
    a, b = listed(demo_db, survey)[:2]
    importer.import_survey(demo_db, YEAR, [fill(blank, tmp_path / "x.xlsx", "县委宣传部",
                                                {a: {"people": {"公务员": 4}}, b: {"people": {"公务员": 3}}})])
    assert surveys.answered_topics(demo_db, survey.id) == {t.id: 1 for t in surveys.topics(demo_db, survey.id)[:2]}
    drafts = [TopicDraft(t.topic, t.theme, t.id) for t in surveys.topics(demo_db, survey.id)]
    drafts[0].topic = "新的名称"
    del drafts[1]
    surveys.save_survey(demo_db, survey, drafts)
    ranked = {t.topic: t for t in tally(demo_db, YEAR).topics}
    assert ranked["新的名称"].people == 4 and not ranked["新的名称"].added
    assert ranked[b].people == 3 and ranked[b].added


def test_a_formula_without_its_value_a_date_for_a_month_and_a_long_comment(demo_db, survey, blank, tmp_path):
    from datetime import datetime

    a = listed(demo_db, survey)[0]
    path = fill(blank, tmp_path / "x.xlsx", "县委宣传部", {a: {"people": {"公务员": 2}}}, comments="长" * 2500)
    book = load_workbook(path)
    sheet = book[SHEET]
    keys = rows_by_key(sheet)
    row = keys[f"topic:{surveys.topics(demo_db, survey.id)[0].id}"]
    sheet.cell(row, column_of("首选月份")).value = datetime(2022, 3, 1)  # "3-1" typed: Excel made it a date
    book.save(path)
    found = importer.analyse(demo_db, YEAR, [path]).files[0]
    assert found.status == IMPORTED and found.requests[0].months == [3]
    assert len(found.comments) == 2000 and "意见建议过长（共2500个字），只保存了前2000个字" in found.notes
    sheet.cell(keys["unit"], 4).value = "=Sheet2!A1"  # a formula saved by a program that keeps no results
    book.save(path)
    found = importer.analyse(demo_db, YEAR, [path]).files[0]
    assert found.status == REFUSED
    assert any(e.startswith(f"第{keys['unit']}行：单元格D{keys['unit']}是公式") for e in found.errors), found.errors


def test_a_form_sent_before_a_topic_was_renamed_counts_under_the_new_name(demo_db, survey, blank, tmp_path):
    a = listed(demo_db, survey)[0]
    path = fill(blank, tmp_path / "x.xlsx", "县委宣传部", {a: {"people": {"公务员": 2}}})
    drafts = [TopicDraft(t.topic, t.theme, t.id) for t in surveys.topics(demo_db, survey.id)]
    drafts[0].topic = "新时代党的创新理论"
    surveys.save_survey(demo_db, survey, drafts)
    found = importer.analyse(demo_db, YEAR, [path]).files[0]
    assert [(r.topic, r.topic_id) for r in found.requests] == [("新时代党的创新理论", drafts[0].id)]
    assert f"第{found.requests[0].line}行的专题“{a}”已改为“新时代党的创新理论”，按改后的专题计入" in found.notes
