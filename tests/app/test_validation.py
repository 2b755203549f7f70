from app.domain.models import Period, Person, TrainingClass, Unit
from app.domain.validation import class_errors, period_errors, person_errors, person_hints, unit_errors

ID = "11010519491231002X"


def person(**changes) -> Person:
    values = dict(name="张三", id_number=ID, gender="女", birth_date="1949-12-31", ethnicity="汉族")
    values.update(changes)
    return Person(**values)


def test_a_consistent_person_has_no_errors():
    assert person_errors(person()) == {}


def test_sex_and_birth_date_must_agree_with_the_id_number():
    errors = person_errors(person(gender="男", birth_date="1950-01-01"))
    assert "号码显示为女" in errors["gender"]
    assert "1949-12-31" in errors["birth_date"]


def test_a_missing_name_is_an_error_but_a_word_that_is_not_standard_only_a_hint():
    odd = person(name=" ", ethnicity="穿青人", phone="123", rank="主任科员")
    assert person_errors(odd) == {"name": "姓名不能为空"}
    hints = person_hints(odd)
    assert set(hints) == {"ethnicity", "phone", "rank"}
    assert hints["rank"].startswith("职级“主任科员”不是标准名称") and "不妨碍保存" in hints["phone"]
    assert person_hints(person(rank="一级科员", ethnicity="汉族", phone="13900000000")) == {}


def test_junk_and_a_sex_other_than_male_or_female_are_errors():
    errors = person_errors(person(name="=HYPERLINK(1)", gender="未知", post="长" * 201, rank="级" * 51))
    assert errors["name"] == "姓名以“=”开头，可能是公式"
    assert errors["gender"] == "性别只能填“男”或“女”"
    assert errors["post"] == "职务过长（共201个字，最多200个字）" and "最多50个字" in errors["rank"]
    assert person_errors(person(name="张" * 31))["name"] == "姓名过长（共31个字，最多30个字）"
    assert person_errors(person(name="张" * 30)) == {}


def test_a_unit_name_is_held_to_100_characters_and_never_a_formula():
    assert unit_errors(Unit(name="局" * 100)) == {}
    assert unit_errors(Unit(name="局" * 101))["name"] == "单位名称过长（共101个字，最多100个字）"
    assert unit_errors(Unit(name="@SUM(A1)"))["name"] == "单位名称以“@”开头，可能是公式"


def test_class_numbers_must_not_be_negative_nor_parts_exceed_the_whole():
    errors = class_errors(TrainingClass(name="班", length_days=-1, total_hours=10, party_spirit_hours=12))
    assert "负数" in errors["length_days"]
    assert "不能超过总课时" in errors["party_spirit_hours"]
    assert class_errors(TrainingClass(name="", kind="夜校")).keys() == {"name", "kind"}


def test_period_dates():
    good = Period(class_id=1, number=1, start_date="2020-03-02", end_date="2020-03-06", report_time="2020-03-02 08:30")
    assert period_errors(good) == {}
    assert "不能早于" in period_errors(Period(1, 1, "2020-03-06", "2020-03-02"))["end_date"]
    assert "有效日期" in period_errors(Period(1, 1, "2020-02-30", "2020-03-02"))["start_date"]
    assert "report_time" in period_errors(Period(1, 1, "2020-03-02", "2020-03-02", report_time="上午"))
