"""Reading people with their unit's name: search as you type, filters, and pages of a large archive.

The archive may hold 100,000 people, so a search never sorts the whole table: a few matches are
read at once and sorted; many matches are read page by page in index order (units by their display
order, then names by pinyin initials), which SQLite delivers without sorting when told to walk units first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.idcard import normalize_id
from app.domain.models import Person
from app.domain.text import clean, clean_code
from app.storage import dialect, tables
from app.storage.connection import Database
from app.storage.records import from_row, rows

_SELECT = """SELECT p.*, coalesce(u.name, '') AS unit_name
FROM people p LEFT JOIN units u ON u.id = p.unit_id"""
_ORDER = "coalesce(u.sort_order, 1e18), u.id, p.name_initials, p.name, p.id_number"
# SQLite walks units in display order and each unit's people by name (index people_unit_name).


def _in_units(db: Database) -> str:
    return f"SELECT p.id FROM units u {dialect.join_in_this_order(db)} people p ON p.unit_id = u.id"


_IN_UNITS_ORDER = "u.sort_order, u.id, p.name_initials, p.name, p.id_number"
SMALL = 5000  # up to this many matches are sorted at once; more are read in index order
SMALL_SPREAD = 500  # the same for digits and pinyin initials, whose matches are spread over every unit


@dataclass(frozen=True)
class PeopleFilter:
    text: str = ""
    unit_id: int | None = None
    rank: str = ""
    cadre_category: str = ""


def _text_parts(db: Database, text: str) -> list[tuple[str, list]]:
    """What the typed text means, as alternatives (a person matches any one): an ID or phone (digits),
    pinyin initials (letters), or a part of a name or of a unit's name.

    Each alternative is served by an index: a whole ID by its unique index, the start of an ID by the same,
    three or more digits anywhere in an ID or phone by the trigram index, initials by theirs, a part of a
    name by the name index (dialect.name_holds), a part of a unit's name by the small units table."""
    code = clean_code(text)
    if re.fullmatch(r"\d{17}[\dXx]|\d{15}", code):
        return [("p.id_number = ?", [normalize_id(code)])]
    if re.fullmatch(r"[\d\-]+[Xx]?", code):
        starts = ("p.id_number >= ? AND p.id_number < ?", [code.upper(), code.upper() + "\x7f"])
        return [starts, dialect.digits_hold(db, code.upper())] if len(code) >= 3 else [starts]
    if re.fullmatch(r"[A-Za-z]+", code):
        low = code.lower()
        return [("p.name_initials >= ? AND p.name_initials < ?", [low, low + "\x7f"])]
    words = clean(text)
    units = [row[0] for row in db.execute(f"SELECT id FROM units WHERE {dialect.contains(db, 'name')}", [words]).fetchall()]
    in_units = [(f"p.unit_id IN ({', '.join('?' * len(units))})", units)] if units else []
    return [*in_units, dialect.name_holds(db, words.replace(" ", ""))]


def _spread(found: PeopleFilter) -> bool:
    """Matches of ID or phone digits or of pinyin initials turn up in every unit, so a walk in the official
    order fills a page soon; a unit's name or a rank gathers its matches in a few units, maybe the last."""
    return bool(re.fullmatch(r"[\w\s-]*", found.text, re.ASCII)) and not (found.rank or found.cadre_category)


@dataclass
class _Where:
    filters: list[tuple[str, list]]  # all must hold
    either: list[tuple[str, list]]  # any one must hold (the typed text's meanings); empty: no text

    @property
    def parts(self) -> list[tuple[str, list]]:
        either = [(" OR ".join(f"({c})" for c, _ in self.either), [v for _, p in self.either for v in p])]
        return self.filters + (either if self.either else [])

    @property
    def condition(self) -> str:
        return " AND ".join(f"({c})" for c, _ in self.parts)

    @property
    def params(self) -> list:
        return [v for _, p in self.parts for v in p]

    def count(self, db: Database) -> int:
        """The matches, counted alternative by alternative (each by its index, without those already
        counted), not by one scan testing every alternative on every row."""
        total, before = 0, []
        for condition, params in self.either or [("1 = 1", [])]:
            parts = [*self.filters, (condition, params)]
            parts += [(f"NOT coalesce(({c}), FALSE)", p) for c, p in before]
            sql = "SELECT count(*) FROM people p WHERE " + " AND ".join(f"({c})" for c, _ in parts)
            total += db.execute(sql, [v for _, p in parts for v in p]).fetchone()[0]
            before.append((condition, params))
        return total


def _where(db: Database, found: PeopleFilter) -> _Where:
    filters = [(f"p.{column} = ?", [value]) for column, value in
               (("unit_id", found.unit_id), ("rank", found.rank), ("cadre_category", found.cadre_category))
               if value not in (None, "")]
    return _Where(filters, _text_parts(db, found.text) if found.text.strip() else [])


def _people(db: Database, sql: str, params: list) -> list[Person]:
    return [from_row(Person, row) for row in rows(db, sql, params)]


def _by_ids(db: Database, ids: list[int]) -> list[Person]:
    """The people with these ids, in this order."""
    if not ids:
        return []
    found = {p.id: p for p in _people(db, f"{_SELECT} WHERE {dialect.in_list(db, 'p.id')}", [dialect.json_list(db, ids)])}
    return [found[i] for i in ids if i in found]


class PeoplePages:
    """The people matching a filter, read a page at a time; `total` is known at once.

    An index counts the matches. Up to SMALL (or SMALL_SPREAD) matches are sorted and read by id; more
    are read in index order with the filter applied, which stops as soon as a page is full.
    """

    def __init__(self, db: Database, found: PeopleFilter = PeopleFilter()):
        self.db = db
        where = _where(db, found)
        self.condition, self.params = where.condition, where.params
        self._ids: list[int] | None = None
        self.total = where.count(db)
        if not self.condition:
            return
        if self.total <= (SMALL_SPREAD if _spread(found) else SMALL):
            sql = f"""SELECT p.id FROM people p LEFT JOIN units u ON u.id = p.unit_id
                      WHERE {self.condition} ORDER BY {_ORDER}"""
            self._ids = [row[0] for row in db.execute(sql, self.params).fetchall()]

    def page(self, offset: int, limit: int) -> list[Person]:
        if self._ids is not None:
            return self._by_ids(self._ids[offset:offset + limit])
        where = f" WHERE {self.condition}" if self.condition else ""
        ids = self.db.execute(f"{_in_units(self.db)}{where} ORDER BY {_IN_UNITS_ORDER} LIMIT ? OFFSET ?",
                              [*self.params, limit, offset]).fetchall()
        found = self._by_ids([row[0] for row in ids])
        if len(found) < limit:
            found += self._without_unit(offset, limit, found)
        return found

    def _by_ids(self, ids: list[int]) -> list[Person]:
        return _by_ids(self.db, ids)

    def _without_unit(self, offset: int, limit: int, found: list[Person]) -> list[Person]:
        """People with no unit come after everyone else."""
        where = f" AND {self.condition}" if self.condition else ""
        if found:
            in_units = offset + len(found)
        else:
            in_units = self.db.execute(f"SELECT count(*) FROM people p WHERE p.unit_id IS NOT NULL{where}",
                                       self.params).fetchone()[0]
        sql = f"{_SELECT} WHERE p.unit_id IS NULL{where} ORDER BY p.name_initials, p.name, p.id_number LIMIT ? OFFSET ?"
        return _people(self.db, sql, [*self.params, limit - len(found), max(0, offset - in_units)])


def search(db: Database, text: str = "", unit_id: int | None = None,
           limit: int = -1, offset: int = 0, rank: str = "", cadre_category: str = "") -> list[Person]:
    pages = PeoplePages(db, PeopleFilter(text, unit_id, rank, cadre_category))
    return pages.page(offset, pages.total if limit < 0 else limit)


def count(db: Database, text: str = "", unit_id: int | None = None, rank: str = "", cadre_category: str = "") -> int:
    return PeoplePages(db, PeopleFilter(text, unit_id, rank, cadre_category)).total


def by_id_number(db: Database, id_number: str) -> Person | None:
    found = rows(db, f"{_SELECT} WHERE p.id_number = ?", [id_number])
    return from_row(Person, found[0]) if found else None


def by_id_numbers(db: Database, id_numbers: list[str]) -> dict[str, Person]:
    """The people holding any of these ID numbers, by number (one query per 500 numbers)."""
    found: dict[str, Person] = {}
    if db.execute("SELECT count(*) FROM people").fetchone()[0] <= 5 * len(id_numbers):
        # a list as long as a fifth of the archive: one pass over the numbers beats thousands of look-ups
        known = {row[0] for row in db.execute("SELECT id_number FROM people")}
        id_numbers = [number for number in id_numbers if number in known]
    for start in range(0, len(id_numbers), 500):
        chunk = dialect.json_list(db, id_numbers[start:start + 500])
        for person in _people(db, f"{_SELECT} WHERE {dialect.in_list(db, 'p.id_number')}", [chunk]):
            found[person.id_number] = person
    return found


def in_group(db: Database, categories: list[str], ranks: list[str]) -> list[Person]:
    """The people of a target group (in any of the cadre categories and any of the ranks; an empty list allows
    any), in the official order."""
    conditions, params = [], []
    for column, values in (("p.cadre_category", categories), ("p.rank", ranks)):
        if values:
            conditions.append(dialect.in_list(db, column))
            params.append(dialect.json_list(db, values))
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return _people(db, f"{_SELECT}{where} ORDER BY {_ORDER}", params)


def count_in_unit(db: Database, unit_id: int) -> int:
    return tables.people(db).count("unit_id = ?", [unit_id])


def quick_find(db: Database, text: str, limit: int) -> list[Person]:
    """A few people for the global search: by pinyin initials (letters), ID number or phone (digits), else
    by a part of the name. Stops at `limit`; every case is served by an index, quick on 100,000 people."""
    code = clean_code(text)
    if re.fullmatch(r"[A-Za-z]+", code):
        condition, params = "p.name_initials >= ? AND p.name_initials < ?", [code.lower(), code.lower() + "\x7f"]
    elif re.fullmatch(r"[\d\-]+[Xx]?", code):
        where = _Where([], _text_parts(db, code))
        condition, params = where.condition, where.params
    else:
        condition, params = dialect.name_holds(db, clean(text).replace(" ", ""))
    ids = [row[0] for row in db.execute(f"SELECT p.id FROM people p WHERE {condition} LIMIT ?", [*params, limit])]
    return _by_ids(db, ids)
