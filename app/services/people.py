"""People in the archive: search, save with the ID number as the source of birth date and sex."""
from __future__ import annotations

from dataclasses import replace

from app.domain import validation
from app.domain.errors import UserError, ValidationError
from app.domain.idcard import IdNumberError, mask_id, normalize_id, parse_id
from app.domain.models import Person
from app.domain.phone import normalize_phone
from app.domain.text import clean, clean_name
from app.domain.validation import person_errors
from app.services.safety import audit
from app.storage import people as people_queries
from app.storage import roster, tables
from app.storage.connection import Database

search_people = people_queries.search
count_people = people_queries.count
by_id_number = people_queries.by_id_number
PeopleFilter = people_queries.PeopleFilter
PeoplePages = people_queries.PeoplePages
attendance = roster.attendance  # every period a person was on the roster of
person_hints = validation.person_hints  # worth a look but no bar to saving: a word that is not standard


def get_person(db: Database, person_id: int) -> Person:
    return tables.people(db).get(person_id)


def normalized(person: Person) -> Person:
    """Trimmed fields, an 18-digit ID, and birth date and sex filled from the ID when left empty."""
    person = replace(
        person,
        name=clean_name(person.name),
        id_number=normalize_id(person.id_number),
        phone=normalize_phone(person.phone),
        post=clean(person.post),
        notes=clean(person.notes),
        name_initials="",
    )
    try:
        info = parse_id(person.id_number)
    except IdNumberError:
        return person
    return replace(person, birth_date=person.birth_date or info.birth_iso, gender=person.gender or info.sex)


def person_problems(db: Database, person: Person) -> dict[str, str]:
    """What is wrong with a normalised person, the ID number held by someone else included."""
    errors = person_errors(person)
    same = people_queries.by_id_number(db, person.id_number) if "id_number" not in errors else None
    if same and same.id != person.id:
        errors["id_number"] = f"身份证号码已登记给“{same.name}”（{same.unit_name or '无单位'}）"
    return errors


def save_person(db: Database, person: Person) -> Person:
    person = normalized(person)
    if errors := person_problems(db, person):
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.people(db).save(person)
        audit.record(db, "保存人员", "person", saved.id, f"{saved.name} {mask_id(saved.id_number)}")
    return saved


def delete_person(db: Database, person_id: int) -> None:
    person = get_person(db, person_id)
    taken = roster.count_of_person(db, person_id)
    if taken:
        raise UserError(f"“{person.name}”有{taken}条参训记录，不能删除")
    with db.atomic():
        tables.people(db).delete(person_id)
        audit.record(db, "删除人员", "person", person_id, f"{person.name} {mask_id(person.id_number)}")
