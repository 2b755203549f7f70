"""Period and enrollment statuses: the enums hold the words data/vocab.json lists, in its order, and the
"active trainee" rule gives the same answer in Python and in SQL."""
from app.domain import vocab
from app.domain.models import Enrollment, Period, Person, TrainingClass
from app.domain.status import ACTIVE, CAME, COVERED, INACTIVE, SELECTED, EnrollmentStatus, PeriodStatus
from app.storage import roster, tables


def test_the_enums_hold_the_vocabulary_in_its_order():
    assert tuple(PeriodStatus) == vocab.words("period_statuses")
    assert tuple(EnrollmentStatus) == vocab.words("enrollment_statuses")


def test_members_are_the_stored_words():
    assert PeriodStatus.CLOSED == "结班" and f"{PeriodStatus.CLOSED}" == "结班"
    assert EnrollmentStatus("已替换") is EnrollmentStatus.REPLACED


def test_active_is_everyone_but_the_replaced_and_withdrawn():
    assert INACTIVE == {"已替换", "退学"}
    assert ACTIVE | INACTIVE == set(EnrollmentStatus) and not ACTIVE & INACTIVE
    assert [s for s in EnrollmentStatus if EnrollmentStatus.is_active(s)] == [s for s in EnrollmentStatus if s in ACTIVE]
    assert SELECTED <= ACTIVE and CAME <= ACTIVE and COVERED <= ACTIVE


def test_predicates():
    assert PeriodStatus.is_closed("结班") and not PeriodStatus.is_closed("开班")
    assert EnrollmentStatus.is_selected("拟选调") and not EnrollmentStatus.is_selected("已报到")
    assert EnrollmentStatus.earns_no_hours("缺训") and EnrollmentStatus.earns_no_hours("退学")
    assert not EnrollmentStatus.earns_no_hours("结业")


def test_sql_and_python_agree_on_who_holds_a_seat(db):
    training_class = tables.classes(db).insert(TrainingClass("班"))
    period = tables.periods(db).insert(Period(training_class.id, 1, "2020-03-02", "2020-03-06"))
    for number, status in enumerate(EnrollmentStatus):
        person = tables.people(db).insert(Person(f"人{number}", f"ID{number}"))
        tables.enrollments(db).insert(Enrollment(period.id, person.id, status=status))
    assert roster.active_count(db, period.id) == len(ACTIVE)
    assert {line.status for line in roster.roster_lines(db, period.id) if line.active} == ACTIVE
