"""The calendar's service: entries with filters, conflicts from the database, moves, .ics and the CLI."""
import json
from datetime import date

import pytest

from app.domain.errors import UserError, ValidationError
from app.domain.models import Enrollment
from app.services import calendar_events, classes
from app.services.calendar_events import CalendarFilter
from app.storage import tables
from tests.cli import run
from tests.writing import writable

YEAR = (date(2020, 1, 1), date(2020, 12, 31))


def period_named(db, name, number=1):
    return next(e for e in calendar_events.entries(db, *YEAR) if e.class_name == name and e.number == number)


def test_entries_of_a_month_and_filters(demo_db):
    september = calendar_events.entries(demo_db, date(2020, 9, 1), date(2020, 9, 30))
    assert "中青年干部培训班第1期" in [e.label for e in september]  # began in July, still running
    assert all(e.start <= date(2020, 9, 30) and e.end >= date(2020, 9, 1) for e in september)
    everything = calendar_events.year_entries(demo_db, 2020)
    assert len(everything) == 36  # 34 planned, 2 units' own
    assert {e.kind for e in calendar_events.year_entries(demo_db, 2020, CalendarFilter(kind="研讨班"))} == {"研讨班"}
    city = [e for e in everything if e.host.startswith("中共xx市委党校")]
    assert calendar_events.year_entries(demo_db, 2020, CalendarFilter(host=city[0].host)) == city
    plan_id = everything[0].plan_id
    assert all(e.plan_id == plan_id for e in calendar_events.year_entries(demo_db, 2020, CalendarFilter(plan_id)))
    choices = calendar_events.filter_choices(demo_db)
    assert len(choices["plans"]) == 2 and "主体班" in choices["kinds"] and len(choices["hosts"]) == 4  # two Party schools, two units running their own


def test_trainees_away_per_day(demo_db):
    found = calendar_events.year_entries(demo_db, 2020)
    away = calendar_events.away_by_day(found, *YEAR)
    entry = period_named(demo_db, "中青年干部培训班")
    assert away[date(2020, 7, 6)] >= entry.enrolled > 0
    assert date(2020, 1, 2) not in away


def test_conflicts_from_the_database(demo_db):
    found = calendar_events.year_entries(demo_db, 2020)
    kinds = {c.kind for c in calendar_events.find_conflicts(demo_db, found, *YEAR)}
    assert kinds == {"unit", "place"}  # the demo never books one person twice
    a, b = period_named(demo_db, "科级干部培训班", 2), period_named(demo_db, "实施健康中国战略专题培训班")
    person_id = tables.enrollments(demo_db).where("period_id = ?", [a.period_id])[0].person_id
    tables.enrollments(demo_db).insert(Enrollment(b.period_id, person_id))
    found = calendar_events.year_entries(demo_db, 2020)
    double = [c for c in calendar_events.find_conflicts(demo_db, found, *YEAR) if c.kind == "person"]
    assert [c.period_ids for c in double] == [tuple(sorted((a.period_id, b.period_id)))]


def test_moving_a_period_keeps_its_length_and_is_checked(demo_db):
    entry = period_named(demo_db, "科级干部培训班", 2)
    moved = calendar_events.move_period(demo_db, entry.period_id, date(2020, 11, 2))
    assert (moved.start_date, moved.end_date, moved.report_time) == ("2020-11-02", "2020-11-16", "2020-11-02 08:30")
    with pytest.raises(ValidationError, match="时间重叠"):
        calendar_events.move_period(demo_db, entry.period_id, date(2020, 5, 18))
    closed = period_named(demo_db, "科级干部培训班", 1)
    with pytest.raises(UserError, match="已结班"):
        calendar_events.move_period(demo_db, closed.period_id, date(2020, 6, 1))
    assert classes.get_period(demo_db, entry.period_id).start_date == "2020-11-02"


def test_cli_exports_the_year_as_ics(capsys, demo_path, tmp_path):
    target = tmp_path / "日 历" / "2020.ics"
    code, out, _ = run(capsys, "calendar", "--db", demo_path, "--year", 2020, "--ics", target)
    assert code == 0 and "2020年共36期" in out and "冲突：培训地点“县委党校”" in out
    text = target.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VEVENT") == 36 and "\r\n" in text
    assert run(capsys, "calendar", "--db", demo_path, "--year", 2019)[1].strip() == "2019年共0期，0处冲突"


def test_cli_calendar_cannot_write_exits_2(capsys, demo_path, tmp_path):
    blocker = tmp_path / "文件"
    blocker.write_text("x")
    code, _, err = run(capsys, "calendar", "--db", demo_path, "--year", 2020, "--ics", blocker / "a.ics")
    assert code == 2 and err.startswith("错误：无法写入")


def test_cli_classes_json_carries_each_class_warnings(capsys, demo_path):
    __import__("app.services.database", fromlist=["x"])
    db = writable(demo_path)
    main_class = tables.classes(db).where("name = '科级干部培训班'")[0]
    main_class.leader_lecture_hours = 10
    tables.classes(db).update(main_class)
    db.close()
    code, out, _ = run(capsys, "classes", "--db", demo_path, "--json")
    records = {c["name"]: c for c in json.loads(out)}
    assert code == 0 and all(isinstance(c["warnings"], list) for c in records.values())
    assert records["科级干部培训班"]["warnings"] == [  # its 第2期 has no timetable yet: the typed figures
        {"rule": "leader_lecture_share",
         "message": "主体班领导干部讲课课时10，占总课时84的11.9%，低于20%（按填报数字，第2期尚无课程表）"}]
    assert records["中青年干部培训班"]["warnings"] == [  # the demo's one: from its timetable
        {"rule": "party_spirit_share", "message": "主体班党性教育课时50，占总课时288的17.4%，低于20%（按课程表计算）"}]
