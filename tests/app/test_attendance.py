"""Attendance, flags and close-out on a period built by the test, with numbers worked out by hand."""
from dataclasses import replace
from datetime import date

import pytest

from app.domain.errors import UserError
from app.domain.idcard import check_digit
from app.domain.models import Period, Person, TrainingClass, Unit
from app.services import attendance, closeout, people, roster, units
from app.services.classes import ClassDraft, save_draft, save_period
from app.storage import tables


def person_id(n: int) -> str:
    first17 = f"50023619850101{n:03d}"
    return first17 + check_digit(first17)


@pytest.fixture
def period(db):
    """A 5-day class of 40 course hours (limit for leave: 40/7 = 5.71 h) with four trainees."""
    unit = units.save_unit(db, Unit(name="县委办公室"))
    training_class = save_draft(db, ClassDraft(TrainingClass(name="科级干部培训班", kind="主体班", total_hours=40)))
    period = save_period(db, Period(training_class.id, 1, "2020-05-11", "2020-05-15", status="开班"))
    for n, name in enumerate(["张一", "王二", "李三", "赵四"]):
        person = people.save_person(db, Person(name=name, id_number=person_id(n), unit_id=unit.id))
        added = roster.add_people(db, period.id, [person.id]).added
        roster.set_status(db, added[0], "已报到")
    return period


def ids(db, period):
    return {e.person_name: e.id for e in attendance.sheet(db, period.id).trainees}


def test_a_sign_in_sheet_marks_a_whole_half_day_and_single_marks_change_it(db, period):
    assert attendance.mark_slot(db, period.id, "2020-05-11", "上午") == 4
    attendance.set_mark(db, ids(db, period)["王二"], "2020-05-11", "上午", "请假")
    assert attendance.mark_slot(db, period.id, "2020-05-11", "上午") == 0  # only blanks are filled
    sheet = attendance.sheet(db, period.id)
    assert len(sheet.slots) == 10
    assert sheet.mark(ids(db, period)["王二"], ("2020-05-11", "上午")) == "请假"
    attendance.set_mark(db, ids(db, period)["王二"], "2020-05-11", "上午", None)
    assert attendance.sheet(db, period.id).mark(ids(db, period)["王二"], ("2020-05-11", "上午")) == ""


def test_marks_outside_the_period_or_unknown_are_refused(db, period):
    with pytest.raises(UserError, match="不在第1期的培训时间"):
        attendance.set_mark(db, ids(db, period)["张一"], "2020-05-16", "上午", "出勤")
    with pytest.raises(UserError, match="考勤只能是"):
        attendance.set_mark(db, ids(db, period)["张一"], "2020-05-11", "上午", "迟到")
    assert db.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0


def fill(db, period, leave_for=(), absent_for=()):
    trainees = ids(db, period)
    for slot in attendance.slots(period):
        attendance.mark_slot(db, period.id, *slot)
    for name, count in leave_for:
        for slot in attendance.slots(period)[:count]:
            attendance.set_mark(db, trainees[name], *slot, "请假")
    for name in absent_for:
        for slot in attendance.slots(period):
            attendance.set_mark(db, trainees[name], *slot, "缺勤")


def test_leave_beyond_a_seventh_and_not_reporting_are_flagged(db, period):
    fill(db, period, leave_for=[("王二", 2), ("李三", 1)], absent_for=["赵四"])
    found = attendance.flags(db, period.id, today=date(2020, 5, 20))
    # 王二: 2 half-days = 8 h > 40/7 = 5.71 h; 李三: 4 h is within the limit.
    assert [(f.person_name, f.rule) for f in found] == [("王二", "leave"), ("赵四", "not_reported")]
    assert "请假8学时，超过本期5.7学时" in found[0].message
    assert attendance.flags(db, period.id, today=date(2020, 5, 12)) == [found[0]]  # 3 days not yet over


def test_leave_of_exactly_a_seventh_is_allowed_and_just_over_is_flagged(db, period):
    training_class = tables.classes(db).get(period.class_id)
    tables.classes(db).update(replace(training_class, total_hours=56))  # limit 56/7 = 8 h = two half-days
    fill(db, period, leave_for=[("王二", 2), ("李三", 3)])
    found = attendance.flags(db, period.id, today=date(2020, 5, 12))
    assert [(f.person_name, f.rule) for f in found] == [("李三", "leave")]
    assert "请假12学时，超过本期8.0学时" in found[0].message


def test_close_out_credits_hours_marks_completion_and_locks(db, period):
    fill(db, period, leave_for=[("王二", 2), ("李三", 1)], absent_for=["赵四"])
    result = closeout.close_out(db, period.id, today=date(2020, 5, 20))
    # 张一 10 half-days = 40 h; 王二 8 = 32 h (退学); 李三 9 = 36 h; 赵四 0 (缺训).
    assert (result.completed, result.withdrawn, result.absent, result.hours) == (2, 1, 1, 108)
    got = {e.name: (e.status, e.hours) for e in roster.roster(db, period.id)}
    assert got == {"张一": ("结业", 40), "王二": ("退学", 32), "李三": ("结业", 36), "赵四": ("缺训", 0)}
    assert tables.periods(db).get(period.id).status == "结班"
    with pytest.raises(UserError, match="已结班"):
        attendance.set_mark(db, ids(db, period)["张一"], "2020-05-11", "上午", "请假")
    with pytest.raises(UserError, match="已结班"):
        closeout.close_out(db, period.id)


def test_reopening_needs_a_reason_kept_in_the_audit_log(db, period):
    fill(db, period)
    closeout.close_out(db, period.id, today=date(2020, 5, 20))
    with pytest.raises(UserError, match="说明原因"):
        closeout.reopen(db, period.id, "  ")
    assert tables.periods(db).get(period.id).status == "结班"
    closeout.reopen(db, period.id, "补录王二的请假条")
    assert tables.periods(db).get(period.id).status == "开班"
    last = db.execute("SELECT action, detail FROM audit_log ORDER BY id DESC").fetchone()
    assert last == ("重新开班", "第1期，原因：补录王二的请假条")


def test_close_out_needs_attendance(db, period):
    with pytest.raises(UserError, match="还没有任何考勤"):
        closeout.close_out(db, period.id)
    assert tables.periods(db).get(period.id).status == "开班"
