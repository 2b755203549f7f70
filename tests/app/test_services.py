import pytest

from app.domain.errors import UserError, ValidationError
from app.domain.models import Period, Person, TrainingClass, Unit
from app.services import classes, database, people, roster, units
from app.services.safety import audit

ID = "11010519491231002X"


def count(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def unit(db):
    return units.save_unit(db, Unit(name="县委办公室", kind="党委部门"))


def test_save_person_normalises_and_fills_from_the_id_number(db, unit):
    saved = people.save_person(db, Person(name=" 张  三 ", id_number="１１０１０５１９４９１２３１００２ｘ", unit_id=unit.id,
                                          phone="138 1234 5678"))
    back = people.get_person(db, saved.id)
    assert (back.name, back.id_number, back.gender, back.birth_date, back.phone) == (
        "张三", ID, "女", "1949-12-31", "13812345678")
    assert audit.entries(db)[0]["action"] == "保存人员"
    assert ID not in audit.entries(db)[0]["detail"]  # the log never holds a full ID number


def test_a_second_person_with_the_same_id_is_refused_and_nothing_changes(db, unit):
    people.save_person(db, Person(name="张三", id_number=ID, unit_id=unit.id))
    with pytest.raises(ValidationError) as caught:
        people.save_person(db, Person(name="李四", id_number=ID))
    assert "已登记给“张三”（县委办公室）" in caught.value.errors["id_number"]
    assert count(db, "people") == 1


def test_invalid_person_is_refused_with_every_reason(db):
    with pytest.raises(ValidationError) as caught:
        people.save_person(db, Person(name="", id_number="110105194912310021", phone="12"))
    assert set(caught.value.errors) == {"name", "id_number"}  # a phone number of no known form is kept
    assert count(db, "people") == 0
    saved = people.save_person(db, Person(name="张三", id_number=ID, phone="12", rank="主任科员"))
    assert (saved.phone, saved.rank) == ("12", "主任科员")


def test_search_by_name_id_phone_and_unit(db, unit):
    people.save_person(db, Person(name="张三", id_number=ID, unit_id=unit.id, phone="13812345678"))
    for text in ("张", "19491231", "1381234", "办公室"):
        assert [p.name for p in people.search_people(db, text)] == ["张三"]
    assert people.search_people(db, "王") == []
    assert people.count_people(db, unit_id=unit.id) == 1


def test_units_are_unique_and_cannot_be_deleted_while_people_belong(db, unit):
    with pytest.raises(ValidationError, match="已存在"):
        units.save_unit(db, Unit(name="县委办公室"))
    people.save_person(db, Person(name="张三", id_number=ID, unit_id=unit.id))
    with pytest.raises(UserError, match="还有1名人员"):
        units.delete_unit(db, unit.id)
    assert count(db, "units") == 1


def _class_with_period(db):
    training_class = classes.save_draft(db, classes.ClassDraft(TrainingClass(name="科级干部培训班", kind="主体班")))
    period = classes.save_period(db, Period(training_class.id, 1, "2020-05-11", "2020-05-25"))
    return training_class, period


def test_periods_of_one_class_may_not_overlap_or_share_a_number(db):
    training_class, _ = _class_with_period(db)
    with pytest.raises(ValidationError, match="时间重叠"):
        classes.save_period(db, Period(training_class.id, 2, "2020-05-20", "2020-05-30"))
    with pytest.raises(ValidationError, match="已有第1期"):
        classes.save_period(db, Period(training_class.id, 1, "2020-10-12", "2020-10-26"))
    classes.save_period(db, Period(training_class.id, 2, "2020-10-12", "2020-10-26"))
    assert [p.number for p in classes.list_periods(db)] == [1, 2]


def test_enrolling_the_same_person_twice_is_refused(db, unit):
    _, period = _class_with_period(db)
    person = people.save_person(db, Person(name="张三", id_number=ID, unit_id=unit.id))
    assert len(roster.add_people(db, period.id, [person.id]).added) == 1
    again = roster.add_people(db, period.id, [person.id])
    assert again.added == [] and again.refused == {person.id: "“张三”已在本期名单中"}
    assert [(e.name, e.unit_name) for e in roster.roster(db, period.id)] == [("张三", "县委办公室")]
    with pytest.raises(UserError, match="1条参训记录"):
        people.delete_person(db, person.id)


def test_check_and_backup(tmp_path, demo_file):
    db = database.open_database(demo_file)
    assert database.check(db) == []
    copy = database.backup(db, tmp_path / "备份 文件夹")
    assert copy.parent.name == "备份 文件夹" and copy.suffix == ".db"
    restored = database.open_database(copy)
    assert database.counts(restored) == database.counts(db)
