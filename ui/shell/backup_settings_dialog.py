"""文件 → 备份设置: where backups go, a second folder (a USB stick or a share), and a backup now."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.domain.errors import UserError
from app.services import settings
from app.services.safety import backups
from ui.common import messages
from ui.shell.session import Session


class BackupSettingsDialog(QDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("备份设置")
        self.second = QLineEdit(settings.get(session.db, backups.SECOND_FOLDER_KEY, ""))
        self.second.setPlaceholderText("例如 U 盘或共享文件夹；留空则只备份在本机")
        browse = QPushButton("选择…")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.second, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("本机备份文件夹：", QLabel(str(backups.store.backups_folder(session.path)), wordWrap=True))
        form.addRow("第二备份位置：", row)
        note = QLabel(f"打开程序时（数据有变化）、每{backups.INTERVAL_MINUTES}分钟、导入和恢复前、退出时自动备份；"
                      "保留今天和昨天的全部备份，以及此前12天、10周、9个月各一份。", wordWrap=True, objectName="note")
        buttons = QDialogButtonBox()
        now = buttons.addButton("立即备份", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        now.clicked.connect(self.backup_now)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(self.fontMetrics().horizontalAdvance("汉") * 40, 880))
        self.adjustSize()

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择第二备份位置", self.second.text())
        if folder:
            self.second.setText(folder)

    def save(self) -> None:
        folder = self.second.text().strip()
        if folder and not Path(folder).is_dir():
            messages.error(self, "备份设置", f"文件夹“{folder}”不存在或无法访问。")
            return
        settings.put(self.session.db, backups.SECOND_FOLDER_KEY, folder)
        self.accept()

    def backup_now(self) -> None:
        try:
            made = backups.take(self.session.db, "手动")
        except UserError as problem:
            messages.error(self, "备份失败", str(problem))
            return
        messages.info(self, "备份完成", f"已备份到：\n{made}")
