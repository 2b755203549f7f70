"""Fees paid by trainees or their units (enrollments.fee_paid, fee_paid_on) where the class charges a fee:
recorded for chosen trainees or for a whole unit's trainees of a period at once."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import UserError, ValidationError
from app.services.funds.expenses import MAX_AMOUNT, parse_amount, parse_day, years_of
from app.services.safety import audit
from app.storage import funds as store
from app.storage import roster as roster_store
from app.storage import tables
from app.storage.connection import Database


@dataclass
class FeeStatus:
    """A period's fees: the class's fee per trainee, what is due and what was received."""
    fee: float
    trainees: int
    paid_count: int
    received: float

    @property
    def due(self) -> float:
        return round(self.fee * self.trainees, 2)

    @property
    def charges(self) -> bool:
        return self.fee > 0


def fee_status(db: Database, period_id: int) -> FeeStatus:
    period = tables.periods(db).get(period_id)
    fee = tables.classes(db).get(period.class_id).fee
    paid, received = store.fees_received(db, period_id)
    return FeeStatus(fee, roster_store.active_count(db, period_id), paid, round(received, 2))


def fee_units(db: Database, period_id: int) -> list[tuple[int, str, int]]:
    """The units with trainees in the period: (id, name, trainees), as the 登记收费 dialog offers them."""
    return store.fee_units(db, period_id)


def _checked(db: Database, period_id: int, amount: object, day: object) -> tuple[float, str]:
    status = fee_status(db, period_id)
    if not status.charges:
        raise UserError("本班次不收取培训费（班次的“收费标准”为0），无需登记收费")
    errors = {}
    value = parse_amount(amount)
    if value is None or not 0 <= value <= MAX_AMOUNT:
        errors["amount"] = f"金额“{amount}”无效，应为0到1亿元之间的数字"
    iso = parse_day(day, years_of(db, period_id))
    if value and not iso:
        errors["day"] = f"收费日期“{day}”无效，请写成 2020-03-02" if iso is None or str(day).strip() else "请填写收费日期"
    if errors:
        raise ValidationError(errors)
    return round(value, 2), iso if value else ""


def record_fees(db: Database, period_id: int, enrollment_ids: list[int], amount: object, day: object) -> int:
    """Each chosen trainee paid `amount` on `day` (0 clears the record); returns how many were recorded."""
    value, iso = _checked(db, period_id, amount, day)
    if not enrollment_ids:
        raise UserError("请先选择学员")
    for enrollment_id in enrollment_ids:
        if tables.enrollments(db).get(enrollment_id).period_id != period_id:
            raise UserError(f"学员（编号{enrollment_id}）不在本期名单中")
    with db.atomic():
        store.set_fee(db, enrollment_ids, value, iso)
        audit.record(db, "登记收费", "periods", period_id,
                     f"{len(enrollment_ids)}名学员，每人{value:,.2f}元" + (f"，{iso}收" if iso else "（清除）"))
    return len(enrollment_ids)


def record_unit_fees(db: Database, period_id: int, unit_id: int, amount: object, day: object) -> int:
    """Every trainee of the unit holding a seat in the period paid `amount` on `day` (paid by the unit)."""
    value, iso = _checked(db, period_id, amount, day)
    unit = tables.units(db).get(unit_id)
    ids = store.active_enrollments_of_unit(db, period_id, unit_id)
    if not ids:
        raise UserError(f"{unit.name}在本期没有学员")
    with db.atomic():
        store.set_fee(db, ids, value, iso)
        audit.record(db, "登记收费", "periods", period_id,
                     f"{unit.name}{len(ids)}名学员，每人{value:,.2f}元，{iso}收（单位统一缴纳）")
    return len(ids)
