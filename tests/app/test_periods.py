"""Periods as the clerk finds them: the list, its filters and search, the period at hand and the import's
default, and the global search over people, periods, classes and units (the demo office, 2020)."""
from dataclasses import replace
from datetime import date

import pytest

from app.services import classes, periods, search
from app.storage import tables

MID_SEPTEMBER = date(2020, 9, 16)  # 县管副职进修班第2期 (09-01…09-30) and 国企改革班 (09-15…09-18) are running


def labels(found) -> list[str]:
    return [entry.label for entry in found]


def kept(db, today=MID_SEPTEMBER, **wanted) -> list[str]:
    found = periods.PeriodFilter(**wanted)
    return labels(entry for entry in periods.entries(db) if periods.matches(entry, found, today))


def test_every_live_period_with_its_class_plan_place_and_seats(demo_db):
    found = periods.entries(demo_db)
    assert len(found) == 36 and [e.start_date for e in found] == sorted(e.start_date for e in found)
    first = found[0]
    assert periods.describe(first) == "县管副职领导干部进修班 第1期（2020-03-02 至 03-31，结班）"
    assert (first.where, first.plan_title, first.class_kind, periods.seats(first)) == (
        "县委党校", "2020年全县干部教育培训工作要点", "进修班", "24/40")
    assert first.class_initials == "xgfzldgbjxb"
    tables.periods(demo_db).update(replace(tables.periods(demo_db).get(first.id), archived=True))
    assert first.id not in [e.id for e in periods.entries(demo_db)]  # archived: out of the lists
    assert periods.entries(demo_db, keep=first.id)[0].id == first.id  # unless asked for by id


def test_filters_by_when_plan_and_kind(demo_db):
    assert kept(demo_db, when="running") == ["县管副职领导干部进修班 第2期", "国企改革与管理培训班 第1期"]
    upcoming = kept(demo_db, when="upcoming")
    assert len(upcoming) == 10 and upcoming[0] == "军民融合发展战略专题培训班 第1期"
    assert len(kept(demo_db, when="closed")) == 24 and kept(demo_db, when="unclosed") == []
    assert len(kept(demo_db, when="year")) == 36 and kept(demo_db, today=date(2021, 1, 4), when="year") == []
    # on 1 October the periods still open that have ended wait for 结班
    assert kept(demo_db, today=date(2020, 10, 1), when="unclosed") == [
        "县管副职领导干部进修班 第2期", "国企改革与管理培训班 第1期", "军民融合发展战略专题培训班 第1期"]
    civil_service = next(p for p in classes.list_classes(demo_db) if p.plan_title == "2020年公务员培训计划").plan_id
    assert len(kept(demo_db, plan_id=civil_service)) == 13
    assert kept(demo_db, kind="进修班") == ["县管副职领导干部进修班 第1期", "县管副职领导干部进修班 第2期"]
    assert kept(demo_db, kind="进修班", when="closed") == ["县管副职领导干部进修班 第1期"]


@pytest.mark.parametrize("text, expected", [
    ("进修班", ["县管副职领导干部进修班 第1期", "县管副职领导干部进修班 第2期"]),
    ("JXB", ["县管副职领导干部进修班 第1期", "县管副职领导干部进修班 第2期"]),  # pinyin initials, any case
    ("jxb2", ["县管副职领导干部进修班 第2期"]),  # initials and the period's number
    ("xgfz 第1期", ["县管副职领导干部进修班 第1期"]),  # every word must match
    ("2020-11-16", ["人才研修班 第1期"]),
    ("市外高校 通知", ["县管领导干部赴市外高校（培训机构）专题班 第3期"]),  # place and status
    ("qqq", []),
])
def test_the_search_takes_names_initials_numbers_dates_places(demo_db, text, expected):
    assert kept(demo_db, text=text) == expected


def test_the_period_at_hand_and_the_import_default(demo_db):
    found = periods.entries(demo_db)
    assert periods.at_hand(found, MID_SEPTEMBER).label == "县管副职领导干部进修班 第2期"  # running
    assert periods.at_hand(found, date(2020, 11, 21)).label == "巩固脱贫成果与推进乡村振兴专题培训班 第2期"
    # the wizard: the period it was opened from, else the next to begin (today counts), else the last
    opened_from = found[0]
    assert periods.default_period(found, opened_from.id, MID_SEPTEMBER) is opened_from
    assert periods.default_period(found, None, MID_SEPTEMBER).label == "军民融合发展战略专题培训班 第1期"
    assert periods.default_period(found, None, date(2020, 9, 21)).label == "军民融合发展战略专题培训班 第1期"
    assert periods.default_period(found, None, date(2021, 3, 1)).label == "推进“一带一路” 建设专题研讨班 第1期"
    assert periods.default_period(found, 99999, date(2021, 3, 1)).label == "推进“一带一路” 建设专题研讨班 第1期"
    assert periods.default_period([], None, MID_SEPTEMBER) is None


def found_titles(db, text, kind=None, **options):
    return [f.title for f in search.find(db, text, today=MID_SEPTEMBER, **options) if kind in (None, f.kind)]


def test_global_search_finds_people_periods_classes_and_units(demo_db):
    someone = tables.people(demo_db).get(1)
    assert someone.name in found_titles(demo_db, someone.name_initials, "person")
    assert someone.name in found_titles(demo_db, someone.name[:2], "person")
    assert found_titles(demo_db, "jxb2") == ["县管副职领导干部进修班 第2期"]
    assert found_titles(demo_db, "xgfzldgbjxb", "class") == ["县管副职领导干部进修班"]
    assert found_titles(demo_db, "zzb") == ["县委组织部"]  # a unit by its initials
    assert found_titles(demo_db, "县委组织", "unit") == ["县委组织部"]
    assert found_titles(demo_db, "县委", "period") == []  # a place is no name: the periods page searches it
    assert search.find(demo_db, "  ") == [] and found_titles(demo_db, "没有这个名字") == []


def test_global_search_groups_a_few_of_each_kind_the_live_periods_first(demo_db):
    found = search.find(demo_db, "进修班", per_kind=6, today=MID_SEPTEMBER)
    assert [f.kind for f in found] == ["period", "period", "class"]
    assert [f.title for f in found][:2] == ["县管副职领导干部进修班 第2期", "县管副职领导干部进修班 第1期"]
    assert found[0].detail == "2020-09-01 至 09-30　开班　学员24/40" and found[1].detail.endswith("结班")
    many = search.find(demo_db, "z", per_kind=3, today=MID_SEPTEMBER)
    kinds = [f.kind for f in many]
    assert kinds == sorted(kinds, key=list(search.KINDS).index)  # grouped, in the order shown
    assert all(kinds.count(kind) <= 3 for kind in search.KINDS) and kinds.count("person") == 3
