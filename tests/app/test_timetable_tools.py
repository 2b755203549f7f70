"""The timetable's tools outside the window: its totals and shares, the Excel export read back, copying
from another period and from last year's period of the same class, undo by snapshots, lecturer conflicts,
and `python -m app timetable`."""
import json
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from app.domain import teaching
from app.domain.errors import UserError
from app.domain.models import Period
from app.domain.teaching_records import Session
from app.services.exports.timetable import export_timetable
from app.services.safety import audit
from app.services.teaching import bookings, shares, timetable, timetable_copy, timetable_undo
from app.storage import tables
from tests.cli import run
from tests.documents.conftest import period_id
from tests.timetable_data import CLASS, TOPICS, fill_timetable, pool, timetabled_period
from tests.writing import writable


@pytest.fixture
def period(demo_db):
    return timetabled_period(demo_db)


def test_the_totals_and_shares_come_from_the_sessions(demo_db, period):
    found = shares.totals(timetable.timetable(demo_db, period))
    # 7 sessions: the first morning 1 + 3 (its own figure taken off first), then 4 each
    assert (found.sessions, found.hours) == (7, 24)
    assert found.party_spirit_hours == 4  # 党性分析交流, ticked
    assert found.leader_lecture_hours == 8  # 王书记 twice
    assert found.text() == "共7节课，总学时24；党性教育4学时，占16.7%；领导干部讲课8学时，占33.3%"


def test_the_excel_export_has_the_columns_merged_dates_and_the_total(demo_db, period, tmp_path):
    saved = export_timetable(demo_db, period, tmp_path / "课程 表.xlsx")
    sheet = load_workbook(saved).active
    assert sheet["A1"].value == f"{CLASS}第2期课程表"
    assert [c.value for c in sheet[3]] == ["日期", "时间", "课程内容", "教学形式", "授课人（职务职称）", "地点", "学时"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert rows[0][0].endswith("（星期一）") and rows[1][0] is None  # merged over the day's three rows
    assert "A4:A6" in {str(r) for r in sheet.merged_cells.ranges}
    assert rows[1][1:] == ["上午 09:40-11:40", TOPICS[1], "专题讲座", "李教授（副校长）", "县委党校报告厅", 3]
    assert rows[3][5] == "长征精神党性教育基地"
    assert rows[-1][0] == "合计" and rows[-1][6] == 24
    assert audit.entries(demo_db)[0]["action"] == "导出课程表"


def test_the_export_of_an_empty_timetable_is_refused(demo_db, tmp_path):
    with pytest.raises(UserError, match="还没有课程表"):
        export_timetable(demo_db, period_id(demo_db, CLASS, 1), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_last_years_period_is_the_same_number_else_the_first(demo_db):
    db = demo_db
    this_year = tables.periods(db).get(period_id(db, CLASS, 2))
    klass = tables.classes(db).get(this_year.class_id)
    old_class = tables.classes(db).insert(replace(klass, id=None, plan_id=None))
    first = tables.periods(db).insert(Period(old_class.id, 1, "2019-04-08", "2019-04-12"))
    assert timetable_copy.last_years_period(db, this_year.id).id == first.id  # no 第2期 last year: the first
    second = tables.periods(db).insert(Period(old_class.id, 2, "2019-10-14", "2019-10-18"))
    assert timetable_copy.last_years_period(db, this_year.id).id == second.id
    with pytest.raises(UserError, match="还没有课程表"):
        timetable_copy.copy_from_last_year(db, this_year.id)
    fill_timetable(db, second.id)
    source, copied, left_out = timetable_copy.copy_from_last_year(db, this_year.id)
    assert (source.id, copied, left_out) == (second.id, 7, 0)
    days = [s.day for s in timetable.timetable(db, this_year.id)]
    assert days[0] == this_year.start_date and set(days) <= set(timetable.days_of(this_year))


def test_a_class_with_no_period_last_year_is_named(demo_db):
    with pytest.raises(UserError, match="没有找到2019年的“加强党的政治建设专题培训班”"):
        timetable_copy.copy_from_last_year(demo_db, period_id(demo_db, CLASS, 2))


def test_a_shorter_target_leaves_out_the_days_past_its_end(demo_db, period):
    short = tables.periods(demo_db).insert(Period(tables.periods(demo_db).get(period).class_id, 9,
                                                  "2020-11-02", "2020-11-03"))
    assert timetable.copy_timetable(demo_db, period, short.id) == (5, 2)


def test_undo_by_snapshots_puts_a_deleted_session_back_under_its_id_and_refuses_a_stale_step(demo_db, period):
    db = demo_db
    session = timetable.timetable(db, period)[1]
    before = timetable_undo.snapshot(db, [session.id])
    timetable.delete_session(db, session.id)
    after = timetable_undo.snapshot(db, [session.id])
    assert after == {session.id: None}
    timetable_undo.restore(db, period, after, before, "撤销删除课程")
    assert tables.sessions(db).get(session.id) == teaching.plain(session)
    with pytest.raises(UserError, match="又有改动"):
        timetable_undo.restore(db, period, after, before, "撤销删除课程")  # it is back already
    assert tables.sessions(db).get(session.id) == teaching.plain(session)


def test_a_lecturer_booked_in_another_period_at_the_same_half_day_is_named(demo_db, period):
    db = demo_db
    first = timetable.timetable(db, period)[2]  # 王书记, the first afternoon
    clash = tables.periods(db).insert(Period(tables.periods(db).get(period).class_id, 8, first.day, first.day))
    timetable.save_session(db, Session(clash.id, first.day, "下午", topic="另一课", lecturer_id=pool(db)["王书记"]))
    found = bookings.lecturer_conflicts(db, period)
    assert list(found) == [first.id]
    assert "王书记同一时段" in found[first.id][0] and "第8期" in found[first.id][0]


def test_the_timetable_command_lists_json_and_text_and_refuses_an_unknown_period(capsys, demo_path):
    with writable(demo_path) as db:
        period = period_id(db, CLASS, 2)
        fill_timetable(db, period)
    code, out, _ = run(capsys, "timetable", "--period", period, "--json", "--db", demo_path)
    records = json.loads(out)
    assert code == 0 and len(records) == 7
    assert set(records[0]) >= {"date", "half_day", "start_time", "end_time", "topic", "form", "lecturer",
                               "lecturer_post", "place", "hours", "party_spirit", "leader_lecture"}
    assert (records[0]["start_time"], records[0]["hours"], records[0]["form"]) == ("08:30", 1.0, "开班")
    assert records[2]["lecturer"] == "王书记" and records[2]["leader_lecture"] is True
    assert records[6]["party_spirit"] is True and records[3]["place"] == "长征精神党性教育基地"
    code, out, _ = run(capsys, "timetable", "--period", period, "--db", demo_path)
    assert code == 0 and "课程表" in out.splitlines()[0] and TOPICS[4] in out and "总学时24" in out
    code, out, err = run(capsys, "timetable", "--period", 99999, "--db", demo_path)
    assert code == 2 and "找不到" in err and not out
