"""The two small questions of the 补训 window: which period a make-up goes to (the class's later periods
first), and why a trainee needs no make-up (免补训)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.services import periods
from app.services.makeup import writes
from app.services.makeup.items import MakeupItem
from ui.common.widgets import note

LATER = "（本班次后续期次）"


class LinkDialog(QDialog):
    """安排补训: the periods not yet closed, the later ones of the missed class first."""

    def __init__(self, parent, db, found: MakeupItem):
        super().__init__(parent)
        self.setWindowTitle("安排补训")
        self.period = QComboBox()
        self.period.setMinimumContentsLength(28)
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        choices = writes.targets(db, found.enrollment_id)
        for entry, later in choices:
            self.period.addItem(periods.describe(entry) + (LATER if later else ""), entry.id)
            if later and self.period.count() == sum(1 for _, s in choices if s):
                self.period.insertSeparator(self.period.count())
        form = QFormLayout()
        form.addRow("学员", QLabel(f"{found.line.person_name}（{found.line.unit_name}）"))
        form.addRow("未完成", QLabel(f"{found.missed_title}，{found.reason}"))
        form.addRow("补训期次", self.period)
        hint = note(_hint(choices))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("安排")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(choices))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def period_id(self) -> int | None:
        return self.period.currentData()


class WaiveDialog(QDialog):
    """免补训: the reason is required (调离、退休、已参加同类培训…)."""

    def __init__(self, parent, found: MakeupItem):
        super().__init__(parent)
        self.setWindowTitle("免补训")
        self.reason = QLineEdit(placeholderText="如：已调离本县、已退休、已参加上级同类培训")
        self.reason.setMaxLength(200)
        self.reason.setMinimumWidth(320)
        form = QFormLayout()
        form.addRow("学员", QLabel(f"{found.line.person_name}（{found.line.unit_name}）"))
        form.addRow("未完成", QLabel(f"{found.missed_title}，{found.reason.split('（')[0]}"))
        form.addRow("免补训原因", self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("免补训")
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


def _hint(choices: list) -> str:
    if not choices:
        return "没有尚未结班的期次可以安排补训：请先在班次中排期。"
    text = "补训学员以“已选调”加入所选期次的名单；该期结业即完成补训。"
    if not any(later for _, later in choices):
        text = "本班次没有尚未结班的后续期次，可选择其他班次的期次。" + text
    return text
