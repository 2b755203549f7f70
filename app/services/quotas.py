"""Seats per unit in a period (名额分配): used and remaining, over-quota warnings, saving the allocation."""
from __future__ import annotations

from app.domain.errors import ValidationError
from app.services.safety import audit
from app.storage import quotas as quota_queries
from app.storage import tables
from app.storage.connection import Database
from app.storage.quotas import QuotaUsage


def usage(db: Database, period_id: int, every_unit: bool = False) -> list[QuotaUsage]:
    return quota_queries.quota_usage(db, period_id, every_unit)


def warnings(db: Database, period_id: int) -> list[str]:
    """Once seats are allocated, each unit over its seats, or with trainees but no seats, is named."""
    found = usage(db, period_id)
    if not any(u.seats is not None for u in found):
        return []
    lines = []
    for u in found:
        if u.seats is None and u.used:
            lines.append(f"{u.unit_name}未分配名额，已选{u.used}人")
        elif u.over:
            lines.append(f"{u.unit_name}名额{u.seats}人，已选{u.used}人，超出{u.used - u.seats}人")
    return lines


def save_quotas(db: Database, period_id: int, seats: dict[int, int | None]) -> None:
    """Replaces the period's allocation: unit id -> seats; None or no entry means no seats for that unit."""
    tables.periods(db).get(period_id)
    errors = {str(unit_id): "名额应为0或正整数" for unit_id, value in seats.items()
              if value is not None and (not isinstance(value, int) or value < 0)}
    if errors:
        raise ValidationError(errors)
    allocated = {unit_id: value for unit_id, value in seats.items() if value is not None}
    with db.atomic():
        quota_queries.replace_quotas(db, period_id, allocated)
        audit.record(db, "保存名额分配", "period", period_id,
                     f"{len(allocated)}个单位，共{sum(allocated.values())}个名额")
