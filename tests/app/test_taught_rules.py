"""The office's rules checked from what a period's timetable teaches, the typed figures for periods without
one; each warning names its source, and for a class of several periods the period."""
import json
from dataclasses import replace

import pytest

from app.domain.models import Period, TrainingClass
from app.domain.rules import Thresholds
from app.domain.teaching_records import Lecturer, Session
from app.services import rule_checks
from app.services.classes import ClassDraft, save_draft, save_period
from app.services.teaching import lecturers, timetable
from app.storage import tables

# Typed figures that break no rule: whatever is found below comes from the sessions.
MAIN = TrainingClass(name="中青年干部培训班", kind="主体班", trainees_per_period=50, length_days=5, total_hours=24,
                     party_spirit_hours=8, leader_lecture_hours=8, practical_post_days=7, party_analysis=True)


@pytest.fixture
def made(db):
    """A 主体班 with one 5-day period and a leader and a teacher in the pool."""
    saved = save_draft(db, ClassDraft(MAIN))
    period = save_period(db, Period(saved.id, 1, "2020-05-11", "2020-05-15"))
    leader = lecturers.save_lecturer(db, Lecturer(name="张红英", kind="领导干部", title="领导干部", leader_level="副处级"))
    teacher = lecturers.save_lecturer(db, Lecturer(name="刘晓梅", kind="党校教师", title="副高级"))
    return db, saved, period, leader, teacher


def lay(db, period, *entries):
    """Half-days from the period's first morning on, one (form, topic, lecturer) each; 4 学时 a half-day."""
    halves = [(day, half) for day in timetable.days_of(period) for half in ("上午", "下午")]
    sessions = [Session(period.id, day, half, topic=topic, form=form, lecturer_id=who.id if who else None)
                for (day, half), (form, topic, who) in zip(halves, entries, strict=False)]
    timetable.replace_timetable(db, period.id, sessions, "排课")


def lectures(n, who=None):
    return [("专题讲座", f"专题{i}", who) for i in range(n)]


def found(db, class_id, rule=None):
    return [w for w in rule_checks.class_warnings(db, class_id) if rule in (None, w.rule)]


def test_party_spirit_share_from_the_sessions_not_the_typed_figure(made):
    db, c, period, leader, _ = made
    lay(db, period, ("党性教育", "重温入党誓词", None), *lectures(3, leader), *lectures(2))  # 4 of 24 学时
    (warning,) = found(db, c.id, "party_spirit_share")
    assert warning.message == "主体班党性教育课时4，占总课时24的16.7%，低于20%（按课程表计算）"
    assert warning.period_number == 1 and warning.field == "party_spirit_hours"
    assert found(db, c.id) == [warning]  # typed 8 of 24 would pass; the planned total is met
    lay(db, period, ("党性教育", "重温入党誓词", None), ("党性教育", "党史学习", None), *lectures(3, leader), *lectures(1))
    assert found(db, c.id) == []


def test_a_ticked_session_counts_as_party_spirit(made):
    db, c, period, leader, _ = made
    lay(db, period, *lectures(3, leader), *lectures(3))
    for session in timetable.timetable(db, period.id)[-2:]:  # 8 of 24 学时 once ticked
        assert found(db, c.id, "party_spirit_share")
        timetable.save_session(db, replace(Session(**{k: getattr(session, k) for k in Session.__dataclass_fields__}),
                                           party_spirit=True))
    assert found(db, c.id, "party_spirit_share") == []


def test_leaders_lectures_come_from_the_pool_kind(made):
    db, c, period, leader, teacher = made
    lay(db, period, ("党性教育", "党性教育", None), ("党性教育", "党史", None), ("专题讲座", "县情", leader),
        *lectures(3, teacher))
    (warning,) = found(db, c.id)
    assert warning.rule == "leader_lecture_share"
    assert warning.message == "主体班领导干部讲课课时4，占总课时24的16.7%，低于20%（按课程表计算）"
    lecturers.save_lecturer(db, replace(teacher, kind="领导干部", title="领导干部"))
    assert found(db, c.id) == []


def test_shares_only_for_a_main_class(made):
    db, c, period, *_ = made
    lay(db, period, *lectures(6))
    assert {w.rule for w in found(db, c.id)} == {"party_spirit_share", "leader_lecture_share"}
    tables.classes(db).update(replace(tables.classes(db).get(c.id), kind="专题班"))
    assert found(db, c.id) == []


def long_class(db, days_of_class, **typed):
    saved = save_draft(db, ClassDraft(replace(MAIN, name="进修班", kind="进修班", length_days=days_of_class,
                                              total_hours=0, **typed)))
    return saved, save_period(db, Period(saved.id, 1, "2020-07-06", "2020-09-03"))


def test_practical_post_counts_the_days_with_such_a_session(db):
    c, period = long_class(db, 60)
    days = timetable.days_of(period)
    post = [Session(period.id, day, half, topic="实岗锻炼", form="实岗锻炼") for day in days[10:16]
            for half in ("上午", "下午")]
    analysis = Session(period.id, days[50], "上午", topic="党性分析")
    timetable.replace_timetable(db, period.id, [*post, analysis], "排课")
    (warning,) = found(db, c.id)
    assert warning.rule == "practical_post" and warning.field == "practical_post_days"
    assert warning.message == "学制60天，实岗锻炼一般不少于7天（课程表中6天，按课程表计算）"
    timetable.save_session(db, Session(period.id, days[16], "上午", topic="实岗锻炼", form="实岗锻炼"))
    assert found(db, c.id) == []
    assert found(replace_setting(db, practical_post_min_days=8), c.id, "practical_post")


def replace_setting(db, **values):
    rule_checks.save_thresholds(db, replace(rule_checks.thresholds(db), **values))
    return db


def test_party_analysis_from_a_session_named_so(db):
    c, period = long_class(db, 30)
    timetable.save_session(db, Session(period.id, "2020-07-06", "上午", topic="开班式", form="开班"))
    (warning,) = found(db, c.id)
    assert warning.message == "学制30天，应安排学员进行党性分析（课程表中没有党性分析，按课程表计算）"
    timetable.save_session(db, Session(period.id, "2020-08-03", "下午", topic="分组研讨", form="研讨交流",
                                       notes="党性分析：对照党章党规查找差距"))
    assert found(db, c.id) == []


def test_the_timetable_total_against_the_planned_hours(made):
    db, c, period, leader, _ = made
    lay(db, period, ("党性教育", "党性教育", None), ("党性教育", "党史", None), *lectures(2, leader), *lectures(1))
    (warning,) = found(db, c.id)  # 5 half-days of 4 学时
    assert warning.rule == "timetable_hours" and warning.field == "total_hours"
    assert warning.message == "课程表合计20学时，比计划总课时24少4学时（按课程表计算）"
    timetable.save_session(db, Session(period.id, "2020-05-14", "晚上", topic="观影", form="党性教育", hours=4))
    assert found(db, c.id) == []


def test_a_period_without_a_timetable_keeps_the_typed_check_and_says_so(made):
    db, c, period, leader, _ = made
    tables.classes(db).update(replace(tables.classes(db).get(c.id), party_spirit_hours=2))
    (typed,) = found(db, c.id)
    assert typed.message == "主体班党性教育课时2，占总课时24的8.3%，低于20%（按填报数字）"
    assert typed.period_number is None
    second = save_period(db, Period(c.id, 2, "2020-10-12", "2020-10-16"))
    lay(db, second, *lectures(6, leader))
    messages = [w.message for w in found(db, c.id)]
    assert messages == ["主体班党性教育课时2，占总课时24的8.3%，低于20%（按填报数字，第1期尚无课程表）",
                        "第2期主体班党性教育课时0，占总课时24的0.0%，低于20%（按课程表计算）"]
    lay(db, period, *lectures(6, leader))  # both have one now: the typed figures stand for no period
    assert [w.message[:3] for w in found(db, c.id)] == ["第1期", "第2期"]


def test_the_thresholds_are_still_settings(made):
    db, c, period, leader, _ = made
    lay(db, period, ("党性教育", "重温入党誓词", None), *lectures(3, leader), *lectures(2))
    assert found(db, c.id, "party_spirit_share")
    replace_setting(db, party_spirit_percent=15)
    assert found(db, c.id) == []
    assert rule_checks.thresholds(db) == replace(Thresholds(), party_spirit_percent=15)


def test_the_class_list_and_the_plan_panel_see_the_same(made):
    db, c, period, leader, _ = made
    lay(db, period, *lectures(6, leader))
    by_class = rule_checks.warnings_by_class(db)[c.id]
    assert by_class == found(db, c.id) and by_class[0].message.endswith("（按课程表计算）")


def test_classes_json_carries_the_warnings_from_the_timetable(capsys, demo_path):
    from tests.cli import run
    from tests.writing import writable

    def warnings(name):
        code, out, _ = run(capsys, "classes", "--db", demo_path, "--json")
        assert code == 0
        return next(c for c in json.loads(out) if c["name"] == name)["warnings"]

    assert warnings("中青年干部培训班") == [
        {"rule": "party_spirit_share", "message": "主体班党性教育课时50，占总课时288的17.4%，低于20%（按课程表计算）"}]
    db = writable(demo_path)
    replace_setting(db, party_spirit_percent=17)
    young = tables.classes(db).where("name = '中青年干部培训班'")[0]
    tables.classes(db).update(replace(young, total_hours=290))
    db.close()
    assert warnings("中青年干部培训班") == [
        {"rule": "timetable_hours", "message": "课程表合计288学时，比计划总课时290少2学时（按课程表计算）"}]
