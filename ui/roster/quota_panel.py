"""名额分配: seats per unit for one period, edited in the table (double-click a number) and saved together."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import UserError
from app.services import quotas
from ui.common import messages
from ui.common.filtering import SettingFilter
from ui.common.widgets import make_table
from ui.roster.roster_models import QuotaModel


class _InUse(SettingFilter):
    """Only units with seats or trainees, unless every unit is asked for (setting True)."""

    setting = False

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        usage = self.sourceModel().record(source_row)
        return self.setting or usage.seats is not None or usage.used > 0


class QuotaPanel(QWidget):
    saved = Signal()

    def __init__(self, db, period_id: int, parent=None):
        super().__init__(parent)
        self.db, self.period_id = db, period_id
        self.writable = True
        self.model = QuotaModel(self)
        self.proxy = _InUse(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.proxy, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.every_unit = QCheckBox("显示全部单位（给尚未分配的单位分配名额）")
        self.every_unit.toggled.connect(self._show_every_unit)
        self.totals = QLabel(objectName="note")
        self.save_button = QPushButton("保存名额分配")
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton("撤销修改")
        self.undo_button.clicked.connect(self.refresh)
        self.model.dataChanged.connect(self._changed)
        top = QHBoxLayout()
        top.addWidget(self.every_unit)
        top.addStretch(1)
        top.addWidget(self.totals)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("双击“分配名额”一格输入名额；清空表示不分配。", objectName="note"))
        bottom.addStretch(1)
        self.print_button = QPushButton("打印选调函…", toolTip="给每个分配了名额的单位各打印一份学员选调函")
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def set_writable(self, writable: bool) -> None:
        """Seats are typed in only when the database may be written."""
        self.writable = writable
        triggers = self.table.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
                                   if writable else triggers.NoEditTriggers)

    def refresh(self) -> None:
        self.model.set_rows(quotas.usage(self.db, self.period_id, every_unit=True))
        self._changed()

    def _show_every_unit(self, on: bool) -> None:
        self.proxy.apply(on)

    def _changed(self) -> None:
        rows = self.model.records()
        allocated = [u for u in rows if u.seats is not None]
        self.totals.setText(f"已分配{len(allocated)}个单位，共{sum(u.seats for u in allocated)}个名额；"
                            f"已选{sum(u.used for u in rows)}人" + ("（有未保存的修改）" if self.model.changed else ""))
        self.save_button.setEnabled(self.model.changed and self.writable)
        self.undo_button.setEnabled(self.model.changed)

    def save(self) -> None:
        try:
            quotas.save_quotas(self.db, self.period_id, self.model.seats())
        except UserError as problem:
            messages.error(self, "名额未保存", str(problem))
            return
        self.refresh()
        self.saved.emit()
