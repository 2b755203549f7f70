"""帮助 → 操作日志: every import, export, deletion, restore and other change, with time and user."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from app.services.safety import audit
from ui.common.record_model import SORT_ROLE, Column, RecordTableModel
from ui.common.widgets import make_table
from ui.common.windows import remember_window


class AuditModel(RecordTableModel):
    columns = (
        Column("时间", lambda e: e["at"].replace("T", " "), 10),
        Column("用户", lambda e: e["os_user"], 6),
        Column("操作", lambda e: e["action"], 7),
        Column("说明", lambda e: e["shown"], 30),  # the records named as the clerk knows them
    )


class AuditDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.setWindowTitle("操作日志")
        self.model = AuditModel(self)
        self.model.set_rows(audit.entries(db, limit=5000))
        proxy = QSortFilterProxyModel(self, filterKeyColumn=-1, sortRole=SORT_ROLE)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setSourceModel(self.model)
        self.search = QLineEdit(placeholderText="搜索操作、用户或说明", clearButtonEnabled=True)
        self.search.textChanged.connect(proxy.setFilterFixedString)
        self.table = make_table(proxy, self.model.columns, self)
        buttons = QDialogButtonBox()
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        remember_window(self, "audit", self.fontMetrics().horizontalAdvance("汉") * 64, self.fontMetrics().height() * 30)
