"""文件 → 恢复备份: the backups of the open database with what each holds; restoring saves the current data first."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app.services.safety import backups
from ui.common import messages
from ui.common.record_model import Column, RecordTableModel
from ui.common.widgets import make_table
from ui.common.windows import remember_window
from ui.shell.changes import NOTHING
from ui.shell.ops import run_op
from ui.shell.session import Session


def _count(table: str):
    return lambda summary: summary.counts[table] if summary.counts else "无法读取"


class BackupsModel(RecordTableModel):
    columns = (
        Column("备份时间", lambda b: f"{b.taken:%Y-%m-%d %H:%M:%S}", 11),
        Column("原因", lambda b: b.reason, 5),
        *(Column(label, _count(table), 5, numeric=True) for table, label in backups.COUNTED),
        Column("大小(KB)", lambda b: round(b.size / 1024), 5, numeric=True),
        Column("文件", lambda b: b.path.name, 20),
    )


class RestoreDialog(QDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("恢复备份")
        self.model = BackupsModel(self)
        self.model.set_rows(backups.summaries(session.path))
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("恢复所选备份", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"备份文件夹：{backups.store.backups_folder(session.path)}", wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("恢复前会先把当前数据另存为一个备份，恢复后也可以再恢复回来。", objectName="note"))
        layout.addWidget(buttons)
        self._update_button()
        remember_window(self, "restore", self.fontMetrics().horizontalAdvance("汉") * 56, self.fontMetrics().height() * 26)

    def _update_button(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()) and not self.session.read_only)

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.model.record(rows[0].row())
        question = f"用 {chosen.taken:%Y-%m-%d %H:%M} 的备份替换当前数据吗？\n当前数据会先自动备份。"
        if messages.choose(self, "恢复备份", question, ["恢复", "取消"], default=1) != 0:
            return
        # the whole file is replaced: _restored tells every page through session.reloaded(), not a Changed
        self.task = run_op(self, self.session, lambda db, progress: backups.restore(db, chosen.path),
                           changed=NOTHING, label="正在恢复备份…", on_done=self._restored)

    def _restored(self, safety) -> None:
        self.session.reloaded()
        messages.info(self, "恢复备份", f"已恢复。恢复前的数据已备份为：\n{safety.name}")
        self.accept()
