"""A period's staff (班主任, 跟班人员) and its 学风督查 records: checked field by field as the forms type, each
write one audited transaction; a refusal changes nothing."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from app.domain.errors import ValidationError
from app.domain.phone import normalize_phone, phone_error
from app.domain.quality_records import DisciplineCheck, PeriodStaff
from app.domain.text import clean
from app.domain.validation import date_error, name_error
from app.services.roster import period_of, period_title
from app.services.safety import audit
from app.storage import class_management as queries
from app.storage import tables
from app.storage.connection import Database

STAFF_ROLES = ("班主任", "跟班人员")
CHECK_MARGIN_DAYS = 7  # a 学风督查 may be dated a week before the period (报到) or after it (结业材料)
MAX_FINDINGS, MAX_NOTES = 1000, 200

staff_of = queries.staff_of
checks_of = queries.checks_of


def staff_errors(staff: PeriodStaff) -> dict[str, str]:
    errors = {}
    if message := name_error(staff.name):
        errors["name"] = message
    if staff.role not in STAFF_ROLES:
        errors["role"] = f"职责应为{'或'.join(STAFF_ROLES)}"
    if message := phone_error(staff.phone):
        errors["phone"] = message
    if len(staff.notes) > MAX_NOTES:
        errors["notes"] = f"备注过长（不超过{MAX_NOTES}字）"
    return errors


def save_staff(db: Database, staff: PeriodStaff) -> PeriodStaff:
    """Adds or updates one of the period's staff; the same name twice in a period is refused."""
    staff = replace(staff, name=clean(staff.name), phone=normalize_phone(staff.phone) or "", notes=clean(staff.notes))
    if errors := staff_errors(staff):
        raise ValidationError(errors)
    period = period_of(db, staff.period_id)
    if any(other.name == staff.name and other.id != staff.id for other in staff_of(db, staff.period_id)):
        raise ValidationError({"name": f"“{staff.name}”已是本期的班主任或跟班人员"})
    if staff.id is None:
        staff = replace(staff, sort_order=queries.next_staff_order(db, staff.period_id))
    with db.atomic():
        saved = tables.period_staff(db).save(staff)
        audit.record(db, "修改跟班人员" if staff.id else "添加跟班人员", "period", period.id,
                     f"{period_title(period)}：{staff.role}{staff.name}")
    return saved


def delete_staff(db: Database, staff_id: int) -> None:
    staff = tables.period_staff(db).get(staff_id)
    period = period_of(db, staff.period_id)
    with db.atomic():
        tables.period_staff(db).delete(staff_id)
        audit.record(db, "删除跟班人员", "period", period.id, f"{period_title(period)}：{staff.role}{staff.name}")


def check_errors(check: DisciplineCheck, start: str, end: str) -> dict[str, str]:
    """A check is dated within the period, or at most a week before or after it; names who checked and what
    was found."""
    errors = {}
    if message := date_error(check.day, "督查日期"):
        errors["day"] = message
    elif start and end:
        earliest = (date.fromisoformat(start) - timedelta(days=CHECK_MARGIN_DAYS)).isoformat()
        latest = (date.fromisoformat(end) + timedelta(days=CHECK_MARGIN_DAYS)).isoformat()
        if not earliest <= check.day <= latest:
            errors["day"] = f"督查日期应在本期培训期间（{start}至{end}）或前后{CHECK_MARGIN_DAYS}天内"
    if not check.checker:
        errors["checker"] = "请填写督查人"
    elif len(check.checker) > 60:
        errors["checker"] = "督查人过长（不超过60字）"
    if not check.findings:
        errors["findings"] = "请填写督查情况（如“学员到课整齐，无迟到早退”）"
    elif len(check.findings) > MAX_FINDINGS:
        errors["findings"] = f"督查情况过长（不超过{MAX_FINDINGS}字）"
    if len(check.notes) > MAX_NOTES:
        errors["notes"] = f"备注过长（不超过{MAX_NOTES}字）"
    return errors


def cleaned_check(check: DisciplineCheck) -> DisciplineCheck:
    return replace(check, day=clean(check.day), checker=clean(check.checker), findings=str(check.findings or "").strip(),
                   notes=clean(check.notes))


def save_check(db: Database, check: DisciplineCheck) -> DisciplineCheck:
    check = cleaned_check(check)
    period = period_of(db, check.period_id)
    if errors := check_errors(check, period.start_date, period.end_date):
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.discipline_checks(db).save(check)
        audit.record(db, "修改学风督查记录" if check.id else "登记学风督查", "period", period.id,
                     f"{period_title(period)}：{check.day} {check.checker}")
    return saved


def delete_check(db: Database, check_id: int) -> None:
    check = tables.discipline_checks(db).get(check_id)
    period = period_of(db, check.period_id)
    with db.atomic():
        tables.discipline_checks(db).delete(check_id)
        audit.record(db, "删除学风督查记录", "period", period.id, f"{period_title(period)}：{check.day} {check.checker}")
