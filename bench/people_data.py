"""A database with the demo office and about 100,000 generated people, shared by the benchmarks."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services import database, demo  # noqa: E402
from app.services.demo_people import generate_people  # noqa: E402
from app.storage import tables  # noqa: E402
from app.storage.records import to_row  # noqa: E402


def people_database(path: Path, count: int = 100_000, seed: int = 7):
    """The demo office plus `count` generated people in a new database file at path."""
    path.unlink(missing_ok=True)
    db = database.open_locked(path, create=True)
    demo.build_demo(db)
    params = dict(demo.load_seed("people.json"), count=count, seed=seed)
    taken = {row[0] for row in db.execute("SELECT id_number FROM people")}
    people = [p for p in generate_people(params, tables.units(db).where()) if p.id_number not in taken]
    columns = list(to_row(people[0]))
    with db.atomic():
        db.conn.executemany(f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            [list(to_row(p).values()) for p in people])
    return db
