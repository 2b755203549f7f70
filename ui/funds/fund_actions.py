"""Funds from wherever the clerk is: the 经费结算表 and the year's 专项经费 summary through the print dialog or as
Excel, 登记收费 for the roster, and the 经费标准 dialog."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.services.documents import DocumentRequest
from app.services.exports import funds as funds_export
from app.services.funds import fees_received
from ui.common import messages
from ui.common.files import export_workbook
from ui.common.write_access import READ_ONLY_TIP, edit_settings, writable
from ui.documents import print_actions
from ui.shell.changes import Changed


def print_settlement(parent: QWidget, session, period_id: int):
    return print_actions.print_document(parent, session, DocumentRequest("funds", period_id=period_id))


def print_year_summary(parent: QWidget, session, year: int):
    return print_actions.print_document(parent, session, DocumentRequest("funds-summary", year=year))


def _export(parent: QWidget, name: str, write) -> Path | None:
    return export_workbook(parent, "导出经费", name, write)


def export_period(parent: QWidget, session, period_id: int, label: str) -> Path | None:
    return _export(parent, f"{label}经费结算表.xlsx", lambda path: funds_export.export_period(session.db, period_id, path))


def export_year(parent: QWidget, session, year: int) -> Path | None:
    return _export(parent, f"{year}年专项经费汇总表.xlsx", lambda path: funds_export.export_year(session.db, year, path))


def record_fees(parent: QWidget, session, period_id: int, enrollment_ids: list[int], unit_id: int | None = None) -> int:
    """登记收费 for the chosen trainees or a unit; how many were recorded (0 when cancelled or refused)."""
    from ui.funds.fee_dialog import FeeDialog

    if not writable(session):
        messages.info(parent, "登记收费", READ_ONLY_TIP)
        return 0
    if not fees_received.fee_status(session.db, period_id).charges:
        messages.info(parent, "登记收费", "本班次不收取培训费（班次的“收费标准”为0）。如需收费，请先在班次信息中填写收费标准。")
        return 0
    dialog = FeeDialog(parent, session.db, period_id, enrollment_ids, unit_id)
    dialog.exec()
    recorded = dialog.recorded
    dialog.deleteLater()
    if recorded:
        session.announce(Changed.FUNDS | Changed.ROSTER)
    return recorded


def edit_fund_rules(parent: QWidget, session) -> bool:
    from ui.funds.fund_settings import FundSettingsDialog

    return edit_settings(parent, session, "经费标准", lambda: FundSettingsDialog(session.db, parent), Changed.SETTINGS)
