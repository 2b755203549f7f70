"""The class and plan editors' services: one transaction, bad input refused with nothing changed."""
from dataclasses import replace

import pytest

from app.domain.errors import UserError, ValidationError
from app.domain.models import Contact, Period, Person, PlanItem, PlanSection, TrainingClass, Unit
from app.services import classes, people, plans, roster, rule_checks, units, year_copy
from app.services.classes import ClassDraft
from app.services.plans import SectionOutline
from app.storage import tables


def count(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def draft(**values) -> ClassDraft:
    return ClassDraft(TrainingClass(name="科级干部培训班", kind="主体班", trainees_per_period=60, **values),
                      [Period(0, 1, "2020-05-11", "2020-05-25"), Period(0, 2, "2020-10-12", "2020-10-26")],
                      [Contact(org="县委党校", name="刘静", phone="023-57731234")])


def test_a_class_with_periods_and_contacts_is_saved_together(db):
    saved = classes.save_draft(db, draft())
    loaded = classes.load_draft(db, saved.id)
    assert [(p.number, p.start_date) for p in loaded.periods] == [(1, "2020-05-11"), (2, "2020-10-12")]
    assert [(c.name, c.class_id) for c in loaded.contacts] == [("刘静", saved.id)]


def test_period_numbers_can_be_swapped(db):
    loaded = classes.load_draft(db, classes.save_draft(db, draft()).id)
    loaded.periods[0].number, loaded.periods[1].number = 2, 1
    classes.save_draft(db, loaded)
    assert [(p.number, p.start_date) for p in classes.load_draft(db, loaded.training_class.id).periods] == [
        (1, "2020-10-12"), (2, "2020-05-11")]


@pytest.mark.parametrize("change, key", [
    (lambda d: setattr(d.periods[1], "end_date", "2020-10-01"), "periods.1.end_date"),
    (lambda d: setattr(d.periods[1], "start_date", "2020-05-20"), "periods.1.start_date"),
    (lambda d: setattr(d.contacts[0], "phone", "12345"), "contacts.0.phone"),
    (lambda d: setattr(d.training_class, "name", " "), "name"),
])
def test_bad_drafts_are_refused_and_nothing_is_written(db, change, key):
    bad = draft()
    change(bad)
    with pytest.raises(ValidationError) as caught:
        classes.save_draft(db, bad)
    assert key in caught.value.errors
    assert count(db, "training_classes") == count(db, "periods") == count(db, "contacts") == 0


@pytest.fixture
def enrolled(db):
    saved = classes.save_draft(db, draft())
    unit = units.save_unit(db, Unit(name="县委办公室"))
    person = people.save_person(db, Person(name="张三", id_number="11010519491231002X", unit_id=unit.id))
    period = classes.load_draft(db, saved.id).periods[0]
    roster.add_people(db, period.id, [person.id])
    return saved, period


def test_a_class_or_period_with_enrollments_cannot_be_deleted_but_can_be_archived(db, enrolled):
    saved, period = enrolled
    with pytest.raises(UserError, match="已有1条学员记录，不能删除；可以归档"):
        classes.delete_class(db, saved.id)
    loaded = classes.load_draft(db, saved.id)
    loaded.removed_period_ids.append(period.id)
    loaded.periods = loaded.periods[1:]
    with pytest.raises(UserError, match="第1期已有1条学员记录"):
        classes.save_draft(db, loaded)
    assert count(db, "periods") == 2 and count(db, "contacts") == 1
    classes.set_class_archived(db, saved.id, True)
    assert tables.classes(db).get(saved.id).archived and count(db, "enrollments") == 1


def test_an_empty_class_is_deleted_with_its_periods(db):
    saved = classes.save_draft(db, draft())
    classes.delete_class(db, saved.id)
    assert count(db, "training_classes") == count(db, "periods") == count(db, "contacts") == 0


def outline(db, plan_id):
    return [(o.section.number, o.section.title, [(i.number, i.title) for i in o.items])
            for o in plans.plan_outline(db, plan_id).sections]


def test_plan_outline_is_renumbered_by_its_order(demo_db):
    plan = plans.list_plans(demo_db)[0]
    current = plans.plan_outline(demo_db, plan.id)
    sections = current.sections
    sections[0].items.reverse()  # 3, 2, 1
    moved = sections[1].items.pop(0)  # 4 → end of the first heading
    sections[0].items.append(moved)
    sections.insert(1, SectionOutline(PlanSection(plan.id, 0, "新增标题"), [PlanItem(0, 0, "新要点。")]))
    plans.save_plan(demo_db, plan, sections, current.contacts)
    found = outline(demo_db, plan.id)
    assert found[0][2][:4] == [(1, "着力完善理论教育常态学习机制。"), (2, "深入开展党的十九届四中全会精神学习教育。"),
                               (3, "持续深化习近平新时代中国特色社会主义思想教育培训。"), (4, "扎实开展党性教育。")]
    assert found[1] == (2, "新增标题", [(5, "新要点。")])
    assert [number for _, _, items in found for number, _ in items] == list(range(1, 24))
    linked = tables.classes(demo_db).where("plan_item_id = ?", [moved.id])
    assert [c.name for c in linked] == []  # item 4 had no class; the classes of item 1 stay linked
    assert len(plans.classes_by_item(demo_db, plan.id)[sections[0].items[2].id]) == 1


def test_an_empty_heading_is_refused_and_nothing_changes(demo_db):
    plan = plans.list_plans(demo_db)[0]
    current = plans.plan_outline(demo_db, plan.id)
    current.sections[2].section.title = ""
    with pytest.raises(ValidationError, match="第3个标题不能为空"):
        plans.save_plan(demo_db, replace(plan, title="改了"), current.sections, current.contacts)
    assert plans.get_plan(demo_db, plan.id).title == plan.title
    assert outline(demo_db, plan.id)[2][1] == "加强实践锻炼"


def test_a_plan_with_classes_cannot_be_deleted(demo_db):
    plan = plans.list_plans(demo_db)[0]
    with pytest.raises(UserError, match="还有12个班次，不能删除；可以归档"):
        plans.delete_plan(demo_db, plan.id)
    plans.set_plan_archived(demo_db, plan.id, True)
    assert plan.id not in [p.id for p in plans.list_plans(demo_db)]


def test_copy_a_plan_to_the_next_year(demo_db):
    plan = plans.list_plans(demo_db)[0]
    copy = year_copy.copy_plan_to_next_year(demo_db, plan.id)
    assert (copy.year, copy.title, copy.doc_number, copy.issue_date) == (
        2021, "2021年全县干部教育培训工作要点", "", "2021-03-01")  # Monday 2 March 2020 → Monday 1 March 2021
    assert len(plans.plan_outline(demo_db, copy.id).items) == 22
    copied = {c.name: c for c in tables.classes(demo_db).where("plan_id = ?", [copy.id])}
    assert len(copied) == 12
    periods = classes.load_draft(demo_db, copied["县管副职领导干部进修班"].id).periods
    assert [(p.start_date, p.end_date, p.status, p.report_time) for p in periods] == [
        ("2021-03-01", "2021-03-30", "筹备", "2021-03-01 08:30"), ("2021-08-31", "2021-09-29", "筹备", "2021-08-31 08:30")]
    by_item = plans.classes_by_item(demo_db, copy.id)
    assert sum(len(names) for names in by_item.values()) == 12


def test_copy_one_class_into_next_years_plan(demo_db):
    plan = plans.list_plans(demo_db)[0]
    source = tables.classes(demo_db).where("plan_id = ? AND seq = 9", [plan.id])[0]
    alone, none = year_copy.copy_class_to_next_year(demo_db, source.id)
    assert none is None and alone.plan_id is None
    copy = year_copy.copy_plan_to_next_year(demo_db, plan.id)
    again, target = year_copy.copy_class_to_next_year(demo_db, source.id)
    assert target.id == copy.id and tables.plan_items(demo_db).get(again.plan_item_id).number == 12


def test_thresholds_are_read_from_and_saved_to_the_settings(db):
    limits = rule_checks.thresholds(db)
    assert limits.special_min_days == 3 and limits.party_spirit_percent == 20
    rule_checks.save_thresholds(db, replace(limits, special_min_days=4))
    assert rule_checks.thresholds(db).special_min_days == 4


def test_plan_warnings_list_the_totals_and_each_class(demo_db):
    plan = plans.list_plans(demo_db)[0]
    demo_warning = ("中青年干部培训班", "party_spirit_share")  # from its timetable, as the demo means it
    assert [(w.class_name, w.warning.rule) for w in rule_checks.plan_warnings(demo_db, plan.id)] == [demo_warning]
    training_class = tables.classes(demo_db).where("plan_id = ? AND seq = 8", [plan.id])[0]
    tables.classes(demo_db).update(replace(training_class, party_spirit_hours=10))
    found = rule_checks.plan_warnings(demo_db, plan.id)
    assert [(w.class_name, w.warning.rule) for w in found] == [demo_warning, ("科级干部培训班", "party_spirit_share")]
    tables.plans(demo_db).update(replace(plan, planned_periods=20))
    assert rule_checks.plan_warnings(demo_db, plan.id)[0].label == "计划总数与班次合计"
