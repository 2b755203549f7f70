"""The demo office must match the users' two seed documents."""
import re
from datetime import date

import pytest

from app.domain.errors import UserError
from app.domain.idcard import parse_id
from app.services import classes, demo, plans
from app.services import people as people_service
from tests.conftest import SHARED_SEEDS


def seed_text(prefix: str) -> str:
    return next(SHARED_SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def seed_004_classes() -> list[tuple[str, str]]:
    lines = [line.strip() for line in seed_text("004").splitlines() if line.strip()]
    found = []
    for index, line in enumerate(lines):
        if lines[index + 1:index + 2] and lines[index + 1].startswith("计划举办X期"):
            found.append((re.sub(r"^\d+\.\s*", "", line), lines[index + 2]))
    return found


def test_county_work_points_from_seed_000(demo_db):
    plan = next(p for p in plans.list_plans(demo_db) if p.title == "2020年全县干部教育培训工作要点")
    outline = plans.plan_outline(demo_db, plan.id)
    assert [s.section.title for s in outline.sections] == [
        "加强思想淬炼", "加强政治历练", "加强实践锻炼", "加强专业训练", "推进各类培训", "深化改革创新"]
    assert [i.number for i in outline.items] == list(range(1, 23))
    text = seed_text("000")
    assert plan.preamble in text and plan.preamble.startswith("2020年全县干部教育培训工作的总体要求是")
    for item in outline.items:
        assert f"{item.number}.{item.title}{item.body}" in text


def test_the_ten_classes_of_seed_004_by_their_exact_names_and_focus(demo_db):
    expected = seed_004_classes()
    assert len(expected) == 10
    plan = next(p for p in plans.list_plans(demo_db) if p.title == "2020年公务员培训计划")
    found = classes.list_classes(demo_db, plan_id=plan.id)
    assert [(c.name, c.focus) for c in found] == expected
    assert plan.preamble in seed_text("004")
    for training_class in found:
        assert training_class.planned_periods >= 1 and training_class.trainees_per_period > 0
        assert training_class.length_days > 0
    contacts = plans.plan_outline(demo_db, plan.id).contacts
    assert [c.org for c in contacts] == ["市委组织部", "市委党校（行政学院）"]
    assert all(c.name and c.phone and c.fax for c in contacts)


@pytest.mark.parametrize("name, periods", [
    ("县管领导干部赴市外高校（培训机构）专题班", 3),
    ("县管领导干部学习贯彻党的十九届四中全会精神专题班", 4),
    ("县管副职领导干部进修班", 2),
    ("中青年干部培训班", 1),
    ("科级干部培训班", 2),
    ("选调生培训班", 1),
    ("领导干部政德教育专题班", 1),
    ("人才研修班", 1),
])
def test_classes_that_seed_000_counts(demo_db, name, periods):
    training_class = next(c for c in classes.list_classes(demo_db) if c.name == name)
    found = classes.list_periods(demo_db, class_id=training_class.id)
    assert len(found) == training_class.planned_periods == periods
    for period in found:
        assert period.start_date.startswith("2020-") and period.end_date.startswith("2020-")
        assert period.days == training_class.length_days
        assert date.fromisoformat(period.start_date).weekday() < 5


def test_special_classes_last_at_least_three_days(demo_db):
    for training_class in classes.list_classes(demo_db):
        if training_class.kind == "专题班":
            assert training_class.length_days >= 3, training_class.name


def test_units_and_people(demo_db):
    people = people_service.search_people(demo_db)
    assert 35 <= demo_db.execute("SELECT count(*) FROM units").fetchone()[0] <= 50
    assert 550 <= len(people) <= 650
    assert len({p.id_number for p in people}) == len(people)
    for person in people:
        info = parse_id(person.id_number)
        assert (info.birth_iso, info.sex) == (person.birth_date, person.gender)
        assert person.unit_id is not None
    assert len({p.unit_id for p in people}) >= 35


def test_there_are_enrollments_and_quotas(demo_db):
    assert demo_db.execute("SELECT count(*) FROM enrollments").fetchone()[0] > 100
    assert demo_db.execute("SELECT count(*) FROM quotas").fetchone()[0] > 0
    statuses = {row[0] for row in demo_db.execute("SELECT DISTINCT status FROM periods")}
    assert {"结班", "报名"} <= statuses


def test_the_demo_is_the_same_every_time(db):
    from app.storage.db import memory_db
    demo.build_demo(db)
    other = memory_db()
    demo.build_demo(other)
    query = "SELECT name, id_number, unit_id FROM people ORDER BY id"
    assert db.execute(query).fetchall() == other.execute(query).fetchall()


def test_demo_only_goes_into_an_empty_database_and_a_failure_leaves_it_empty(db, monkeypatch):
    def broken(params, units):
        raise RuntimeError("power cut")

    monkeypatch.setattr(demo, "generate_people", broken)
    with pytest.raises(RuntimeError):
        demo.build_demo(db)
    assert db.execute("SELECT count(*) FROM units").fetchone()[0] == 0
    monkeypatch.undo()
    demo.build_demo(db)
    with pytest.raises(UserError, match="空数据库"):
        demo.build_demo(db)
