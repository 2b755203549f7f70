"""Records as plain dicts for the command line's --json output (stable keys other tools rely on)."""
from __future__ import annotations

from dataclasses import asdict

from app.domain.models import ClassRow, PeriodRow, Person
from app.services.classes import class_contacts
from app.services.plans import PlanOutline
from app.services.rule_checks import warnings_for
from app.storage.connection import Database


def _contact_json(contact) -> dict:
    return {"org": contact.org, "name": contact.name, "phone": contact.phone, "fax": contact.fax}


def plan_json(outline: PlanOutline) -> dict:
    plan = asdict(outline.plan)
    plan["sections"] = [
        {"number": s.section.number, "title": s.section.title,
         "items": [{"number": i.number, "title": i.title, "body": i.body} for i in s.items]}
        for s in outline.sections
    ]
    plan["contacts"] = [_contact_json(c) for c in outline.contacts]
    return plan


def period_json(period: PeriodRow) -> dict:
    return {"id": period.id, "class_id": period.class_id, "class_name": period.class_name,
            "number": period.number, "start": period.start_date, "end": period.end_date,
            "days": period.days, "status": period.status, "capacity": period.capacity,
            "report_time": period.report_time, "report_place": period.report_place, "place": period.place,
            "enrolled": period.enrolled}


def class_json(db: Database, training_class: ClassRow, periods: list[PeriodRow]) -> dict:
    record = asdict(training_class)
    record["plan"] = record.pop("plan_title")
    record["unit"] = record.pop("unit_name")  # the unit that runs a 单位自办 class, else ""
    record["planned_trainees"] = training_class.planned_trainees
    record["periods"] = [period_json(p) for p in periods]
    record["contacts"] = [_contact_json(c) for c in class_contacts(db, training_class.id)]
    record["warnings"] = [{"rule": w.rule, "message": w.message}
                          for w in warnings_for(db, training_class, periods)]
    return record


def person_json(person: Person) -> dict:
    record = asdict(person)
    record["unit"] = record.pop("unit_name")
    return record
