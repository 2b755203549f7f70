"""登记支出 / 编辑支出: item (the standard ones or typed), amount, date, payee, voucher and a note, checked as one
types by the funds service; saved in one logged transaction."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.domain.errors import UserError
from app.domain.funds import EXPENSE_ITEMS
from app.domain.models import Expense
from app.services import versions
from app.services.funds import expenses
from ui.common import messages, stale
from ui.common.form import save_cancel
from ui.common.windows import fit_window

ERROR_STYLE = "color: #b3261e;"


class ExpenseDialog(QDialog):
    def __init__(self, parent, db, expense: Expense):
        super().__init__(parent)
        self.db, self.expense, self.saved = db, expense, None
        self.setWindowTitle("编辑支出" if expense.id else "登记支出")
        self.years = expenses.years_of(db, expense.period_id)
        self.item = QComboBox(editable=True, objectName="item")
        self.item.addItems(EXPENSE_ITEMS)
        self.item.setCurrentText(expense.item or EXPENSE_ITEMS[0])
        self.amount = QLineEdit(f"{expense.amount:g}" if expense.amount else "", objectName="amount",
                                placeholderText="如 12000 或 1,200.50")
        self.day = QLineEdit(expense.day, objectName="day", placeholderText="如 2020-03-02")
        self.payee = QLineEdit(expense.payee, objectName="payee")
        self.voucher = QLineEdit(expense.voucher, objectName="voucher")
        self.notes = QLineEdit(expense.notes, objectName="notes")
        form = QFormLayout()
        for label, widget in (("支出项目", self.item), ("金额（元）", self.amount), ("支付日期", self.day),
                              ("收款单位", self.payee), ("凭证号", self.voucher), ("摘要", self.notes)):
            form.addRow(label, widget)
        self.errors = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        buttons, self.save_button = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        for edit in (self.amount, self.day, self.payee, self.voucher, self.notes):
            edit.textChanged.connect(self.revalidate)
        self.item.currentTextChanged.connect(self.revalidate)
        self.revalidate()
        fit_window(self, 420, 300)

    def draft(self) -> Expense:
        return Expense(self.expense.period_id, self.item.currentText().strip(), 0, "", self.payee.text().strip(),
                       self.voucher.text().strip(), self.notes.text().strip(), self.expense.id,
                       version=self.expense.version)

    def reload_record(self) -> None:
        """The expense as stored now (another clerk saved it since the form opened)."""
        self.expense = found = versions.current(self.db, self.expense)
        self.item.setCurrentText(found.item)
        self.amount.setText(f"{found.amount:g}" if found.amount else "")
        for edit, text in ((self.day, found.day), (self.payee, found.payee), (self.voucher, found.voucher),
                           (self.notes, found.notes)):
            edit.setText(text)
        self.revalidate()

    def revalidate(self) -> dict:
        errors, _, _ = expenses.expense_errors(self.draft(), self.amount.text(), self.day.text(), self.years)
        self.errors.setText("；".join(errors.values()) if self.amount.text() or len(errors) > 1 else "")
        self.save_button.setEnabled(not errors)
        return errors

    def save(self) -> None:
        try:
            self.saved = expenses.save_expense(self.db, self.draft(), self.amount.text(), self.day.text())
        except UserError as problem:
            if not stale.refused(self, problem, self.reload_record if self.expense.id else None):
                messages.error(self, "未能保存", str(problem))
            return
        self.accept()
