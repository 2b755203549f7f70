"""Each of the office's rules: one case that triggers it and one that does not."""
from dataclasses import replace

import pytest

from app.domain.models import PeriodRow, Plan, TrainingClass
from app.domain.rules import RULES, Thresholds, class_warnings, plan_warnings

MAIN = TrainingClass(name="中青年干部培训班", kind="主体班", trainees_per_period=50, length_days=60, total_hours=288,
                     party_spirit_hours=64, leader_lecture_hours=60, practical_post_days=7, party_analysis=True)
SPECIAL = TrainingClass(name="四中全会精神专题班", kind="专题班", trainees_per_period=60, length_days=3)


def period(start="2020-07-06", end="2020-09-03", **values) -> PeriodRow:
    return PeriodRow(class_id=1, number=values.pop("number", 1), start_date=start, end_date=end, **values)


def rules_of(c, periods=(), t: Thresholds | None = None) -> list[str]:
    return [w.rule for w in class_warnings(c, list(periods), t or Thresholds())]


def test_the_demo_main_class_breaks_no_rule():
    assert rules_of(MAIN, [period(capacity=50, enrolled=30)]) == []


@pytest.mark.parametrize("days, expected", [(2, ["special_days"]), (3, [])])
def test_special_class_of_fewer_than_3_days(days, expected):
    assert rules_of(replace(SPECIAL, length_days=days)) == expected
    assert rules_of(replace(SPECIAL, length_days=days, kind="轮训班")) == []


def test_special_class_without_a_length_is_judged_by_its_periods():
    c = replace(SPECIAL, length_days=0)
    assert rules_of(c, [period("2020-03-18", "2020-03-19")]) == ["special_days"]
    assert rules_of(c, [period("2020-03-18", "2020-03-20")]) == []


@pytest.mark.parametrize("field, rule", [("party_spirit_hours", "party_spirit_share"),
                                         ("leader_lecture_hours", "leader_lecture_share")])
def test_main_class_shares_under_20_percent(field, rule):
    assert rules_of(replace(MAIN, **{field: 57})) == [rule]  # 57/288 = 19.8%
    assert rules_of(replace(MAIN, **{field: 57.6})) == []  # exactly 20%
    assert rules_of(replace(MAIN, **{field: 10}, kind="专题班")) == []  # only 主体班
    warning = class_warnings(replace(MAIN, **{field: 57}), [])[0]
    assert warning.field == field and "19.8%" in warning.message and "低于20%" in warning.message


def test_two_months_without_seven_days_of_practical_post():
    assert rules_of(replace(MAIN, practical_post_days=6)) == ["practical_post"]
    assert rules_of(replace(MAIN, practical_post_days=6, length_days=59)) == []


def test_a_month_or_more_without_party_analysis():
    assert rules_of(replace(MAIN, party_analysis=False)) == ["party_analysis"]
    assert rules_of(replace(MAIN, party_analysis=False, length_days=29, practical_post_days=0)) == []


def test_planned_above_capacity_and_enrolled_above_planned():
    assert rules_of(MAIN, [period(capacity=40)]) == ["capacity"]
    assert rules_of(MAIN, [period(capacity=0)]) == []  # no capacity given: nothing to compare
    assert rules_of(MAIN, [period(enrolled=51)]) == ["over_enrolled"]
    assert rules_of(MAIN, [period(enrolled=50)]) == []
    warning = class_warnings(MAIN, [period(enrolled=51, number=2)])[0]
    assert warning.period_number == 2 and "第2期已调训51人" in warning.message


def test_a_period_on_public_holidays_names_them():
    found = class_warnings(SPECIAL, [period("2020-09-28", "2020-10-09")])
    assert [w.rule for w in found] == ["holiday"]
    assert "国庆节（10月1日至10月8日）" in found[0].message
    assert rules_of(SPECIAL, [period("2020-09-21", "2020-09-27")]) == []  # weekends and 调休 are no holiday


def test_thresholds_are_settings():
    strict = Thresholds(special_min_days=5, party_spirit_percent=25)
    assert rules_of(SPECIAL, [], strict) == ["special_days"]
    assert rules_of(MAIN, [], strict) == ["party_spirit_share"]


def test_plan_totals_against_its_classes():
    classes = [MAIN, SPECIAL]  # 1 + 1 periods, 50 + 60 trainees
    plan = Plan(year=2020, title="计划", planned_periods=2, planned_trainees=110)
    assert plan_warnings(plan, classes) == []
    found = plan_warnings(replace(plan, planned_periods=3, planned_trainees=100), classes)
    assert [w.message for w in found] == ["计划举办3期，各班次合计2期", "计划培训100人，各班次合计110人"]
    assert plan_warnings(replace(plan, planned_periods=0, planned_trainees=0), classes) == []


def test_every_rule_has_a_label():
    assert set(RULES) == {"special_days", "party_spirit_share", "leader_lecture_share", "practical_post",
                          "party_analysis", "capacity", "over_enrolled", "holiday", "plan_totals", "timetable_hours"}
