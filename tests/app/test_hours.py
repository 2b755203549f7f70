"""The hours ledger, the behind list, coverage and the year statistics, checked against hand counts."""
import json

import pytest

from app.cli import main
from app.domain.errors import UserError, ValidationError
from app.domain.idcard import check_digit
from app.domain.models import HoursRecord, Period, Person, TrainingClass, Unit
from app.services import people, roster, units
from app.services.classes import ClassDraft, save_draft, save_period
from app.services.hours import ledger as hours
from app.services.stats import coverage, statistics
from tests.server import command_db


def id_number(n: int) -> str:
    first17 = f"50023619800101{n:03d}"
    return first17 + check_digit(first17)


@pytest.fixture
def office(db):
    """P1 and P2 乡科级, P3 县处级 (二级调研员), P4 promoted to 县处级 in June 2020, each with known hours."""
    unit = units.save_unit(db, Unit(name="县委办公室", sort_order=1))
    other = units.save_unit(db, Unit(name="县财政局", sort_order=2))
    made = {}
    for n, (name, rank, unit_id, since) in enumerate([("张一", "一级科员", unit.id, ""), ("王二", "一级科员", other.id, ""),
                                                      ("李三", "二级调研员", unit.id, ""), ("赵四", "一级调研员", unit.id, "2020-06-01")]):
        made[name] = people.save_person(db, Person(name=name, id_number=id_number(n), unit_id=unit_id, rank=rank,
                                                   rank_since=since, cadre_category="公务员"))
    training_class = save_draft(db, ClassDraft(TrainingClass(name="科级干部培训班", kind="主体班", total_hours=40)))
    period = save_period(db, Period(training_class.id, 1, "2020-05-11", "2020-05-15"))
    for name in ("张一", "王二", "李三"):
        enrollment_id = roster.add_people(db, period.id, [made[name].id]).added[0]
        db.execute("UPDATE enrollments SET status = '结业', hours = 40 WHERE id = ?", [enrollment_id])
    db.execute("UPDATE periods SET status = '结班' WHERE id = ?", [period.id])
    for name, year, amount, kind in [("张一", 2020, 60, "网络学习"), ("王二", 2020, 20, "网络学习"),
                                     ("李三", 2016, 200, "集中培训"), ("李三", 2019, 300, "集中培训"),
                                     ("李三", 2015, 400, "集中培训")]:
        hours.add_record(db, HoursRecord(made[name].id, year, amount, kind, source="干部网络学院"))
    return made, training_class


def test_ledger_per_person(db, office):
    ledger = {p.name: p for p in hours.ledger(db, 2020)}
    assert (ledger["张一"].classes, ledger["张一"].online, ledger["张一"].total, ledger["张一"].status) == (40, 60, 100, "达标")
    assert (ledger["王二"].shortfall, ledger["王二"].online_shortfall, ledger["王二"].status) == (30, 30, "未达标")
    # 李三: 2016 200 + 2019 300 + 2020 class 40 = 540 of 550 in 2016–2020 (2015 is outside the 5 years).
    assert (ledger["李三"].level, ledger["李三"].window_hours, ledger["李三"].shortfall) == ("县处级以上", 540, 10)
    assert ledger["赵四"].status == "提任未满一年"


def test_behind_lists_the_furthest_behind_first(db, office):
    assert [(p.name, p.shortfall) for p in hours.behind(db, 2020)] == [("王二", 30), ("李三", 10)]


def test_bad_hours_records_are_refused(db, office):
    made, _ = office
    with pytest.raises(ValidationError) as caught:
        hours.add_record(db, HoursRecord(made["张一"].id, 2020, 0, "打牌", date="2020-13-01"))
    assert set(caught.value.errors) == {"hours", "kind", "date"}
    assert len(hours.records_of(db, made["张一"].id)) == 1


def test_command_line(db, office, tmp_path, capsys, monkeypatch):
    path = command_db(db, tmp_path)
    assert main(["behind", "--year", "2020", "--json", "--db", path]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["shortfall"], p["unit_name"]) for p in found] == [("王二", 30, "县财政局"), ("李三", 10, "县委办公室")]
    assert main(["hours", "--year", "2020", "--json", "--db", path]) == 0
    assert {p["name"]: p["total"] for p in json.loads(capsys.readouterr().out)} == {"张一": 100, "王二": 60, "李三": 40, "赵四": 0}


def test_coverage_of_a_target_group(db, office):
    made, training_class = office
    with pytest.raises(UserError, match="没有设定"):
        coverage.coverage(db, training_class.id)
    coverage.set_group(db, training_class.id, ["公务员"], [])
    found = coverage.coverage(db, training_class.id)
    assert (found.members, found.attended, [p.name for p in found.missing]) == (4, 3, ["赵四"])
    assert found.rate == 0.75


def test_year_overview(db, office):
    overview = statistics.overview(db, 2020)
    assert (overview.scheduled_periods, overview.held_periods) == (1, 1)
    assert (overview.person_times, overview.completed, overview.hours) == (3, 3, 120)
    assert overview.behind == 2 and overview.people == 4
    units_line = {line.label: (line.person_times, line.hours) for line in overview.lines["unit"]}
    assert units_line == {"县委办公室": (2, 80), "县财政局": (1, 40)}
    assert [line.label for line in overview.lines["rank"]] == ["一级科员", "二级调研员"]


@pytest.mark.parametrize("typed, value", [(2, 2.0), ("1.5", 1.5), ("２学时", 2.0), (" 3 小时", 3.0), (".5", 0.5),
                                          ("两小时", None), ("", None), ("1.2.3", None), (True, None), (None, None)])
def test_hours_as_typed_or_read_from_a_sheet(typed, value):
    assert hours.hours_value(typed) == value


def test_record_rules_name_each_bad_field(db, office):
    made, _ = office
    good = HoursRecord(made["张一"].id, 2020, 8, "其他", source="市委党校", date="2020-04-01")
    assert hours.record_errors(good) == {}
    assert set(hours.record_errors(HoursRecord(made["张一"].id, 1999, 1001, "其他", source="长" * 61))) == {
        "year", "hours", "source"}


def test_deleting_a_record_is_logged_and_changes_the_ledger(db, office):
    from app.services.safety import audit

    made, _ = office
    online = next(r for r in hours.records_of(db, made["张一"].id) if r.kind == "网络学习")
    hours.delete_record(db, online.id)
    assert hours.records_of(db, made["张一"].id) == []
    entry = hours.person_hours(db, made["张一"].id, 2020)
    assert (entry.total, entry.online_shortfall, entry.status) == (40, 50, "未达标")
    logged = audit.entries(db, 1)[0]
    assert (logged["action"], logged["entity_id"], logged["detail"]) == (
        "删除学时", made["张一"].id, "张一 2020年 网络学习60学时（干部网络学院）")


def test_one_persons_hours_match_the_whole_ledger(db, office):
    made, _ = office
    everyone = {p.person_id: p for p in hours.ledger(db, 2020)}
    for person in made.values():
        assert hours.person_hours(db, person.id, 2020) == everyone[person.id]
    with pytest.raises(UserError):
        hours.person_hours(db, 99999, 2020)
