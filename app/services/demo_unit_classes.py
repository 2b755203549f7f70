"""The demo's units' own classes (单位自办, seeds/unit_classes.json), filed as the import files them: one closed
period each, the unit's own people 结业 with their 学时, nobody booked in two places at once."""
from __future__ import annotations

import json
import random

from app.config import seed_file
from app.domain.models import Person, Unit
from app.services.unit_classes.importer import file_class
from app.storage.connection import Database

Busy = dict[int, list[tuple[str, str]]]  # person -> (start, end) of the periods they are booked into


def file_unit_classes(db: Database, units: list[Unit], people: list[Person], busy: Busy, rng: random.Random) -> int:
    with open(seed_file("unit_classes.json"), encoding="utf-8") as handle:
        found = json.load(handle)
    by_name = {unit.name: unit for unit in units}
    for data in found:
        unit = by_name[data["unit"]]
        free = [p for p in people if p.unit_id == unit.id and all(
            end < data["start"] or start > data["end"] for start, end in busy.get(p.id, []))]
        chosen = rng.sample(free, min(len(free), data["trainees"]))
        for person in chosen:
            busy.setdefault(person.id, []).append((data["start"], data["end"]))
        file_class(db, unit, data["name"], data["start"], data["end"],
                   [(p.id, float(data["hours"]), "") for p in chosen], "单位报送，示范数据")
    return len(found)
