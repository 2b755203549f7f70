"""文件 → 连接服务器数据库: the office's PostgreSQL server (issue 23). The clerk gives the server, the database
and their own user name; a password, when the server asks for one, is held in this process's memory only
(libpq reads it from PGPASSWORD), never written: the URL remembered for next time carries none, and
PostgreSQL's own password file (pgpass) can hold it instead."""
from __future__ import annotations

import getpass
import os
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from ui.common.form import ERROR_STYLE, save_cancel
from ui.common.windows import fit_window

DEFAULT_PORT = 5432


def server_url(host: str, port: int, database: str, user: str) -> str:
    """postgresql://user@host:port/database, each part quoted as URLs need (names may be Chinese)."""
    where = f"[{host}]" if ":" in host else host
    return f"postgresql://{quote(user, safe='')}@{where}:{port}/{quote(database, safe='')}"


def use_password(password: str) -> None:
    """The password for this process's connections, in memory only (libpq reads PGPASSWORD)."""
    if password:
        os.environ["PGPASSWORD"] = password


class ServerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, url: str = ""):
        super().__init__(parent)
        self.setWindowTitle("连接服务器数据库")
        known = urlsplit(url) if url else urlsplit("postgresql://")
        self.host = QLineEdit(known.hostname or "", placeholderText="如 192.168.1.20 或 db.zzb.local")
        self.port = QSpinBox(minimum=1, maximum=65535, value=known.port or DEFAULT_PORT)
        self.database = QLineEdit(unquote(known.path.lstrip("/")) or "traindesk")
        self.user = QLineEdit(unquote(known.username or "") or getpass.getuser())
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password, placeholderText="服务器要求时填写；不会保存")
        form = QFormLayout()
        form.addRow("服务器", self.host)
        form.addRow("端口", self.port)
        form.addRow("数据库", self.database)
        form.addRow("用户名", self.user)
        form.addRow("密码", self.password)
        note = QLabel("每位工作人员用自己的用户名登录，操作日志记下是谁做的。密码只在本次运行中使用，不写入任何文件；"
                      "也可由管理员写在 PostgreSQL 的密码文件（pgpass）中。", wordWrap=True, objectName="note")
        buttons, _ = save_cancel(self, "连接")
        self.error = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_window(self, 460, 320)

    def url(self) -> str:
        return server_url(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                          self.user.text().strip())

    def save(self) -> None:
        missing = [label for label, field in (("服务器", self.host), ("数据库", self.database), ("用户名", self.user))
                   if not field.text().strip()]
        if missing:
            self.error.setText(f"请填写{'、'.join(missing)}")
            self.error.show()
            return
        use_password(self.password.text())
        self.accept()
