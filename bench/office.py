"""A demo office with one period of N trainees, for the benchmarks (run from anywhere)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.domain.models import Enrollment  # noqa: E402
from app.services import database, demo  # noqa: E402
from app.services.demo_people import generate_people  # noqa: E402
from app.storage import tables  # noqa: E402

EMPTY_PERIOD = ("人才研修班", 1)  # a demo period nobody is in yet


def office_with_period(path: Path, trainees: int) -> int:
    """Builds the demo office at path and fills one period with `trainees` new people; returns its id."""
    db = database.open_locked(path, create=True)
    try:
        demo.build_demo(db)
        period_id = db.execute("""SELECT pe.id FROM periods pe JOIN training_classes c ON c.id = pe.class_id
                                  WHERE c.name = ? AND pe.number = ?""", EMPTY_PERIOD).fetchone()[0]
        params = {**demo.load_seed("people.json"), "seed": 7, "count": trainees * 2}
        known = {row[0] for row in db.execute("SELECT id_number FROM people")}
        fresh = [p for p in generate_people(params, tables.units(db).where("1")) if p.id_number not in known]
        with db.atomic():
            for person in fresh[:trainees]:
                person = tables.people(db).insert(person)
                tables.enrollments(db).insert(Enrollment(period_id, person.id, person.unit_id, "已选调"))
        return period_id
    finally:
        db.close()
