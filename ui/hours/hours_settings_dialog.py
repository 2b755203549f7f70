"""学时规则: how attendance turns into hours, and the requirements by rank (defaults: 2023 条例 and plan)."""
from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from app.domain.errors import ValidationError
from app.services.hours import settings
from ui.common import messages
from ui.common.form import save_cancel
from ui.common.write_access import enable_writes
from ui.shell.changes import Changed

GROUPS = (
    ("考勤与计入学时", (("hours_per_day", "每天学时", 24), ("hours_per_half_day", "每半天学时", 12),
                   ("leave_fraction_denominator", "请假超过总学时的 1/N 即作退学，N =", 50),
                   ("report_within_days", "开班后几天内未报到提醒", 30))),
    ("县处级以上", (("county_hours", "累计学时不少于", 5000), ("county_years", "在几年内", 10),
                ("county_days", "或集中培训天数不少于", 365), ("after_promotion_years", "提任后几年内补足", 5))),
    ("乡科级及以下", (("township_hours", "每年学时不少于", 1000), ("township_days", "或集中培训天数不少于", 365))),
    ("网络学习", (("online_hours", "每年学时不少于", 1000),)),
)


class HoursSettingsDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("学时规则")
        current = settings.load(session.db)
        types = {f.name: f.type for f in fields(settings.HoursRules)}
        self.fields = {}
        layout = QVBoxLayout(self)
        grid = QGridLayout()  # two columns: the dialog must fit 1366×768 at 150%
        layout.addLayout(grid)
        for index, (title, rows) in enumerate(GROUPS):
            box = QGroupBox(title)
            form = QFormLayout(box)
            for key, label, most in rows:
                spin = QDoubleSpinBox(decimals=1) if types[key] == "float" else QSpinBox()
                spin.setRange(0, most)
                spin.setValue(getattr(current, key))
                form.addRow(label, spin)
                self.fields[key] = spin
            grid.addWidget(box, index // 2, index % 2)
        layout.addWidget(QLabel("默认值依据2023年《干部教育培训工作条例》和2023—2027年全国干部教育培训规划。",
                                wordWrap=True, objectName="note"))
        buttons, save_button = save_cancel(self)
        enable_writes(session, [save_button])
        layout.addWidget(buttons)

    def rules(self) -> settings.HoursRules:
        values = {key: spin.value() for key, spin in self.fields.items()}
        kinds = {f.name: f.type for f in fields(settings.HoursRules)}
        return settings.HoursRules(**{k: (int(v) if kinds[k] == "int" else float(v)) for k, v in values.items()})

    def save(self) -> None:
        try:
            settings.save(self.session.db, self.rules())
        except ValidationError as problem:
            messages.error(self, "学时规则", str(problem))
            return
        self.session.announce(Changed.SETTINGS)
        self.accept()
