"""Two clerks importing at once on a server database (issue 23): two units' lists into one period both land,
a person on both lists is added and enrolled once, the new people's ids do not collide, and the seats are
counted as they stand once both are in. Each import is one transaction; the second waits for the first."""
from __future__ import annotations

import threading

import pytest

from app.domain.models import Person
from app.services import database
from app.services.importing.pipeline import import_file
from app.services.importing.plan import ImportOptions
from app.storage import tables
from tests.roster_files import person, write_xlsx

pytestmark = pytest.mark.server_only


def _lists(tmp_path):
    finance = [person(f"财{i}", "1986-03-0" + str(1 + i), 301 + 2 * i, "县财政局") for i in range(6)]
    township = [person(f"乡{i}", "1987-04-0" + str(1 + i), 401 + 2 * i, "青龙乡") for i in range(6)]
    both = person("两边都报", "1985-05-05", 501, "县财政局")
    return (write_xlsx(tmp_path / "县财政局.xlsx", [*finance, both]),
            write_xlsx(tmp_path / "青龙乡.xlsx", [*township, both]))


def test_two_units_lists_imported_at_once_into_one_period_both_land(demo_db, tmp_path):
    url = demo_db.url
    period = demo_db.execute("SELECT id FROM periods WHERE status = '筹备' ORDER BY id LIMIT 1").fetchone()[0]
    before = demo_db.execute("SELECT count(*) FROM enrollments WHERE period_id = ?", [period]).fetchone()[0]
    demo_db.execute("UPDATE periods SET capacity = ? WHERE id = ?", [before + 10, period])
    start, results, failures = threading.Barrier(2), [], []

    def clerk(path):
        try:
            with database.open_database(url) as db:
                start.wait()
                results.append(import_file(db, path, ImportOptions(mode="add-update", period_id=period))[1])
        except Exception as error:  # pragma: no cover - what the test reports when one import fails
            failures.append(error)

    threads = [threading.Thread(target=clerk, args=(path,)) for path in _lists(tmp_path)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == [] and len(results) == 2
    assert sorted(r.enrolled for r in results) == [6, 7] and sum(r.already for r in results) == 1
    assert demo_db.execute("SELECT count(*) FROM enrollments WHERE period_id = ?", [period]).fetchone()[0] == before + 13
    assert demo_db.execute("SELECT count(*) FROM people WHERE name = '两边都报'").fetchone()[0] == 1
    later = max(results, key=lambda r: len(r.seat_warnings))
    assert later.seat_warnings == [f"本期容量{before + 10}人，现有{before + 13}人，超出3人"]
    with demo_db.atomic():  # a person added by hand afterwards takes the next id, after the imported ones
        top = demo_db.execute("SELECT max(id) FROM people").fetchone()[0]
        assert tables.people(demo_db).insert(Person(name="手工录入", id_number="500236199001011234")).id == top + 1
