"""The office's fixed word lists (ethnic groups, ranks, statuses ...): the vocab.json reference table
(data/vocab.json, handed in through app/domain/reference.py)."""
from __future__ import annotations

import json
from functools import cache

from app.domain import reference

# A person's fields whose standard words are a list: field -> (word list, label). 职级 is two lists.
PERSON_LISTS = {
    "gender": ("genders", "性别"),
    "ethnicity": ("ethnic_groups", "民族"),
    "political_status": ("political_statuses", "政治面貌"),
    "education": ("educations", "学历"),
    "cadre_category": ("cadre_categories", "干部类别"),
    "rank": ("", "职级"),
}
PERSON_LABELS = {field: label for field, (_, label) in PERSON_LISTS.items()}


@cache
def _vocab() -> dict[str, tuple[str, ...]]:
    lists = json.loads(reference.read("vocab.json").decode("utf-8"))
    return {key: tuple(values) for key, values in lists.items()}


def words(list_name: str) -> tuple[str, ...]:
    return _vocab()[list_name]


def ranks() -> tuple[str, ...]:
    """职级 choices: leadership levels first, then civil-service grades."""
    return words("leadership_levels") + words("civil_service_grades")


def person_words(field: str) -> tuple[str, ...]:
    """The standard words of one of PERSON_LISTS' fields."""
    return ranks() if field == "rank" else words(PERSON_LISTS[field][0])


@cache
def standard_set(field: str) -> frozenset[str]:
    return frozenset(person_words(field))


def all_words() -> list[str]:
    """Every word of every list (the documents' word segmenter keeps them whole)."""
    return [word for values in _vocab().values() for word in values]
