"""举办方式: plans and classes carry it (a unit's own class names its unit), a class takes its plan's kind, and
every total keeps the kinds apart with their sum only where labelled (the issue's measured 2020 figures:
the county's own 21 periods and 1,135 places, the city's 13 and 660, 34 and 1,795 only as the sum)."""
import json
from dataclasses import replace

import pytest

from app.domain.errors import ValidationError
from app.domain.models import Plan, TrainingClass, Unit
from app.domain.validation import class_errors, plan_errors
from app.services import classes, plans, units
from app.services.classes import ClassDraft
from app.services.stats import organisers, statistics
from app.storage import tables
from tests.cli import run


def test_a_units_own_class_needs_its_unit_and_the_kind_is_one_of_three():
    assert class_errors(TrainingClass(name="班", organiser_kind="单位自办")) == {"unit_id": "单位自办的班次需要选择举办单位"}
    assert class_errors(TrainingClass(name="班", organiser_kind="单位自办", unit_id=3)) == {}
    assert "举办方式“市里办”不在可选范围内" in class_errors(TrainingClass(name="班", organiser_kind="市里办"))["organiser_kind"]
    assert plan_errors(Plan(2020, "计划", organiser_kind="上级调训")) == {}
    assert "organiser_kind" in plan_errors(Plan(2020, "计划", organiser_kind=""))


def test_a_refused_class_leaves_the_data_as_it_was_and_only_a_units_own_class_keeps_a_unit(db):
    unit = units.save_unit(db, Unit("县财政局"))
    with pytest.raises(ValidationError) as refused:
        classes.save_draft(db, ClassDraft(TrainingClass(name="财务培训班", organiser_kind="单位自办")))
    assert refused.value.errors == {"unit_id": "单位自办的班次需要选择举办单位"} and tables.classes(db).count() == 0
    saved = classes.save_draft(db, ClassDraft(TrainingClass(name="财务培训班", organiser_kind="单位自办", unit_id=unit.id)))
    assert (saved.organiser_kind, saved.unit_id) == ("单位自办", unit.id)
    moved = classes.save_draft(db, ClassDraft(replace(saved, organiser_kind="本级举办")))
    assert tables.classes(db).get(moved.id).unit_id is None  # a unit is kept only for a unit's own class


def test_a_new_class_takes_its_plans_kind_and_the_plans_classes_follow_it(db):
    city = plans.save_plan(db, Plan(2020, "市公务员培训计划", organiser_kind="上级调训"), [], [])
    draft = classes.new_draft(db, city.id)
    assert draft.training_class.organiser_kind == "上级调训"
    assert classes.new_draft(db).training_class.organiser_kind == "本级举办"
    one = classes.save_draft(db, replace(draft, training_class=replace(draft.training_class, name="甲班")))
    other = classes.save_draft(db, ClassDraft(TrainingClass(name="乙班", plan_id=city.id, organiser_kind="本级举办")))
    plans.save_plan(db, replace(city, organiser_kind="本级举办"), [], [])
    assert tables.classes(db).get(one.id).organiser_kind == "本级举办"  # followed the plan
    plans.save_plan(db, replace(tables.plans(db).get(city.id), organiser_kind="上级调训"), [], [])
    kinds = {c.name: c.organiser_kind for c in classes.list_classes(db)}
    assert kinds == {"甲班": "上级调训", "乙班": "上级调训"}
    assert tables.classes(db).get(other.id).organiser_kind == "上级调训"


def test_the_demo_keeps_the_county_and_the_city_apart(demo_db):
    lines = {line.kind: line for line in organisers.by_organiser(demo_db, 2020)}
    assert (lines["本级举办"].planned_periods, lines["本级举办"].planned_trainees) == (21, 1135)
    assert (lines["上级调训"].planned_periods, lines["上级调训"].planned_trainees) == (13, 660)
    assert lines["单位自办"].planned_periods == 0 and lines["单位自办"].held_periods == 2  # filed, not planned
    total = organisers.summed(list(lines.values()))
    assert (total.kind, total.planned_periods, total.planned_trainees) == ("合计（三种举办方式）", 34, 1795)
    overview = statistics.overview(demo_db, 2020)
    assert overview.own.planned_periods == 21 and overview.planned_periods == 34
    assert overview.person_times == sum(line.person_times for line in lines.values())  # each 人次 counted once
    figures = dict((label, value) for label, value, _ in statistics.figures(overview))
    assert (figures["计划期数"], figures["计划培训人数"]) == (21, 1135)  # the headline is the office's own


def test_stats_command_by_organiser_kind_and_in_total(demo_path, capsys):
    code, out, _ = run(capsys, "stats", "--year", 2020, "--json", "--db", demo_path)
    found = json.loads(out)
    assert code == 0 and [line["kind"] for line in found["by_organiser"]] == ["本级举办", "上级调训", "单位自办"]
    own, city, unit = found["by_organiser"]
    assert (own["planned_periods"], own["planned_trainees"], city["planned_periods"], city["planned_trainees"]) == \
        (21, 1135, 13, 660)
    assert unit["scheduled_periods"] == unit["held_periods"] == 2 and unit["completed"] == unit["person_times"] == 22
    for key in ("planned_periods", "planned_trainees", "scheduled_periods", "person_times", "completed", "hours"):
        assert found["total"][key] == own[key] + city[key] + unit[key]
    assert (found["total"]["planned_periods"], found["total"]["planned_trainees"]) == (34, 1795)
    code, out, _ = run(capsys, "stats", "--db", demo_path)  # the newest year with figures
    assert code == 0 and out.startswith("2020年") and "本级举办：计划21期1135人" in out
    assert "上级调训：计划13期660人" in out and "合计（三种举办方式）：计划34期1795人" in out


def test_stats_command_on_an_empty_database(tmp_path, capsys):
    path = tmp_path / "空.db"
    assert run(capsys, "init", "--db", path)[0] == 0
    code, out, err = run(capsys, "stats", "--db", path)
    assert code == 2 and out == "" and "没有可统计的年度" in err


def test_plans_and_classes_json_carry_the_kind_and_the_unit(demo_path, capsys):
    code, out, _ = run(capsys, "plans", "--json", "--db", demo_path)
    kinds = {plan["title"]: plan["organiser_kind"] for plan in json.loads(out)}
    assert kinds == {"2020年全县干部教育培训工作要点": "本级举办", "2020年公务员培训计划": "上级调训"}
    code, out, _ = run(capsys, "classes", "--json", "--db", demo_path)
    found = json.loads(out)
    city = [c for c in found if c["plan"] == "2020年公务员培训计划"]
    assert len(city) == 10 and {c["organiser_kind"] for c in city} == {"上级调训"}
    own = [c for c in found if c["organiser_kind"] == "单位自办"]
    assert {(c["unit"], c["plan"]) for c in own} == {("县财政局", ""), ("县卫生健康委", "")}
    assert all(c["unit_id"] for c in own)
