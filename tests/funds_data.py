"""A small office for the funds tests: a 三类 class of 40 planned per period that charges 800 元, a 60-day
period, two units and five people enrolled (three of one unit)."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.models import Period, Person, TrainingClass, Unit
from app.services import classes, people, units
from app.services import roster as roster_service
from tests.roster_files import id_number


@dataclass
class FundsOffice:
    course: TrainingClass
    period: Period
    short: Period
    units: tuple[Unit, Unit]
    enrollments: list[int]


def build(db, *, fee: float = 800.0, enrol: bool = True) -> FundsOffice:
    first = units.save_unit(db, Unit(name="县委办公室", sort_order=10))
    second = units.save_unit(db, Unit(name="县财政局", sort_order=20))
    course = classes.save_draft(db, classes.ClassDraft(TrainingClass(name="中青年干部培训班", kind="主体班",
                                                                     trainees_per_period=40, fee=fee)))
    period = classes.save_period(db, Period(course.id, 1, "2020-03-02", "2020-04-30"))  # 60 days
    short = classes.save_period(db, Period(course.id, 2, "2020-09-01", "2020-09-30"))  # 30 days
    ids = []
    if enrol:
        persons = [people.save_person(db, Person(name=name, id_number=id_number("1980-01-01", i * 2 + 1),
                                                 unit_id=(first, second)[i % 2].id))
                   for i, name in enumerate(["王五", "丁一", "张三", "马六", "于二"])]
        ids = roster_service.add_people(db, period.id, [p.id for p in persons]).added
    return FundsOffice(course, period, short, (first, second), ids)
