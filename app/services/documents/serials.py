"""结业证书 serial numbers such as 2020-03-017: the year, the period's place among that year's certified
periods, the trainee's place in the period. Issued once and kept, so a reprint carries the same number.
"""
from __future__ import annotations

from datetime import date

from app.domain.errors import UserError
from app.services.safety import audit
from app.storage import certificates
from app.storage.connection import Database


def certificate_serials(db: Database, period_id: int, year: int, enrollment_ids: list[int]) -> dict[int, str]:
    """The serial of each enrollment, issuing the next numbers to those that have none yet."""
    with db.atomic():
        serials = certificates.issued(db, enrollment_ids)
        new = [e for e in enrollment_ids if e not in serials]
        if new and not audit.can_record(db):
            raise UserError(f"只读打开时不能发放新的结业证书编号（{len(new)}人尚未编号）；请在使用此数据库的电脑上打印")
        if new:
            period_code = _period_code(db, period_id, year)
            prefix = f"{year}-{period_code}-"
            last = max((int(s.rsplit("-", 1)[1]) for s in certificates.of_period(db, period_id)), default=0)
            today = date.today().isoformat()
            for offset, enrollment_id in enumerate(new, start=1):
                serial = f"{prefix}{last + offset:03d}"
                certificates.issue(db, enrollment_id, serial, today)
                serials[enrollment_id] = serial
            audit.record(db, "发放结业证书编号", "period", period_id, f"{len(new)}个，{prefix}…")
    return serials


def _period_code(db: Database, period_id: int, year: int) -> str:
    """The period's two digits: the ones it already has, else the next free number of the year."""
    existing = certificates.of_period(db, period_id)
    if existing:
        return existing[0].split("-")[1]
    used = [serial.split("-")[1] for serial in certificates.of_year(db, year)]
    return f"{max((int(code) for code in used), default=0) + 1:02d}"
