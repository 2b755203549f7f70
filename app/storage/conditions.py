"""The conditions many queries share, built from the domain's statuses so that no query spells a status:
a trainee holding a seat, a closed period, the live periods, a condition counted.

Status words stand in the SQL as string literals taken from the enums, never from input: one condition
often stands in several subqueries of a statement, between its parameters, and as a constant it leaves
every statement's parameters as they were.
"""
from __future__ import annotations

from typing import Iterable

from app.domain.status import INACTIVE, EnrollmentStatus, PeriodStatus


def literal(word: str) -> str:
    return "'" + str(word).replace("'", "''") + "'"


def literals(words: Iterable[str]) -> str:
    return ", ".join(literal(word) for word in sorted(words))


def active(alias: str = "e") -> str:
    """The enrollment holds a seat: not replaced, not withdrawn (EnrollmentStatus.is_active)."""
    return f"{alias}.status NOT IN ({literals(INACTIVE)})"


def completed(alias: str = "e") -> str:
    return f"{alias}.status = {literal(EnrollmentStatus.COMPLETED)}"


def closed(alias: str = "pe") -> str:
    """The period is closed (结班): hours credited, roster locked."""
    return f"{alias}.status = {literal(PeriodStatus.CLOSED)}"


def counted(condition: str) -> str:
    """1 where the condition holds, else 0: to sum (a bare condition is a number only in SQLite)."""
    return f"CASE WHEN {condition} THEN 1 ELSE 0 END"


def one_of(column: str, words: Iterable[str]) -> tuple[str, list[str]]:
    """`column IN (?, …)` with the words as its parameters."""
    values = sorted(words)
    return f"{column} IN ({', '.join('?' for _ in values)})", values


# Periods that count in statistics and summaries: archiving a period or its class is how the office deletes
# one that has records, so such periods count nowhere, as in the lists. Use as `FROM {LIVE_PERIODS} pe`.
LIVE_PERIODS = """(SELECT pe.* FROM periods pe JOIN training_classes c ON c.id = pe.class_id
                  WHERE pe.archived = 0 AND c.archived = 0)"""
