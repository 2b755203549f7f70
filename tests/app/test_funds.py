"""经费: the 综合定额 by the rules (30 and 31 days, the 70% rule, arrival days, the category rates, the issue's
example), the settings, the clerk's adjustments and own lines, spending checked, fees received, budget against
actual with its warnings, and the year's totals kept apart by organiser kind."""
from dataclasses import replace

import pytest

from app.domain.errors import NotFound, UserError, ValidationError
from app.domain.funds import lump_sum
from app.domain.models import Expense
from app.services import classes
from app.services.funds import budget, expenses, fees_received, rules, summary
from app.storage import tables
from tests import funds_data


@pytest.fixture
def office(db):
    return funds_data.build(db, enrol=False)


def lump(db, period_id) -> budget.BudgetItem:
    return budget.period_budget(db, period_id).items[0]


def test_the_issues_example_forty_people_sixty_days_third_category(db, office):
    assert lump_sum(40, 60, 550) == 1_122_000
    item = lump(db, office.period.id)
    assert (item.item, item.computed, item.amount) == ("综合定额", 1_122_000, 1_122_000)
    assert item.basis == "40人（计划）× (30 + 30 × 70%)天 × 550元（三类）"


def test_thirty_days_count_in_full_and_the_thirty_first_at_seventy_percent(db, office):
    assert lump(db, office.short.id).computed == 40 * 30 * 550
    classes.save_period(db, replace(tables.periods(db).get(office.short.id), end_date="2020-10-01"))
    assert lump(db, office.short.id).computed == round(40 * 30.7 * 550, 2)


def test_an_arrival_day_before_the_first_day_counts_once(db, office):
    short = tables.periods(db).get(office.short.id)
    classes.save_period(db, replace(short, report_time="2020-08-30 15:00"))  # two days early: one counts
    basis = budget.lump_basis(db, short.id)
    assert (basis.days, basis.arrival, basis.person_days) == (31, 1, 30.7)
    assert "含报到1天" in lump(db, short.id).basis
    rules.save_fund_rules(db, replace(rules.fund_rules(db), travel_days=0))
    assert budget.lump_basis(db, short.id).days == 30


def test_the_category_sets_the_rate(db, office):
    for category, rate in (("一类", 760), ("二类", 650), ("三类", 550)):
        classes.save_draft(db, classes.ClassDraft(replace(tables.classes(db).get(office.course.id), fee_category=category)))
        assert lump(db, office.short.id).computed == 40 * 30 * rate


def test_the_rates_days_and_share_are_settings_checked_before_saving(db, office):
    changed = rules.FundRules({"一类": 700, "二类": 600, "三类": 500}, full_days=20, later_share=0.5, travel_days=1)
    rules.save_fund_rules(db, changed)
    assert lump(db, office.period.id).computed == 40 * (20 + 40 * 0.5) * 500
    with pytest.raises(ValidationError) as refused:
        rules.save_fund_rules(db, replace(changed, later_share=1.5, full_days=0))
    assert set(refused.value.errors) == {"later_share", "full_days"}
    assert rules.fund_rules(db) == changed


def test_enrolled_trainees_count_before_the_planned_number(db):
    office = funds_data.build(db)
    basis = budget.lump_basis(db, office.period.id)
    assert (basis.people, basis.people_source) == (5, "已选调")


def test_the_clerk_adjusts_a_computed_line_and_adds_own_lines(db, office):
    budget.adjust(db, office.period.id, "综合定额", "1000000", "按财政批复")
    item = lump(db, office.period.id)
    assert (item.computed, item.amount, item.adjusted, item.notes) == (1_122_000, 1_000_000, True, "按财政批复")
    line = budget.save_own_line(db, office.period.id, "教材费", 3000, "40本")
    assert budget.period_budget(db, office.period.id).total == 1_003_000  # no timetable: 师资费 0
    with pytest.raises(ValidationError):
        budget.save_own_line(db, office.period.id, "综合定额", 5)
    with pytest.raises(ValidationError):
        budget.adjust(db, office.period.id, "综合定额", "很多")
    assert budget.period_budget(db, office.period.id).total == 1_003_000
    budget.remove_own_line(db, line.id)
    budget.reset(db, office.period.id, "综合定额")
    assert budget.period_budget(db, office.period.id).total == 1_122_000


def test_spending_is_checked_and_bad_input_leaves_the_data_as_it_was(db, office):
    pid = office.period.id
    saved = expenses.save_expense(db, Expense(pid, "住宿费", 0, payee="县委党校", voucher="记-001"), "12,000元", "2020/3/5")
    assert (saved.amount, saved.day) == (12000, "2020-03-05")
    with pytest.raises(ValidationError) as refused:
        expenses.save_expense(db, Expense(pid, "", 0), "十二元", "2020-02-30")
    assert set(refused.value.errors) == {"item", "amount", "day"}
    with pytest.raises(ValidationError):
        expenses.save_expense(db, Expense(pid, "伙食费", 0, payee="=cmd"), "5", "")
    with pytest.raises(NotFound):
        expenses.save_expense(db, Expense(9999, "伙食费", 0), "5", "")
    assert expenses.period_expenses(db, pid) == [saved]
    expenses.save_expense(db, replace(saved, item="会务费"), "500", "3月6日")  # typed item, day in the period's year
    assert [(e.item, e.amount, e.day) for e in expenses.period_expenses(db, pid)] == [("会务费", 500, "2020-03-06")]
    expenses.delete_expense(db, saved.id)
    assert expenses.period_expenses(db, pid) == []


def test_fees_are_received_one_by_one_and_for_a_whole_unit(db):
    office = funds_data.build(db)
    pid = office.period.id
    assert fees_received.fee_status(db, pid).due == 5 * 800
    fees_received.record_fees(db, pid, office.enrollments[1:2], "800", "2020-03-02")
    assert fees_received.record_unit_fees(db, pid, office.units[0].id, 800, "2020-03-03") == 3
    status = fees_received.fee_status(db, pid)
    assert (status.paid_count, status.received) == (4, 3200)
    paid = {e.id: (e.fee_paid, e.fee_paid_on) for e in tables.enrollments(db).all()}
    assert paid[office.enrollments[0]] == (800, "2020-03-03")  # the first unit paid for its three at once
    assert paid[office.enrollments[3]] == (0, "")
    assert paid[office.enrollments[1]] == (800, "2020-03-02")
    with pytest.raises(ValidationError):
        fees_received.record_unit_fees(db, pid, office.units[1].id, "八百", "2020-03-04")
    with pytest.raises(ValidationError):
        fees_received.record_fees(db, pid, office.enrollments[3:], 800, "")
    assert fees_received.fee_status(db, pid).received == 3200


def test_a_class_without_a_fee_refuses_fees(db):
    office = funds_data.build(db, fee=0)
    with pytest.raises(UserError, match="不收取培训费"):
        fees_received.record_fees(db, office.period.id, office.enrollments, 100, "2020-03-02")


def test_spending_above_the_standard_per_person_day_is_warned(db):
    office = funds_data.build(db)  # 5 trainees, 60 days: 255 person-days at 550 = 140,250
    pid = office.period.id
    expenses.save_expense(db, Expense(pid, "住宿费", 0), 140_000, "2020-03-10")
    expenses.save_expense(db, Expense(pid, "师资费", 0), 20_000, "2020-03-10")  # outside the 综合定额
    funds = summary.period_funds(db, pid)
    assert funds.spent == {"住宿费": 140_000, "师资费": 20_000}
    assert [w.rule for w in funds.warnings] == ["over_budget"]  # budget 140,250 + 0 lecture fees
    expenses.save_expense(db, Expense(pid, "伙食费", 0), 1_000, "2020-03-10")
    funds = summary.period_funds(db, pid)
    assert funds.per_person_day == round(141_000 / 255, 2)
    assert [w.rule for w in funds.warnings] == ["over_standard", "over_budget"]
    assert "超过三类标准550元" in funds.warnings[0].message


def test_the_year_keeps_organiser_kinds_apart_with_a_total(db):
    office = funds_data.build(db)
    city = classes.save_draft(db, classes.ClassDraft(replace(tables.classes(db).get(office.course.id), id=None,
                                                             name="市级调训班", organiser_kind="上级调训")))
    other = classes.save_period(db, tables.periods(db).get(office.short.id).__class__(city.id, 1, "2020-06-01", "2020-06-03"))
    expenses.save_expense(db, Expense(office.period.id, "住宿费", 0), 1000, "")
    expenses.save_expense(db, Expense(other.id, "交通费", 0), 300, "")
    year = summary.year_funds(db, 2020)
    kinds = {t.label: (t.periods, t.spent) for t in year.kinds}
    assert kinds == {"本级举办": (2, 1000), "上级调训": (1, 300)}
    assert (year.total.periods, year.total.spent) == (3, 1300)
    assert year.total.by_item == {"住宿费": 1000, "交通费": 300}
    assert [c.label for c in year.classes] == ["中青年干部培训班", "市级调训班"]


def test_the_demo_office_spends_on_its_2020_periods_with_one_over_the_standard(demo_db):
    year = summary.year_funds(demo_db, 2020)
    warned = {p.label: [w.rule for w in p.warnings] for p in year.periods if p.warnings}
    assert warned == {"县管副职领导干部进修班第1期": ["over_standard", "over_budget"]}
    held = [p for p in year.periods if p.end_date <= "2020-09-15"]
    assert held and all(p.spent_total > 0 for p in held)
    assert all(p.spent_total == 0 for p in year.periods if p.start_date > "2020-09-15")
    adjusted = [i for p in year.periods for i in p.budget.items if i.adjusted]
    assert [(i.item, i.notes) for i in adjusted] == [("综合定额", "按县财政局批复的预算（九五折）")]
    charging = [p for p in year.periods if p.fees.received]
    assert charging and all(p.fees.fee > 0 for p in charging)
    paid = [e for e in tables.enrollments(demo_db).all() if e.fee_paid]
    assert paid and all(e.fee_paid_on for e in paid)
