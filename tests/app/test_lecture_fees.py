"""讲课费: each title's rate, the 4-学时 cap of a half-day, leaders unpaid (and the setting that pays them), a
session's own rate, the settings checked; the figures are worked out by hand (4 学时 a half-day)."""
from dataclasses import replace

import pytest

from app.domain.errors import ValidationError
from app.services.teaching import fees
from tests import teaching_data


@pytest.fixture
def office(db):
    return teaching_data.build(db)


def amounts(sheet) -> list[tuple[str, float, float, float]]:
    return [(line.lecturer, line.paid_hours, line.rate, line.amount) for line in sheet.lines]


def test_each_title_is_paid_its_default_rate_for_a_half_days_hours(db, office):
    teaching_data.teach(db, office, office.first,
                        ("2020-05-11", "上午", "习近平新时代中国特色社会主义思想", "王教授"),
                        ("2020-05-11", "下午", "党章党规党纪", "李副教授"),
                        ("2020-05-12", "上午", "公文写作", "赵讲师"),
                        ("2020-05-12", "下午", "科技前沿", "钱院士"),
                        ("2020-05-13", "上午", "乡村振兴的村里实践", "周支书"),
                        ("2020-05-13", "晚上", "观看影片", ""),
                        ("2020-05-14", "上午", "应急管理", "外请专家"))
    sheet = fees.period_sheet(db, office.first.id)
    assert sheet.title == "科级干部培训班第1期讲课费发放表"
    assert amounts(sheet) == [("王教授", 4, 1000, 4000), ("李副教授", 4, 500, 2000), ("赵讲师", 4, 300, 1200),
                              ("钱院士", 4, 1500, 6000), ("周支书", 4, 200, 800), ("外请专家", 4, 200, 800)]
    assert sheet.lines[-1].title == "未入库"  # a typed lecturer is paid as 其他
    assert (sheet.total_hours, sheet.total_amount) == (24, 14800)


def test_a_half_day_pays_at_most_four_hours_across_the_lecturers_sessions(db, office):
    teaching_data.teach(db, office, office.first,
                        ("2020-05-11", "上午", "专题一", "王教授", {"hours": 3}),
                        ("2020-05-11", "上午", "专题二", "王教授", {"hours": 3}),
                        ("2020-05-12", "上午", "长专题", "李副教授", {"hours": 6}))
    sheet = fees.period_sheet(db, office.first.id)
    assert amounts(sheet) == [("王教授", 3, 1000, 3000), ("王教授", 1, 1000, 1000), ("李副教授", 4, 500, 2000)]
    assert [line.hours for line in sheet.lines] == [3, 3, 6]
    assert "半天最多计4学时" in sheet.lines[1].note and "半天最多计4学时" in sheet.lines[2].note
    assert sheet.lines[0].note == ""


def test_the_cap_is_a_setting(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-12", "上午", "长专题", "李副教授", {"hours": 6}))
    fees.save_fee_rules(db, replace(fees.fee_rules(db), half_day_cap=5))
    assert amounts(fees.period_sheet(db, office.first.id)) == [("李副教授", 5, 500, 2500)]


def test_leaders_are_unpaid_until_the_setting_is_turned_off(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-13", "下午", "全县经济形势", "孙书记"))
    line = fees.period_sheet(db, office.first.id).lines[0]
    assert (line.paid_hours, line.rate, line.amount, line.note) == (4, 0, 0, fees.LEADER_UNPAID)
    fees.save_fee_rules(db, replace(fees.fee_rules(db), leaders_unpaid=False))
    assert fees.fee_rules(db).leaders_unpaid is False
    assert amounts(fees.period_sheet(db, office.first.id)) == [("孙书记", 4, 500, 2000)]


def test_a_sessions_own_rate_wins_over_the_title_and_the_leader_rule(db, office):
    teaching_data.teach(db, office, office.first,
                        ("2020-05-15", "上午", "党史专题", "李副教授", {"fee_rate": 800}),
                        ("2020-05-15", "下午", "调研体会", "孙书记", {"fee_rate": 100}))
    sheet = fees.period_sheet(db, office.first.id)
    assert amounts(sheet) == [("李副教授", 4, 800, 3200), ("孙书记", 4, 100, 400)]
    assert sheet.lines[0].note == "按本节标准"


def test_changed_rates_are_used_and_kept(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-11", "上午", "专题", "王教授"))
    rules = fees.fee_rules(db)
    fees.save_fee_rules(db, replace(rules, rates={**rules.rates, "正高级": 800}))
    assert fees.fee_rules(db).rate("正高级") == 800
    assert amounts(fees.period_sheet(db, office.first.id)) == [("王教授", 4, 800, 3200)]


@pytest.mark.parametrize("bad, field", [({"rates": {"正高级": -1}}, "rate.正高级"), ({"half_day_cap": 0}, "half_day_cap"),
                                        ({"rates": {"正高级": 20000}}, "rate.正高级")])
def test_bad_settings_are_refused_and_leave_the_old_ones(db, bad, field):
    rules = fees.fee_rules(db)
    changed = replace(rules, **{**bad, "rates": {**rules.rates, **bad.get("rates", {})}})
    with pytest.raises(ValidationError) as refused:
        fees.save_fee_rules(db, changed)
    assert field in refused.value.errors
    assert fees.fee_rules(db) == fees.FeeRules()


def test_a_lecturers_year_gathers_their_sessions_in_every_period(db, office):
    teaching_data.teach(db, office, office.first, ("2020-05-11", "上午", "专题一", "王教授"),
                        ("2020-05-11", "上午", "研讨", "李副教授"), ("2020-05-12", "上午", "研讨", "李副教授"))
    teaching_data.teach(db, office, office.second, ("2020-05-13", "下午", "专题一", "王教授"))
    sheet = fees.lecturer_sheet(db, office.people["王教授"].id, 2020)
    assert sheet.title == "王教授2020年讲课费发放表"
    assert [(line.period_label, line.session.day, line.paid_hours) for line in sheet.lines] == [
        ("科级干部培训班第1期", "2020-05-11", 2), ("乡村振兴专题班第1期", "2020-05-13", 4)]  # 上午 shared with 李
    assert sheet.total_amount == 6000
    assert fees.lecturer_sheet(db, office.people["王教授"].id, 2021).lines == []
