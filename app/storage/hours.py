"""Hours (学时): records entered or imported, what closed periods credited each person per year, the people
a ledger covers, and one person's closed periods of a year."""
from __future__ import annotations

from typing import Iterable

from app.domain.models import HoursRecord
from app.storage import conditions, dialect, tables
from app.storage.connection import Database
from app.storage.records import rows
from app.storage.writers import STAMP_COLUMNS, stamps

ONLINE = "网络学习"


def records_of(db: Database, person_id: int) -> list[HoursRecord]:
    """The person's records, newest first."""
    return tables.hours_records(db).where("person_id = ?", [person_id], order_by="year DESC, date DESC, id")


def add_records(db: Database, found: Iterable[tuple[int, int, float, str, str, str]]) -> None:
    """New records (person, year, hours, kind, source, date) in one statement run."""
    stamp = tuple(stamps(db))
    db.executemany(f"INSERT INTO hours_records (person_id, year, hours, kind, source, date, {STAMP_COLUMNS}) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ((*row, *stamp) for row in found))


def _only(column: str, person_id: int | None) -> tuple[str, list[int]]:
    return ("", []) if person_id is None else (f" AND {column} = ?", [person_id])


def class_hours(db: Database, first_year: int, year: int, person_id: int | None = None) -> list[dict]:
    """Per person and year (the year the period ended): hours credited by closed periods, and the days of
    those completed (结业)."""
    days = dialect.days_from_to(db, "p.start_date", "p.end_date")
    only, params = _only("e.person_id", person_id)
    return rows(db, f"""SELECT e.person_id, CAST(substr(p.end_date, 1, 4) AS INTEGER) AS year, sum(e.hours) AS hours,
                               sum(CASE WHEN {conditions.completed()} THEN {days} ELSE 0 END) AS days
                        FROM enrollments e JOIN periods p ON p.id = e.period_id
                        WHERE {conditions.closed("p")} AND substr(p.end_date, 1, 4) BETWEEN ? AND ?{only}
                        GROUP BY e.person_id, CAST(substr(p.end_date, 1, 4) AS INTEGER)""",
                [str(first_year), str(year), *params])


def other_hours(db: Database, first_year: int, year: int, person_id: int | None = None) -> list[dict]:
    """Per person and year: the hours of records, online (网络学习) and other."""
    online = f"kind = {conditions.literal(ONLINE)}"
    only, params = _only("person_id", person_id)
    return rows(db, f"""SELECT person_id, year, sum(CASE WHEN {online} THEN hours ELSE 0 END) AS online,
                               sum(CASE WHEN {online} THEN 0 ELSE hours END) AS other
                        FROM hours_records WHERE year BETWEEN ? AND ?{only}
                        GROUP BY person_id, year""", [first_year, year, *params])


def ledger_people(db: Database, person_id: int | None = None) -> list[tuple[int, str, str, str, str, int]]:
    """Everyone (or one person) as (id, name, rank, promotion date, unit name, unit order), in the official
    order (units by their order, each unit's people by pinyin initials; people without a unit last), read
    along the indexes without sorting 100,000 rows; tuples, not dicts, for the same reason."""
    columns = "p.id, p.name, p.rank, p.rank_since"
    if person_id is not None:
        return db.execute(f"""SELECT {columns}, coalesce(u.name, ''), CAST(coalesce(u.sort_order, 1e9) AS INTEGER)
                              FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ?""",
                          [person_id]).fetchall()
    in_units = db.execute(f"""SELECT {columns}, u.name, u.sort_order FROM units u
                              {dialect.join_in_this_order(db)} people p ON p.unit_id = u.id
                              ORDER BY u.sort_order, u.id, p.name_initials, p.name, p.id_number""").fetchall()
    return in_units + db.execute(f"""SELECT {columns}, '', 1000000000 FROM people p WHERE p.unit_id IS NULL
                                     ORDER BY p.name_initials, p.name, p.id_number""").fetchall()


def closed_periods_of(db: Database, person_id: int, year: int) -> list[dict]:
    """The person's periods closed that year (by end date): class, number, dates, status and hours."""
    return rows(db, f"""SELECT c.name, p.number, p.start_date, p.end_date, e.status, e.hours
                        FROM enrollments e JOIN periods p ON p.id = e.period_id
                        JOIN training_classes c ON c.id = p.class_id
                        WHERE e.person_id = ? AND {conditions.closed("p")} AND substr(p.end_date, 1, 4) = ?
                        ORDER BY p.start_date""", [person_id, str(year)])
