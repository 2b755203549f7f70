"""规则提示: every warning of a plan (its totals and each class's), double-click to open the class;
the thresholds the rules use can be changed from here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.services import rule_checks
from ui.classes.rule_settings import RuleSettingsDialog
from ui.common.record_model import Column, RecordTableModel
from ui.common.widgets import make_table, note


class PlanWarningsModel(RecordTableModel):
    columns = (
        Column("班次", lambda w: w.class_name or "（计划本身）", 16),
        Column("规则", lambda w: w.label, 10),
        Column("说明", lambda w: w.warning.message, 30),
    )

if TYPE_CHECKING:  # the session is the shell's; common widgets only hold one
    from ui.shell.session import Session


class WarningsPanel(QWidget):
    open_class = Signal(int)
    open_plan_field = Signal(str)
    thresholds_saved = Signal()  # the owner announces it: common widgets know nothing of the shell

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.plan_id: int | None = None
        self.model = PlanWarningsModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.doubleClicked.connect(self._activated)
        self.summary = note()
        settings_button = QPushButton("规则阈值设置…")
        settings_button.clicked.connect(self.edit_thresholds)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_plan(self, plan_id: int | None) -> int:
        """Lists the plan's warnings as saved; returns how many."""
        self.plan_id = plan_id
        found = rule_checks.plan_warnings(self.session.db, plan_id) if plan_id else []
        self.model.set_rows(found)
        self.summary.setText(f"共{len(found)}条提示（提示不妨碍保存，供核对）。双击一行打开对应班次。" if found
                             else "本计划及其班次没有违反规则的地方。")
        return len(found)

    def _activated(self, index) -> None:
        found = self.model.record(index.row())
        if found.class_id is not None:
            self.open_class.emit(found.class_id)
        else:
            self.open_plan_field.emit(found.warning.field)

    def edit_thresholds(self) -> None:
        dialog = RuleSettingsDialog(rule_checks.thresholds(self.session.db), self)
        accepted = dialog.exec() == RuleSettingsDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            rule_checks.save_thresholds(self.session.db, dialog.values())
            self.thresholds_saved.emit()
