"""显示完整身份证号: ID numbers are masked on screen; showing them whole is a choice written to the audit log."""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from app.domain.errors import UserError
from app.services.safety import audit
from ui.common import messages
from ui.common.write_access import writable

if TYPE_CHECKING:  # the session is the shell's; common widgets only hold one
    from ui.shell.session import Session

LABEL = "显示完整身份证号"
TIP = "身份证号码默认隐去中间8位（个人信息保护）；显示完整号码会记入操作日志"
READ_ONLY_TIP = "只读打开时无法记入操作日志，因此只显示隐去中间部分的号码"


class FullIdBox(QCheckBox):
    """Emits `reveal(bool)` once the choice is logged; unticks itself when another database is opened."""

    reveal = Signal(bool)

    def __init__(self, session: Session, where: str, parent: QWidget | None = None):
        super().__init__(LABEL, parent)
        self.session, self.where = session, where
        self.toggled.connect(self._toggled)
        session.database_changed.connect(self.reset)
        self.reset()

    def reset(self) -> None:
        """Masked again, and only offered when the choice can be logged."""
        self.setChecked(False)
        self.setEnabled(writable(self.session))
        self.setToolTip(TIP if self.isEnabled() else READ_ONLY_TIP)

    def _toggled(self, checked: bool) -> None:
        if checked:
            try:
                audit.record(self.session.db, "显示完整身份证号", detail=self.where)
            except (UserError, sqlite3.Error) as error:
                self.blockSignals(True)
                self.setChecked(False)
                self.blockSignals(False)
                messages.error(self, LABEL, f"无法记入操作日志，仍隐去身份证号码中间部分。\n\n{error}")
                return
        self.reveal.emit(checked)
