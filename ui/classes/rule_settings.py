"""规则阈值设置: the numbers the office's rules use, since counties differ and regulations change."""
from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QVBoxLayout

from app.domain.rules import THRESHOLD_SETTINGS, Thresholds
from ui.common.widgets import note


class RuleSettingsDialog(QDialog):
    def __init__(self, current: Thresholds, parent=None):
        super().__init__(parent)
        self.setWindowTitle("规则阈值设置")

        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for name, (label, unit, low, high) in THRESHOLD_SETTINGS.items():
            spin = QSpinBox(minimum=low, maximum=high, suffix=f" {unit}", objectName=name)
            spin.setValue(getattr(current, name))
            self.spins[name] = spin
            form.addRow(label, spin)
        buttons = QDialogButtonBox()
        buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("恢复默认", QDialogButtonBox.ButtonRole.ResetRole).clicked.connect(self.restore_defaults)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note("规则只作提示，不妨碍保存。默认值取自干部教育培训工作要点和有关规定。"))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        defaults = Thresholds()
        for name, spin in self.spins.items():
            spin.setValue(getattr(defaults, name))

    def values(self) -> Thresholds:
        return Thresholds(**{f.name: self.spins[f.name].value() for f in fields(Thresholds)})
