"""Searching the archive as you type: names, pinyin initials, ID and phone numbers, units; pages in order."""
import pytest
from sqlite_utils import Database as SqliteUtilsDatabase

from app.domain.models import Person, Unit
from app.domain.pinyin import initials
from app.services import people, units
from app.storage.db import connect
from app.storage.lock import DatabaseLock
from app.storage.migrations import runner
from app.storage.people import PeopleFilter, PeoplePages
from tests.roster_files import id_number


@pytest.fixture
def archive(db):
    first = units.save_unit(db, Unit(name="县委办公室", sort_order=20))
    second = units.save_unit(db, Unit(name="县财政局", sort_order=10))
    saved = {}
    for order, (name, unit, rank) in enumerate([("张三", first, "一级科员"), ("张三丰", second, "正科级"),
                                                ("曾国藩", first, "副科级"), ("李四", None, "")], start=1):
        saved[name] = people.save_person(db, Person(name=name, id_number=id_number("1980-01-02", order * 2 + 1),
                                                    unit_id=unit.id if unit else None, rank=rank,
                                                    phone=f"1390000{order:04d}", cadre_category="公务员"))
    return saved


def names(db, text="", **filters):
    return [p.name for p in people.search_people(db, text, **filters)]


@pytest.mark.parametrize("name, expected", [("张三", "zs"), ("曾国藩", "zgf"), ("单田芳", "stf"), ("欧阳修", "oyx"),
                                            ("尉迟恭", "ycg"), ("王珺", "wj"), ("", "")])
def test_initials_read_surnames_as_surnames(name, expected):
    assert initials(name) == expected


def test_pinyin_initials_find_names(db, archive):
    assert names(db, "zs") == ["张三丰", "张三"]  # 县财政局 comes first in the units' order
    assert names(db, "ZGF") == ["曾国藩"]
    assert names(db, "zs f") == ["张三丰"]  # spaces typed between letters do not matter
    assert names(db, "zx") == []


def test_names_units_id_and_phone_numbers(db, archive):
    assert names(db, "三") == ["张三丰", "张三"]
    assert names(db, "办公室") == ["曾国藩", "张三"]  # within a unit, by pinyin: zgf before zs
    assert names(db, archive["曾国藩"].id_number) == ["曾国藩"]
    assert names(db, archive["曾国藩"].id_number[-4:]) == ["曾国藩"]
    assert names(db, " １３９００００0003 ") == ["曾国藩"]  # full-width and spaces as pasted
    assert len(names(db, "19800102")) == 4  # the birth date inside every ID number


def test_filters_by_unit_rank_and_category(db, archive):
    unit = archive["张三"].unit_id
    assert names(db, unit_id=unit) == ["曾国藩", "张三"]
    assert names(db, rank="正科级") == ["张三丰"]
    assert names(db, "张", cadre_category="公务员", rank="一级科员") == ["张三"]
    assert people.count_people(db, "张") == 2


def test_people_without_a_unit_come_last(db, archive):
    assert names(db) == ["张三丰", "曾国藩", "张三", "李四"]


@pytest.mark.parametrize("small", [2, 5000])  # many matches read in index order, or few matches sorted at once
def test_pages_join_up_to_the_whole_ordered_list(db, monkeypatch, small):
    monkeypatch.setattr("app.storage.people.SMALL", small)
    monkeypatch.setattr("app.storage.people.SMALL_SPREAD", small)
    unit_a = units.save_unit(db, Unit(name="乙单位", sort_order=2))
    unit_b = units.save_unit(db, Unit(name="甲单位", sort_order=1))
    for order in range(30):
        unit = (unit_a, unit_b, None)[order % 3]
        people.save_person(db, Person(name=f"王{'一二三四五六七八九十'[order % 10]}{order}",
                                      id_number=id_number("1970-03-04", order * 2 + 1),
                                      unit_id=unit.id if unit else None))
    for text in ("", "王"):
        pages = PeoplePages(db, PeopleFilter(text))
        whole = pages.page(0, 100)
        assert pages.total == len(whole) == 30
        assert [p.name for start in range(0, 30, 7) for p in pages.page(start, 7)] == [p.name for p in whole]
        unit_names = [p.unit_name for p in whole]
        assert unit_names == ["甲单位"] * 10 + ["乙单位"] * 10 + [""] * 10


def test_older_databases_get_initials_when_migrated(tmp_path):
    db = connect(tmp_path / "old.db", writer=DatabaseLock.acquire(tmp_path / "old.db"))
    migrations, same = runner(), SqliteUtilsDatabase(db.conn)
    migrations.apply(same, stop_before="m005_people_pinyin")
    db.execute("INSERT INTO people (name, id_number) VALUES ('曾国藩', '11010519491231002X')")
    migrations.apply(same)
    assert db.execute("SELECT name_initials FROM people").fetchone()[0] == "zgf"
    assert [p.name for p in people.search_people(db, "zg")] == ["曾国藩"]


def test_the_search_index_follows_every_change_of_name_id_and_phone(db, archive):
    person = archive["张三丰"]
    person.name, person.phone = "欧阳娜娜", "023-63751234"
    people.save_person(db, person)
    assert names(db, "三丰") == [] and names(db, "阳娜") == ["欧阳娜娜"] and names(db, "娜") == ["欧阳娜娜"]
    assert names(db, "6375") == ["欧阳娜娜"] and names(db, "13900000002") == []  # the old phone is gone
    long_name = "阿不都热合曼·买买提艾力·库尔班江"  # names longer than most are indexed whole
    saved = people.save_person(db, Person(name=long_name, id_number=id_number("1975-05-05", 21)))
    assert names(db, "库尔班江") == [long_name] and names(db, "江") == [long_name]
    people.delete_person(db, saved.id)
    assert names(db, "库尔班") == []


def test_one_or_two_digits_find_the_start_of_an_id_number_three_anywhere(db, archive):
    assert names(db, "1") == [] and names(db, "02") == []  # every ID here starts with 500236
    assert len(names(db, "5")) == len(names(db, "50")) == 4
    assert names(db, "0003") == ["曾国藩"]  # the end of a phone number
    assert len(names(db, "5002361980")) == 4 and len(names(db, "800102")) == 4 and names(db, "19x") == []
    assert names(db, "236") == []  # inside the region code, which only the start of an ID is searched for


@pytest.mark.sqlite_only(reason="SQLite's m010 search tables (people_search_pending) are brought up to date at the"
                         " end of a write; the server's trigram indexes follow each write themselves")
def test_people_changed_outside_a_transaction_are_found_before_the_index_catches_up(db, archive):
    person = archive["李四"]
    db.execute("UPDATE people SET name = '李思思', phone = '13512345678' WHERE id = ?", [person.id])  # no atomic()
    assert db.execute("SELECT count(*) FROM people_search_pending").fetchone()[0] == 1
    assert names(db, "思思") == ["李思思"] and names(db, "345678") == ["李思思"] and names(db, "李四") == []
    with db.atomic():
        pass  # the end of the next write transaction indexes the change
    assert db.execute("SELECT count(*) FROM people_search_pending").fetchone()[0] == 0
    assert names(db, "思思") == ["李思思"] and names(db, "345678") == ["李思思"]
