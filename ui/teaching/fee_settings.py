"""讲课费标准: the rate per 学时 of each title, the 学时 a half-day counts for at most, and whether leaders are
paid; checked and saved by the fee service (one transaction, logged)."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QVBoxLayout

from app.domain.errors import ValidationError
from app.services.teaching import fees
from ui.common import messages
from ui.common.form import save_cancel
from ui.common.widgets import note
from ui.common.windows import fit_window

HINTS = {"院士": "院士、全国知名专家：中央标准每学时最高1500元", "知名专家": "", "正高级": "中央标准每学时最高1000元",
         "副高级": "中央标准每学时最高500元", "中级": "中央标准未列，默认300元", "其他": "未定职称及未入库的授课人",
         "领导干部": "仅在不勾选“领导干部不付酬”时使用"}


class FeeSettingsDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("讲课费标准")
        rules = fees.fee_rules(db)
        form = QFormLayout()
        self.rates: dict[str, QDoubleSpinBox] = {}
        for title, rate in fees.title_of(rules):
            spin = QDoubleSpinBox(maximum=fees.MAX_RATE, decimals=0, singleStep=50, suffix=" 元/学时", objectName=title)
            spin.setValue(rate)
            spin.setToolTip(HINTS.get(title, ""))
            self.rates[title] = spin
            form.addRow(title, spin)
        self.cap = QDoubleSpinBox(minimum=0.5, maximum=fees.MAX_CAP, decimals=1, singleStep=0.5, suffix=" 学时",
                                  value=rules.half_day_cap, objectName="half_day_cap")
        form.addRow("每半天最多计酬", self.cap)
        self.leaders_unpaid = QCheckBox("领导干部在本系统授课不付酬", checked=rules.leaders_unpaid)
        form.addRow("", self.leaders_unpaid)
        buttons, _ = save_cancel(self)
        buttons.addButton("恢复默认", QDialogButtonBox.ButtonRole.ResetRole).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        text = note("默认值取自中央和国家机关培训费管理办法（税后，每学时最高）；某节课另定了标准的，按该节的标准。")
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, 460, 420)

    def rules(self) -> fees.FeeRules:
        return fees.FeeRules({title: spin.value() for title, spin in self.rates.items()}, self.cap.value(),
                             self.leaders_unpaid.isChecked())

    def restore_defaults(self) -> None:
        defaults = fees.FeeRules()
        for title, spin in self.rates.items():
            spin.setValue(defaults.rate(title))
        self.cap.setValue(defaults.half_day_cap)
        self.leaders_unpaid.setChecked(defaults.leaders_unpaid)

    def save(self) -> None:
        try:
            fees.save_fee_rules(self.db, self.rules())
        except ValidationError as error:
            messages.error(self, "未能保存", str(error))
            return
        self.accept()
