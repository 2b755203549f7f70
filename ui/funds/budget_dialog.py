"""A budget line: adjusting a computed one (综合定额, 师资费: the computed figure shown beside the amount) or the
clerk's own line (item, amount, basis)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.domain.errors import UserError
from app.domain.money import yuan
from app.services.funds import budget
from ui.common import messages, stale
from ui.common.form import save_cancel
from ui.common.windows import fit_window


class BudgetLineDialog(QDialog):
    def __init__(self, parent, db, period_id: int, item: budget.BudgetItem | None = None):
        super().__init__(parent)
        self.db, self.period_id, self.current = db, period_id, item
        self.computed = item is not None and item.computed is not None
        self.setWindowTitle(f"调整{item.item}" if self.computed else ("修改预算项目" if item else "增加预算项目"))
        form = QFormLayout()
        self.item = QLineEdit(item.item if item else "", objectName="item", placeholderText="如 教材费、会务费")
        self.amount = QLineEdit(f"{item.amount:g}" if item else "", objectName="amount")
        self.text = QLineEdit((item.notes if self.computed else item.basis) if item else "", objectName="text")
        if self.computed:
            self.item.setReadOnly(True)
            form.addRow("项目", self.item)
            form.addRow("按标准计算", QLabel(f"{yuan(item.computed)}元（{item.basis}）", wordWrap=True))
            form.addRow("预算金额（元）", self.amount)
            form.addRow("调整说明", self.text)
        else:
            form.addRow("项目", self.item)
            form.addRow("金额（元）", self.amount)
            form.addRow("依据", self.text)
        buttons, _ = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, 460, 200)

    def reload_record(self) -> None:
        """The line as stored now (another clerk saved it since the form opened)."""
        found = next((i for i in budget.period_budget(self.db, self.period_id).items
                      if i.line_id == self.current.line_id), None)
        if found is None:
            return
        self.current = found
        self.item.setText(found.item)
        self.amount.setText(f"{found.amount:g}")
        self.text.setText(found.notes if self.computed else found.basis)

    def save(self) -> None:
        try:
            if self.computed:
                budget.adjust(self.db, self.period_id, self.current.item, self.amount.text(), self.text.text(),
                              self.current.version)
            else:
                budget.save_own_line(self.db, self.period_id, self.item.text(), self.amount.text(), self.text.text(),
                                     self.current.line_id if self.current else None,
                                     self.current.version if self.current else 0)
        except UserError as problem:
            if not stale.refused(self, problem, self.reload_record if self.current and self.current.line_id else None):
                messages.error(self, "未能保存", str(problem))
            return
        self.accept()
