"""The audit log: who did what to which record, and when. Never holds a full ID number.

Entries are read back with the records they point at named as the clerk knows them ("县管副职领导干部进修班
第1期", not "期次21"): worked out when read, so the stored rows stay as they were written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.idcard import mask_id
from app.storage import audit as stored
from app.storage import writers
from app.storage.connection import Database

# An 18-digit (or old 15-digit) ID number anywhere in a detail, such as a file named after a person.
_ID_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")


def record(db: Database, action: str, entity: str = "", entity_id: int | None = None, detail: str = "") -> None:
    stored.add_entry(db, writers.now(), writers.writer_name(db), action, entity, entity_id, masked(detail))


def can_record(db: Database) -> bool:
    """False for a database opened read-only (another computer holds it): nothing can be written there."""
    return stored.can_write(db)


def masked(text: str) -> str:
    """The text with every ID number in it masked (110101********1234)."""
    return _ID_NUMBER.sub(lambda match: mask_id(match.group()), text or "")


# A document's scope as record_output writes it: （期次21，单位5）.
_SCOPE = re.compile(r"(期次|单位|计划|人员|授课人)(\d+)")
_SCOPE_ENTITY = {"期次": "period", "单位": "unit", "计划": "plan", "人员": "person", "授课人": "lecturer"}


@dataclass(frozen=True)
class _Name:
    label: str  # as the clerk knows it: 县管副职领导干部进修班 第1期; 张三（县管副职领导干部进修班 第1期）
    parts: tuple[str, ...]  # a detail holding all of these already names the record


def entries(db: Database, limit: int = 500) -> list[dict]:
    """The newest entries, each with `shown`: its detail with the records it points at named."""
    found = stored.newest(db, limit)
    names = _names(db, found)
    for entry in found:
        entry["shown"] = shown(entry, names)
    return found


def shown(entry: dict, names: dict[tuple[str, int], _Name]) -> str:
    detail = entry["detail"] or ""
    if entry["action"].endswith("文书"):
        detail = _SCOPE.sub(lambda ref: _scope_name(ref, names), detail)
    name = names.get((entry["entity"], entry["entity_id"]))
    if name is None or all(part in detail for part in name.parts):
        return detail
    number = name.parts[-1]
    if entry["entity"] == "period" and detail.startswith(number):
        return name.label + detail[len(number):]  # 第1期：结业30人 → 县管副职领导干部进修班 第1期：结业30人
    return f"{name.label}：{detail}" if detail else name.label


def _scope_name(ref: re.Match, names: dict[tuple[str, int], _Name]) -> str:
    name = names.get((_SCOPE_ENTITY[ref[1]], int(ref[2])))
    return name.label if name else f"已删除的{ref[0]}"


def _names(db: Database, found: list[dict]) -> dict[tuple[str, int], _Name]:
    wanted: dict[str, set[int]] = {}
    for entry in found:
        if entry["entity_id"] is not None:
            wanted.setdefault(entry["entity"], set()).add(entry["entity_id"])
        if entry["action"].endswith("文书"):
            for word, number in _SCOPE.findall(entry["detail"] or ""):
                wanted.setdefault(_SCOPE_ENTITY[word], set()).add(int(number))
    names = {}
    for entity, ids in wanted.items():
        for record_id, name in _names_of(db, entity, sorted(ids)).items():
            names[(entity, record_id)] = name
    return names


def _names_of(db: Database, entity: str, ids: list[int]) -> dict[int, _Name]:
    if entity == "period":
        return {i: _Name(f"{cls} 第{n}期", (cls, f"第{n}期")) for i, (cls, n) in stored.period_names(db, ids).items()}
    if entity == "enrollment":
        return {i: _Name(f"{person}（{cls} 第{n}期）", (person, cls, f"第{n}期"))
                for i, (person, cls, n) in stored.enrollment_names(db, ids).items()}
    if entity in stored.NAMED:
        return {i: _Name(name, (name,)) for i, name in stored.record_names(db, entity, ids).items()}
    return {}  # a document's kind, or nothing: the detail says it all
