"""登记收费 from the roster: the chosen trainees or every trainee of one unit paid the amount (the class's fee by
default) on a date; 0 clears what was recorded."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from app.domain.errors import UserError
from app.services import roster
from app.services.funds import fees_received
from ui.common import messages
from ui.common.form import save_cancel
from ui.common.widgets import note
from ui.common.windows import fit_window


def default_day(db, period_id: int) -> str:
    """Today while the period runs or before; its first day (when trainees report and pay) once it is over."""
    period = roster.period_of(db, period_id)
    today = date.today().isoformat()
    return period.start_date if today > period.end_date else today


class FeeDialog(QDialog):
    def __init__(self, parent, db, period_id: int, enrollment_ids: list[int], unit_id: int | None = None):
        super().__init__(parent)
        self.db, self.period_id, self.enrollment_ids, self.recorded = db, period_id, enrollment_ids, 0
        self.setWindowTitle("登记收费")
        status = fees_received.fee_status(db, period_id)
        self.chosen = QRadioButton(f"选中的学员（{len(enrollment_ids)}人）", objectName="chosen")
        self.whole_unit = QRadioButton("整个单位（单位统一缴纳）", objectName="whole_unit")
        group = QButtonGroup(self)
        group.addButton(self.chosen)
        group.addButton(self.whole_unit)
        self.unit = QComboBox(objectName="unit")
        for uid, name, count in fees_received.fee_units(db, period_id):
            self.unit.addItem(f"{name}（{count}人）", uid)
        if unit_id is not None and (index := self.unit.findData(unit_id)) >= 0:
            self.unit.setCurrentIndex(index)
        (self.chosen if enrollment_ids else self.whole_unit).setChecked(True)
        self.chosen.setEnabled(bool(enrollment_ids))
        self.amount = QLineEdit(f"{status.fee:g}", objectName="amount")
        self.day = QLineEdit(default_day(db, period_id), objectName="day", placeholderText="如 2020-03-02")
        form = QFormLayout()
        form.addRow("收费对象", self.chosen)
        form.addRow("", self.whole_unit)
        form.addRow("单位", self.unit)
        form.addRow("每人金额（元）", self.amount)
        form.addRow("收费日期", self.day)
        buttons, _ = save_cancel(self, "登记")
        layout = QVBoxLayout(self)
        text = note(f"本班次收费标准每人{status.fee:g}元；本期{status.trainees}人应收{status.due:,.2f}元，"
                    f"已收{status.paid_count}人{status.received:,.2f}元。金额填0即清除收费记录。")
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, 420, 280)

    def save(self) -> None:
        try:
            if self.whole_unit.isChecked():
                self.recorded = fees_received.record_unit_fees(self.db, self.period_id, self.unit.currentData(),
                                                               self.amount.text(), self.day.text())
            else:
                self.recorded = fees_received.record_fees(self.db, self.period_id, self.enrollment_ids,
                                                          self.amount.text(), self.day.text())
        except UserError as problem:
            messages.error(self, "未能登记收费", str(problem))
            return
        self.accept()
