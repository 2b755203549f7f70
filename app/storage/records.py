"""One table of dataclass records: get, all, insert, update, delete, with nothing table-specific.

A record is written as its table's dataclass: a read row (a subclass carrying joined fields, such as
PeriodRow) is written without them. `where` and `count` take SQL conditions and are for app/storage
only; services and the window use the named queries of the storage module of their area.

A record with a version (the `stamp` fields: version, changed_by, changed_at) is saved only over the version
it was read with: `UPDATE … SET …, version = version + 1 … WHERE id = ? AND version = ?`. When the version
moved (someone else saved it since) the save is refused with StaleRecord naming who and when; a record read
without its version (0) is saved over whatever is there, and still counted. Inserts start at version 1.
"""
from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, Generic, Iterable, TypeVar

from app.domain.errors import NotFound, RecordDeleted, StaleRecord
from app.storage import writers
from app.storage.connection import Database

T = TypeVar("T")


def stored_fields(cls: type) -> list[str]:
    """The fields that are columns of the record's own table (not id, not joined)."""
    return [f.name for f in fields(cls) if f.name != "id" and not f.metadata.get("joined")
            and not f.metadata.get("stamp")]


def versioned(cls: type) -> bool:
    """Whether the record's table counts its saves (version, changed_by, changed_at)."""
    return any(f.metadata.get("stamp") for f in fields(cls))


def stale_or_gone(db: Database, table: str, label: str, record_id: int | None) -> NotFound | StaleRecord:
    """Why a versioned save matched no row: the record is gone, or someone saved it since (who, when)."""
    found = db.execute(f"SELECT changed_by, changed_at FROM {table} WHERE id = ?", [record_id]).fetchone()
    if found is None:
        return RecordDeleted(label, record_id)
    return StaleRecord(found[0], found[1])


def _stored(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def to_row(record: Any, cls: type | None = None) -> dict[str, Any]:
    """The columns of the record's table (of `cls`, when the record is a read row of it)."""
    return {name: _stored(getattr(record, name)) for name in stored_fields(cls or type(record))}


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    values = {}
    for f in fields(cls):
        if f.name in row:
            value = row[f.name]
            values[f.name] = bool(value) if f.type == "bool" else value
    return cls(**values)


def rows(db: Database, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=False)) for values in cursor.fetchall()]


class Table(Generic[T]):
    """The records of one table, as instances of one dataclass."""

    def __init__(self, db: Database, name: str, cls: type[T], label: str):
        self.db, self.name, self.cls, self.label = db, name, cls, label

    def get(self, record_id: int) -> T:
        found = rows(self.db, f"SELECT * FROM {self.name} WHERE id = ?", [record_id])
        if not found:
            raise NotFound(f"找不到该{self.label}（编号 {record_id}）")
        return from_row(self.cls, found[0])

    def all(self) -> list[T]:
        return self.where()

    def where(self, condition: str = "", params: Iterable[Any] = (), order_by: str = "id") -> list[T]:
        sql = f"SELECT * FROM {self.name}{_where(condition)} ORDER BY {order_by}"
        return [from_row(self.cls, row) for row in rows(self.db, sql, params)]

    @property
    def versioned(self) -> bool:
        return versioned(self.cls)

    def _stamps(self) -> dict[str, Any]:
        return dict(zip(("changed_by", "changed_at"), writers.stamps(self.db), strict=True)) if self.versioned else {}

    def insert(self, record: T) -> T:
        stamps = self._stamps()
        row = {**to_row(record, self.cls), **stamps}
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        new_id = self.db.insert_id(f"INSERT INTO {self.name} ({columns}) VALUES ({marks})", list(row.values()))
        return replace(record, id=new_id, **({"version": 1, **stamps} if stamps else {}))

    def insert_many(self, records: Iterable[T]) -> None:
        """Many new records in one statement run (inside db.atomic()); their ids are not read back."""
        columns, stamps = stored_fields(self.cls), list(self._stamps().items())
        names = [*columns, *(name for name, _ in stamps)]
        sql = f"INSERT INTO {self.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        self.db.executemany(sql, ([*(_stored(getattr(record, column)) for column in columns),
                                        *(value for _, value in stamps)] for record in records))

    def update(self, record: T) -> T:
        """Saves the record; a versioned one only over the version it was read with (see the module)."""
        row = to_row(record, self.cls)
        assignments = ", ".join(f"{column} = ?" for column in row)
        if not self.versioned:
            cursor = self.db.execute(
                f"UPDATE {self.name} SET {assignments} WHERE id = ?", [*row.values(), record.id]
            )
            if cursor.rowcount == 0:
                raise NotFound(f"找不到该{self.label}（编号 {record.id}），可能已被删除")
            return record
        stamps = self._stamps()
        loaded = getattr(record, "version", 0) or 0
        sql = (f"UPDATE {self.name} SET {assignments}, version = version + 1, changed_by = ?, changed_at = ? "
               f"WHERE id = ?{' AND version = ?' if loaded else ''}")
        params = [*row.values(), *stamps.values(), record.id, *([loaded] if loaded else [])]
        if self.db.execute(sql, params).rowcount == 0:
            raise stale_or_gone(self.db, self.name, self.label, record.id)
        version = loaded + 1 if loaded else self.version_of(record.id)
        return replace(record, version=version, **stamps)

    def version_of(self, record_id: int | None) -> int:
        """The version the record has now (0 when it is gone)."""
        found = self.db.execute(f"SELECT version FROM {self.name} WHERE id = ?", [record_id]).fetchone()
        return found[0] if found else 0

    def save(self, record: T) -> T:
        return self.update(record) if record.id else self.insert(record)

    def delete(self, record_id: int) -> None:
        self.db.execute(f"DELETE FROM {self.name} WHERE id = ?", [record_id])

    def count(self, condition: str = "", params: Iterable[Any] = ()) -> int:
        return self.db.execute(f"SELECT count(*) FROM {self.name}{_where(condition)}", list(params)).fetchone()[0]


def _where(condition: str) -> str:
    return f" WHERE {condition}" if condition else ""


def table_counts(db: Any, names: Iterable[str]) -> dict[str, int]:
    """How many rows each of the named tables holds (a sqlite3 connection or a Database)."""
    return {name: db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in names}
