"""The pool's lists and the course library, the 讲课费 Excel, a lecturer booked twice on the calendar, the
year's 领导干部上讲台 figure, and `lecturers` / `bases` on the command line."""
from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from app.domain.conflicts import LECTURER
from app.domain.errors import ValidationError
from app.services import calendar_events, database
from app.services.exports import lecture_fees
from app.services.safety import audit
from app.services.stats import statistics
from app.services.teaching import pool
from app.storage import tables
from tests import teaching_data
from tests.cli import run


@pytest.fixture
def office(db):
    return teaching_data.build(db)


def test_lecturers_and_bases_are_listed_with_how_often_they_were_used(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-11", "上午", "专题", "王教授", {"base_id": office.base.id}),
                        ("2020-05-12", "上午", "专题", "王教授"))
    rows = {row.name: row for row in pool.lecturer_rows(db)}
    assert rows["王教授"].sessions == 2 and rows["李副教授"].sessions == 0
    assert rows["王教授"].masked_phone == "138****5678"
    assert rows["孙书记"].title_shown == "领导干部（正处级）"
    assert [(b.name, b.sessions) for b in pool.base_rows(db)] == [("长征精神党性教育基地", 1)]
    held = pool.base_sessions(db, office.base.id)
    assert [(t.period_label, t.session.day, t.session.credited_hours) for t in held] == [
        ("科级干部培训班第1期", "2020-05-11", 4)]


def test_archiving_keeps_the_lecturer_out_of_the_active_list_and_their_sessions(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-11", "上午", "专题", "王教授"))
    pool.set_archived(db, office.people["王教授"].id, True)
    assert "王教授" not in [row.name for row in pool.lecturer_rows(db, include_archived=False)]
    assert [t.session.topic for t in pool.lecturer_year(db, office.people["王教授"].id, 2020)] == ["专题"]
    assert audit.entries(db, 1)[0]["action"] == "停用授课人"


def test_the_course_library_counts_topics_and_keeps_their_marks(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-11", "上午", "党史", "王教授"),
                        ("2020-05-12", "上午", "党史", "李副教授"), ("2020-05-13", "上午", "写作", "赵讲师"))
    teaching_data.teach(db, office, office.second, ("2020-05-11", "上午", "党史", "王教授"))
    library = pool.course_library(db)
    assert [(t.topic, t.sessions, t.periods, t.lecturers) for t in library] == [
        ("党史", 3, 2, "李副教授、王教授"), ("写作", 1, 1, "赵讲师")]
    pool.mark_topic(db, "党史", "精品课程")
    pool.mark_topic(db, "写作", "典型案例")
    assert [(t.topic, t.kind) for t in pool.course_library(db)] == [("党史", "精品课程"), ("写作", "典型案例")]
    assert [(c.topic, c.kind) for c in tables.courses(db).all()] == [("党史", "精品课程"), ("写作", "典型案例")]
    pool.mark_topic(db, "写作", "")
    assert [c.topic for c in tables.courses(db).all()] == ["党史"]
    with pytest.raises(ValidationError):
        pool.mark_topic(db, "党史", "好课")
    assert tables.courses(db).all()[0].kind == "精品课程"


def test_fee_sheets_export_to_excel_with_numbers_and_masked_phones(db, office, tmp_path):
    teaching_data.teach(db, office, office.first, ("2020-05-11", "上午", "专题", "王教授"),
                        ("2020-05-11", "下午", "形势", "孙书记"))
    saved = lecture_fees.export_period(db, office.first.id, tmp_path / "fees.xlsx")
    sheet = load_workbook(saved).active
    assert sheet["A1"].value == "科级干部培训班第1期讲课费发放表"
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = values.index(next(r for r in values if r[0] == "序号"))
    assert values[header + 1][:10] == [1, "2020-05-11", "上午", "专题", "王教授", "正高级", "138****5678", 4, 1000, 4000]
    assert values[header + 2][9] == 0 and values[header + 2][10] == "领导干部不付酬"
    assert values[header + 3][0] == "合计" and values[header + 3][9] == 4000
    assert "讲课费发放表" in audit.entries(db, 1)[0]["detail"]
    year = load_workbook(lecture_fees.export_lecturer(db, office.people["王教授"].id, 2020, tmp_path / "y.xlsx")).active
    assert year["A1"].value == "王教授2020年讲课费发放表"


def test_a_lecturer_in_two_periods_at_once_is_a_calendar_conflict(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-12", "上午", "专题", "王教授"),
                        ("2020-05-13", "下午", "专题", "李副教授"))
    teaching_data.teach(db, office, office.second, ("2020-05-12", "上午", "研讨", "王教授"),
                        ("2020-05-13", "上午", "研讨", "李副教授"))  # 李: another half-day, no conflict
    first, last = date(2020, 5, 1), date(2020, 5, 31)
    found = [c for c in calendar_events.find_conflicts(db, calendar_events.entries(db, first, last), first, last)
             if c.kind == LECTURER]
    assert [(c.message, c.period_ids, c.start) for c in found] == [
        ("授课人王教授在5月12日上午同时安排在科级干部培训班第1期和乡村振兴专题班第1期授课",
         (office.first.id, office.second.id), date(2020, 5, 12))]


def test_the_years_leader_lecture_figure(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-11", "上午", "形势", "孙书记"),
                        ("2020-05-12", "上午", "形势", "孙书记", {"hours": 2}), ("2020-05-12", "上午", "研讨", "李副教授"),
                        ("2020-05-13", "上午", "政策", "外请的局长"))  # typed, not in the pool: not counted
    overview = statistics.overview(db, 2020)
    assert (overview.leader_lectures.leaders, overview.leader_lectures.sessions, overview.leader_lectures.hours) == (1, 2, 6)
    assert statistics.leader_text(overview) == "领导干部上讲台：1人，授课2节、6学时"
    assert statistics.leader_figures(overview)[2][1] == 6
    assert statistics.overview(db, 2021).leader_lectures.sessions == 0


@pytest.fixture
def office_file(tmp_path):
    path = tmp_path / "师资.db"
    with database.writing(path, create=True) as db:
        office = teaching_data.build(db)
        teaching_data.teach(db, office, office.first, ("2020-05-11", "上午", "专题", "王教授"))
    return path


def test_lecturers_and_bases_commands(capsys, office_file):
    code, out, _ = run(capsys, "lecturers", "--json", "--db", office_file)
    found = {r["name"]: r for r in json.loads(out)}
    assert code == 0 and len(found) == 6
    assert found["王教授"] | {"id": 0} == {"id": 0, "name": "王教授", "unit": "县委党校", "post": "教师", "title": "正高级",
                                         "leader_level": "", "kind": "专家学者", "fields": "", "phone": "138****5678",
                                         "archived": False, "sessions": 1}
    assert "13812345678" not in out
    code, out, _ = run(capsys, "lecturers", "--db", office_file)
    assert code == 0 and "王教授\t专家学者\t正高级" in out and "授课1次" in out
    code, out, _ = run(capsys, "bases", "--json", "--db", office_file)
    assert code == 0 and json.loads(out)[0]["name"] == "长征精神党性教育基地" and json.loads(out)[0]["capacity"] == 80
    code, out, _ = run(capsys, "bases", "--db", office_file)
    assert code == 0 and "容量80人" in out


def test_the_audit_log_names_lecturers_and_their_printed_sheets(db, office):
    from app.services.documents import DocumentRequest, record_output

    wang = office.people["王教授"]
    record_output(db, DocumentRequest("lecture-fees", lecturer_id=wang.id, year=2020), 1, "打印")
    entry = audit.entries(db, 1)[0]
    assert entry["detail"] == f"讲课费发放表（授课人{wang.id}）：1页"  # stored as written
    assert entry["shown"] == "讲课费发放表（王教授）：1页"
    pool.set_archived(db, wang.id, True)
    assert audit.entries(db, 1)[0]["shown"] == "王教授"


def test_the_calendar_command_lists_a_lecturer_booked_twice(capsys, tmp_path):
    path = tmp_path / "日历.db"
    with database.writing(path, create=True) as db:
        office = teaching_data.build(db)
        teaching_data.teach(db, office, office.first, ("2020-05-12", "下午", "专题", "李副教授"))
        teaching_data.teach(db, office, office.second, ("2020-05-12", "下午", "研讨", "李副教授"))
    code, out, _ = run(capsys, "calendar", "--year", 2020, "--db", path)
    assert code == 0
    assert "冲突：授课人李副教授在5月12日下午同时安排在科级干部培训班第1期和乡村振兴专题班第1期授课" in out


def test_lecturers_on_a_gbk_console(office_file):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, PYTHONIOENCODING="gbk")
    done = subprocess.run([sys.executable, "-m", "app", "lecturers", "--db", str(office_file)],
                          cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True)
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    assert "王教授" in done.stdout.decode("gbk") and len(done.stdout.decode("gbk").splitlines()) == 6
