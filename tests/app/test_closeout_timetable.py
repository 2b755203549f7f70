"""Close-out credits the timetable's 学时 of the half-days attended; the hours rules stay the fallback."""
from datetime import date

import pytest

from app.domain.teaching_records import Session
from app.services import attendance, closeout, roster
from app.services.teaching import timetable
from tests.app.test_attendance import fill, ids
from tests.app.test_attendance import period as period  # noqa: F401  (the 5-day period of four trainees)

# 2020-05-11 .. 05-15. Half-days are 4 学时, evenings 2 by default; one morning holds two sessions, one
# session has its own 2 学时, Friday afternoon has nothing, Tuesday and Thursday have evenings.
DAYS = ("2020-05-11", "2020-05-12", "2020-05-13", "2020-05-14", "2020-05-15")


def plan(db, period):  # noqa: F811
    sessions = [Session(period.id, day, half, topic=f"{day}{half}", form="专题讲座")
                for day in DAYS for half in ("上午", "下午") if (day, half) != ("2020-05-15", "下午")]
    sessions += [Session(period.id, DAYS[0], "上午", topic="开班式", form="开班"),
                 Session(period.id, DAYS[1], "晚上", topic="观影", form="党性教育"),
                 Session(period.id, DAYS[3], "晚上", topic="研讨", form="研讨交流", hours=1.5)]
    timetable.replace_timetable(db, period.id, sessions, "排课")
    # 9 half-days × 4 + 2 + 1.5 = 39.5 学时 (the class's typed 40 is not what is taught)
    return sessions


def hours(db, period):  # noqa: F811
    return {line.name: (line.status, line.hours) for line in roster.roster(db, period.id)}


def test_each_attended_half_day_brings_the_timetable_hours(db, period):  # noqa: F811
    plan(db, period)
    assert attendance.period_hours(db, period) == 39.5
    fill(db, period, absent_for=["赵四"])
    trainees = ids(db, period)
    attendance.set_mark(db, trainees["王二"], DAYS[2], "下午", "缺勤")  # an afternoon without an evening: 4
    attendance.set_mark(db, trainees["李三"], DAYS[1], "下午", "缺勤")  # the afternoon and its evening: 4 + 2
    result = closeout.close_out(db, period.id, today=date(2020, 5, 20))
    assert hours(db, period) == {"张一": ("结业", 39.5), "王二": ("结业", 35.5), "李三": ("结业", 33.5),
                                 "赵四": ("缺训", 0)}
    assert result.hours == 39.5 + 35.5 + 33.5


def test_a_half_day_without_sessions_brings_nothing(db, period):  # noqa: F811
    plan(db, period)
    attendance.mark_slot(db, period.id, DAYS[4], "下午")  # Friday afternoon: nothing is taught
    attendance.mark_slot(db, period.id, DAYS[0], "上午")  # 开班 and a lecture share its 4 学时
    closeout.close_out(db, period.id, today=date(2020, 5, 20))
    assert {h for _, h in hours(db, period).values()} == {4}


def test_the_leave_limit_is_a_seventh_of_the_timetable_total(db, period):  # noqa: F811
    plan(db, period)  # 39.5 / 7 = 5.64 学时
    fill(db, period)
    trainees = ids(db, period)
    attendance.set_mark(db, trainees["王二"], DAYS[4], "上午", "请假")
    attendance.set_mark(db, trainees["王二"], DAYS[4], "下午", "请假")  # nothing taught: 4 学时 of leave
    attendance.set_mark(db, trainees["李三"], DAYS[3], "上午", "请假")
    attendance.set_mark(db, trainees["李三"], DAYS[3], "下午", "请假")  # with Thursday evening: 9.5
    found = attendance.flags(db, period.id, today=date(2020, 5, 20))
    assert [(f.person_name, f.rule) for f in found] == [("李三", "leave")]
    assert "请假9.5学时，超过本期5.6学时" in found[0].message
    closeout.close_out(db, period.id, today=date(2020, 5, 20))
    assert hours(db, period)["李三"] == ("退学", 30)


@pytest.mark.parametrize("with_timetable, expected", [(False, 36), (True, 35.5)])
def test_without_a_timetable_the_hours_rules_stand(db, period, with_timetable, expected):  # noqa: F811
    if with_timetable:
        plan(db, period)
    fill(db, period)
    attendance.set_mark(db, ids(db, period)["王二"], DAYS[2], "下午", "缺勤")
    closeout.close_out(db, period.id, today=date(2020, 5, 20))
    # without: 9 half-days × 4 = 36 of the class's 40; with: 39.5 less Wednesday afternoon's 4
    assert hours(db, period)["王二"] == ("结业", expected)
    assert attendance.slot_hours(db, period).from_timetable is with_timetable


def test_the_close_out_question_says_how_hours_are_counted(db, period):  # noqa: F811
    assert attendance.hours_basis(db, period.id) == "本期没有课程表，每半天4学时，最多40学时"
    plan(db, period)
    assert attendance.hours_basis(db, period.id) == \
        "按课程表中各半天的学时，晚上的课程随当天下午计，本期课程表共39.5学时"
