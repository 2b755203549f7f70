from app.domain.models import Period, Person, TrainingClass
from app.domain.validation import class_errors, period_errors, person_errors

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


def test_required_and_listed_fields():
    errors = person_errors(person(name=" ", ethnicity="火星族", phone="123", rank="大官"))
    assert set(errors) == {"name", "ethnicity", "phone", "rank"}
    assert errors["name"] == "姓名不能为空"


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
