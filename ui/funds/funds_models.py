"""Tables of funds: a period's budget lines (computed and adjusted), its spending, a year's totals, and the rows
of an expense import left out."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.money import yuan
from ui.common.record_model import Column, RecordTableModel, attr

ADJUSTED_BRUSH = QBrush(QColor("#1d4ed8"))


def _money(value) -> str:
    return "" if value is None or value == "" else yuan(value)


class BudgetModel(RecordTableModel):
    """Rows are BudgetItem."""

    columns = (
        Column("项目", attr("item"), 6),
        Column("按标准计算（元）", lambda i: _money(i.computed) if i.computed is not None else "—", 9, numeric=True),
        Column("预算（元）", lambda i: _money(i.amount), 9, numeric=True),
        Column("计算依据", attr("basis"), 26),
        Column("说明", lambda i: i.notes or ("已调整" if i.adjusted else ""), 10),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 2 \
                and self._rows[index.row()].adjusted:
            return ADJUSTED_BRUSH
        return super().data(index, role)


class ExpenseModel(RecordTableModel):
    """Rows are Expense."""

    columns = (
        Column("日期", attr("day"), 6),
        Column("项目", attr("item"), 5),
        Column("收款单位", attr("payee"), 10),
        Column("金额（元）", lambda e: _money(e.amount), 8, numeric=True),
        Column("凭证号", attr("voucher"), 6),
        Column("摘要", attr("notes"), 12),
    )


class TotalsModel(RecordTableModel):
    """Rows are funds.summary.Totals."""

    columns = (
        Column("名称", attr("label"), 22, elide_middle=True),
        Column("举办方式", attr("organiser_kind"), 4),
        Column("期数", attr("periods"), 2, numeric=True),
        Column("预算（元）", lambda t: _money(t.budget), 6, numeric=True),
        Column("实际支出（元）", lambda t: _money(t.spent), 6, numeric=True),
        Column("结余（元）", lambda t: _money(t.balance), 6, numeric=True),
        Column("收费（元）", lambda t: _money(t.received), 6, numeric=True),
        Column("提示", lambda t: f"{t.warnings}条" if t.warnings else "", 2),
    )


class ExpenseRowsModel(RecordTableModel):
    """Rows of an expense import: ExpenseRow."""

    columns = (
        Column("行号", attr("line"), 3, numeric=True),
        Column("结果", attr("status"), 4),
        Column("项目", lambda r: r.shown("item"), 5),
        Column("金额（元）", lambda r: r.shown("amount"), 8, numeric=True),
        Column("日期", lambda r: r.shown("day"), 6),
        Column("收款单位", lambda r: r.shown("payee"), 10),
        Column("原因", attr("reason"), 24),
    )
