"""The demo office's teaching side: the pool of every kind, the five bases of seed 000, timetables that
agree with their classes, nobody booked twice, and one 主体班 short of 党性教育 so the warning is seen."""
import re
import time

from app.domain import teaching
from app.services import demo, rule_checks
from app.services.teaching import lecturers, timetable
from app.storage import tables
from app.storage import teaching as store
from app.storage.db import memory_db
from tests.app.test_demo import seed_text

FIVE_BASES = ("乡村振兴市级实践教学基地", "长征精神党性教育基地", "王良故居党性教育基地", "烈士陵园革命传统教育基地",
              "新型工业化教学实践基地")


def test_the_five_bases_seed_000_names(demo_db):
    bases = {b.name: b for b in lecturers.list_bases(demo_db)}
    assert set(bases) == set(FIVE_BASES)
    assert all(name in seed_text("000") for name in FIVE_BASES)
    assert {b.kind for b in bases.values()} == set(teaching.BASE_KINDS)
    for base in bases.values():
        assert base.address.startswith("xx县") and base.contact_name and base.capacity > 0
        assert lecturers.base_errors(base) == {}
        assert store.base_sessions(demo_db, base.id), base.name  # each is used


def test_lecturers_of_every_kind_with_titles(demo_db):
    pool = lecturers.list_lecturers(demo_db)
    assert {lecturer.kind for lecturer in pool} == set(teaching.LECTURER_KINDS)
    for lecturer in pool:
        assert lecturers.lecturer_errors(lecturer) == {} and lecturer.title and lecturer.unit and lecturer.post
        if lecturer.kind == "领导干部":
            assert lecturer.title == "领导干部" and lecturer.leader_level in ("正处级", "副处级", "正科级")
    assert {"正高级", "副高级", "中级"} <= {lecturer.title for lecturer in pool}
    counts = store.session_counts(demo_db, "lecturer_id")
    assert all(counts.get(lecturer.id) for lecturer in pool)  # everyone teaches


def test_nobody_is_booked_twice_and_many_teach_in_several_periods(demo_db):
    assert store.double_bookings(demo_db) == []
    periods_taught = {}
    for lecturer in lecturers.list_lecturers(demo_db):
        periods_taught[lecturer.name] = {s.period_id for s in store.lecturer_sessions(demo_db, lecturer.id)}
    assert sum(len(found) > 1 for found in periods_taught.values()) >= 10


def test_timetables_agree_with_their_classes_and_some_periods_have_none(demo_db):
    periods = tables.periods(demo_db).where("")
    with_one = [p for p in periods if timetable.has_timetable(demo_db, p.id)]
    assert 10 <= len(with_one) < len(periods)
    for period in with_one:
        sessions = timetable.timetable(demo_db, period.id)
        planned = tables.classes(demo_db).get(period.class_id).total_hours
        assert sum(s.credited_hours for s in sessions) == planned
        assert sessions[0].form == "开班" and sessions[-1].form in ("结业", "研讨交流", "自学")
        assert all(re.fullmatch(r"\d\d:\d\d", s.start_time) for s in sessions)
        assert {s.form for s in sessions} <= set(teaching.SESSION_FORMS)


def test_the_long_classes_have_their_party_analysis_and_practical_post(demo_db):
    taught = rule_checks.taught(demo_db, [p.id for p in tables.periods(demo_db).where("")])
    by_class = {}
    for period_id, found in taught.items():
        by_class.setdefault(tables.classes(demo_db).get(tables.periods(demo_db).get(period_id).class_id).name, []).append(found)
    assert [t.practical_post_days for t in by_class["中青年干部培训班"]] == [7]
    assert all(t.party_analysis for name in ("中青年干部培训班", "县管副职领导干部进修班") for t in by_class[name])


def test_one_main_class_period_is_short_of_party_spirit_and_nothing_else_warns_of_teaching(demo_db):
    found = [(tables.classes(demo_db).get(class_id).name, w) for class_id, warnings
             in rule_checks.warnings_by_class(demo_db).items() for w in warnings]
    teaching_rules = {"party_spirit_share", "leader_lecture_share", "practical_post", "party_analysis",
                      "timetable_hours"}
    assert [(name, w.rule) for name, w in found if w.rule in teaching_rules] == [
        ("中青年干部培训班", "party_spirit_share")]
    message = next(w.message for _, w in found)
    assert "17.4%" in message and message.endswith("（按课程表计算）")


def test_the_demo_is_still_quick():
    db = memory_db()
    started = time.perf_counter()
    demo.build_demo(db)
    assert time.perf_counter() - started < 2.0  # about 0.13 s on the development machine
