"""经费标准: the 综合定额 per person-day of each category, the days counted in full, the share after them and the
arrival days; checked and saved by the funds service (one transaction, logged)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QSpinBox, QVBoxLayout

from app.domain.errors import ValidationError
from app.domain.fund_rules import MAX_RATE, FundRules
from app.domain.funds import FEE_CATEGORIES
from app.services.funds import rules as fund_rules
from ui.common import messages
from ui.common.form import save_cancel
from ui.common.widgets import note
from ui.common.windows import fit_window

HINTS = {"一类": "省部级及相当人员参加的培训", "二类": "司局级人员参加的培训", "三类": "处级及以下人员参加的培训（县里多为三类）"}


class FundSettingsDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("经费标准")
        current = fund_rules.fund_rules(db)
        form = QFormLayout()
        self.rates: dict[str, QDoubleSpinBox] = {}
        for category in FEE_CATEGORIES:
            spin = QDoubleSpinBox(maximum=MAX_RATE, decimals=0, singleStep=10, suffix=" 元/人·天", objectName=category)
            spin.setValue(current.rate(category))
            spin.setToolTip(HINTS[category])
            self.rates[category] = spin
            form.addRow(f"{category}综合定额", spin)
        self.full_days = QSpinBox(minimum=1, maximum=366, suffix=" 天", value=current.full_days, objectName="full_days")
        form.addRow("全额计算的天数", self.full_days)
        self.later_share = QSpinBox(minimum=0, maximum=100, suffix=" %", value=round(current.later_share * 100),
                                    objectName="later_share")
        form.addRow("超出天数按", self.later_share)
        self.travel_days = QSpinBox(minimum=0, maximum=3, suffix=" 天", value=current.travel_days, objectName="travel_days")
        self.travel_days.setToolTip("报到日在开班日之前时，计入的报到天数最多为此数")
        form.addRow("报到日最多计入", self.travel_days)
        buttons, _ = save_cancel(self)
        buttons.addButton("恢复默认", QDialogButtonBox.ButtonRole.ResetRole).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        text = note("默认值取自中央和国家机关培训费管理办法：综合定额含住宿费、伙食费、培训场地费、资料费、交通费和其他费用，"
                    "师资费另计；各省标准不同时在此修改。培训期的日期（首尾两天）都计入，报到日在开班日之前的另计。")
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, 460, 360)

    def rules(self) -> FundRules:
        return FundRules({c: spin.value() for c, spin in self.rates.items()}, self.full_days.value(),
                         self.later_share.value() / 100, self.travel_days.value())

    def restore_defaults(self) -> None:
        defaults = FundRules()
        for category, spin in self.rates.items():
            spin.setValue(defaults.rate(category))
        self.full_days.setValue(defaults.full_days)
        self.later_share.setValue(round(defaults.later_share * 100))
        self.travel_days.setValue(defaults.travel_days)

    def save(self) -> None:
        try:
            fund_rules.save_fund_rules(self.db, self.rules())
        except ValidationError as error:
            messages.error(self, "未能保存", str(error))
            return
        self.accept()
