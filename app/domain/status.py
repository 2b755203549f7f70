"""The statuses of a period (筹备 … 结班) and of a trainee in it (拟选调 … 已替换), defined once.

The stored values stay Chinese: a member compares equal to its word, so a status read from the database
as text can be tested with these members and predicates. data/vocab.json keeps the order the forms list
them in; tests/app/test_status.py holds the two together.
"""
from __future__ import annotations

from enum import StrEnum


class PeriodStatus(StrEnum):
    """Where a period stands: 筹备 → 通知 → 报名 → 开班 → 结班."""
    PREPARING = "筹备"
    NOTICE = "通知"  # the call for trainees has gone out
    ENROLLING = "报名"
    OPEN = "开班"
    CLOSED = "结班"  # hours credited, roster and attendance locked

    @classmethod
    def is_closed(cls, status: str) -> bool:
        """Hours credited, roster and attendance locked: only reopening (重新开班) changes it."""
        return status == cls.CLOSED


class EnrollmentStatus(StrEnum):
    """A trainee's place in a period."""
    PROPOSED = "拟选调"
    SELECTED = "已选调"
    REPORTED = "已报到"
    ON_LEAVE = "请假"
    ABSENT = "缺训"  # came but missed too much, or never came: no hours
    COMPLETED = "结业"
    WITHDRAWN = "退学"
    REPLACED = "已替换"

    @classmethod
    def is_active(cls, status: str) -> bool:
        """Holds a seat: everyone but the replaced and the withdrawn (the one rule for "active trainee")."""
        return status not in INACTIVE

    @classmethod
    def is_selected(cls, status: str) -> bool:
        """Chosen but not yet come: a replacement takes over this status."""
        return status in SELECTED

    @classmethod
    def is_completed(cls, status: str) -> bool:
        return status == cls.COMPLETED

    @classmethod
    def is_replaced(cls, status: str) -> bool:
        return status == cls.REPLACED

    @classmethod
    def earns_no_hours(cls, status: str) -> bool:
        return status in (cls.ABSENT, cls.WITHDRAWN)


# Not holding a seat: what every "active" count and list leaves out.
INACTIVE = frozenset({EnrollmentStatus.REPLACED, EnrollmentStatus.WITHDRAWN})
ACTIVE = frozenset(EnrollmentStatus) - INACTIVE
# Chosen and not yet come: a replacement takes over one of these.
SELECTED = frozenset({EnrollmentStatus.PROPOSED, EnrollmentStatus.SELECTED})
# Came to the class (缺训: came but missed too much), as the period's summary counts them.
CAME = frozenset({EnrollmentStatus.REPORTED, EnrollmentStatus.COMPLETED, EnrollmentStatus.ABSENT})
# Counts toward a class's full coverage (全覆盖) of its target group.
COVERED = frozenset({EnrollmentStatus.REPORTED, EnrollmentStatus.COMPLETED, EnrollmentStatus.ON_LEAVE})
