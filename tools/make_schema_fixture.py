"""Makes tests/fixtures/schema_v4.db: a small office in the schema as version 4 left it (m001 … m004, before
pinyin initials and the people index), for the upgrade test (tests/app/test_upgrade.py).

The file is made once and committed; rerunning this makes a different file (new dates in the audit log, the
demo as today's code builds it) that the test's counts may not fit. The office is the demo's (seeds/, with
200 people and a tenth of the seats filled to keep the file small), built with today's code in memory, then
copied column by column into a file that holds only the first migrations, and marked as that version's
program marked it (application_id, user_version, the migrations it ran). Three people whose initials follow
the surname rules are added, so the test sees m005's surname readings. Written without WAL, and vacuumed.

    python tools/make_schema_fixture.py
"""
from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from app.services import demo  # noqa: E402
from app.storage.db import APPLICATION_ID, memory_db  # noqa: E402
from app.storage.migrations import runner  # noqa: E402

TARGET = ROOT / "tests" / "fixtures" / "schema_v4.db"
FIRST_MISSING = "m005_people_pinyin"
VERSION = 4
SMALLER = {"people.json": {"count": 200}, "office.json": {"fill_share": 0.1}}  # the demo has 600 and 0.6
SURNAME_READINGS = [  # name, ID number (valid check digits), as m005 reads them: zgf, ycjd, sxx
    ("曾国藩", "110105194912310011"),
    ("尉迟敬德", "500236198503150011"),
    ("单雄信", "500236199001010013"),
]


def demo_office(folder: Path) -> Path:
    """The demo office in today's schema, in a file to copy from."""
    seed = demo.load_seed

    def smaller(name: str):
        data = seed(name)  # a list (units) or a dict
        return dict(data, **SMALLER[name]) if name in SMALLER else data

    demo.load_seed = smaller
    try:
        db = memory_db()
        demo.build_demo(db)
    finally:
        demo.load_seed = seed
    source = folder / "office.db"
    db.execute(f"VACUUM INTO '{source}'")
    db.close()
    return source


def old_file(source: Path) -> None:
    TARGET.unlink(missing_ok=True)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    db = Database(sqlite3.connect(TARGET, isolation_level=None))
    runner().apply(db, stop_before=FIRST_MISSING)
    db.execute("PRAGMA foreign_keys = OFF")  # rows go table by table; checked as a whole below
    db.execute("ATTACH DATABASE ? AS office", [str(source)])
    with db.atomic():
        for table in db.table_names():
            if table.startswith(("_", "sqlite_")):
                continue
            columns = ", ".join(f'"{column}"' for column in db[table].columns_dict)
            db.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM office.{table}")
        db.conn.executemany("INSERT INTO people (name, id_number, gender) VALUES (?, ?, '男')", SURNAME_READINGS)
    db.execute("DETACH DATABASE office")
    if db.execute("PRAGMA foreign_key_check").fetchall():
        raise SystemExit("the copied office refers to rows it does not hold")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {VERSION}")
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("VACUUM")
    db.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        old_file(demo_office(Path(folder)))
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
