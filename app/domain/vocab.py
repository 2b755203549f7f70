"""The office's fixed word lists (ethnic groups, ranks, statuses ...), read from data/vocab.json."""
from __future__ import annotations

import json
from functools import cache

from ..config import data_file


@cache
def _vocab() -> dict[str, tuple[str, ...]]:
    with open(data_file("vocab.json"), encoding="utf-8") as handle:
        return {key: tuple(values) for key, values in json.load(handle).items()}


def words(list_name: str) -> tuple[str, ...]:
    return _vocab()[list_name]


def ranks() -> tuple[str, ...]:
    """职级 choices: leadership levels first, then civil-service grades."""
    return words("leadership_levels") + words("civil_service_grades")
