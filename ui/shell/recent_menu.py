"""文件 → 最近打开: the databases opened last, newest first; one gone since is greyed, with where it was."""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.services import database
from ui.shell import database_actions
from ui.shell.session import Session


class RecentMenu(QMenu):
    """Rebuilt each time it opens, so it always shows the list as it is now."""

    def __init__(self, parent: QWidget, session: Session):
        super().__init__("最近打开(&T)", parent)
        self.session = session
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        self.clear()
        paths = database_actions.recent_databases()
        for number, path in enumerate(paths, start=1):
            self.addAction(self._entry(number, path))
        if not paths:
            self.addAction("（无）").setEnabled(False)
        self.addSeparator()
        clear = self.addAction("清除列表")
        clear.setEnabled(len(paths) > 1)
        clear.triggered.connect(lambda: database_actions.clear_recent(self.session.path))

    def _entry(self, number: int, path) -> QAction:
        if database.is_server(path):
            action = QAction(f"&{number} {database.describe(path)}", self)
        else:
            action = QAction(f"&{number} {path.name}　（{path.parent}）", self)
        if path == self.session.path:
            action.setCheckable(True)
            action.setChecked(True)
            action.setToolTip(f"正在使用：{path}")
        elif not database.is_server(path) and not path.is_file():
            action.setEnabled(False)
            action.setToolTip(f"文件已不存在（可能已被移动、改名或删除）：{path}")
        else:
            action.setToolTip(str(path))
            action.triggered.connect(lambda checked=False, chosen=path: self.open(chosen))
        return action

    def open(self, path) -> None:
        database_actions.open_path(self.parentWidget(), self.session, path)
