"""Records hold their table's columns; read rows add what the lists join, and are written as their record."""
from dataclasses import fields, replace

from app.domain.models import ClassRow, Enrollment, EnrollmentRow, Period, PeriodRow, TrainingClass, Unit, UnitRow
from app.storage import periods, tables


def test_records_carry_no_joined_fields():
    assert not {"class_name", "class_kind", "enrolled"} & {f.name for f in fields(Period)}
    assert not {"person_name", "unit_name"} & {f.name for f in fields(Enrollment)}
    assert "plan_title" not in {f.name for f in fields(TrainingClass)}
    assert "people_count" not in {f.name for f in fields(Unit)}
    assert all(issubclass(row, record) for row, record in
               ((PeriodRow, Period), (EnrollmentRow, Enrollment), (ClassRow, TrainingClass), (UnitRow, Unit)))


def test_a_read_row_is_written_as_its_record(db):
    training_class = tables.classes(db).insert(TrainingClass("班"))
    row = PeriodRow(training_class.id, 1, "2020-03-02", "2020-03-06", class_name="别的名字", enrolled=99)
    saved = tables.periods(db).insert(row)
    tables.periods(db).update(replace(saved, capacity=30, class_name="又一个", enrolled=7))
    listed = periods.list_periods(db, class_id=training_class.id)
    assert [(p.class_name, p.enrolled, p.capacity) for p in listed] == [("班", 0, 30)]
    assert type(tables.periods(db).get(saved.id)) is Period
