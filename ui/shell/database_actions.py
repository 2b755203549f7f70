"""The 文件 menu's work and the first start: new, open, back up and restore database files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from app import config
from app.domain.errors import UserError
from app.services import database
from ui.common import messages, settings
from ui.common.files import ask_save_file
from ui.shell.opening import Opened, open_file, open_server
from ui.shell.session import Session

DB_FILTER = "数据库文件 (*.db);;所有文件 (*)"
LAST_DB_KEY = "last_database"
RECENT_KEY = "recent_databases"
MAX_RECENT = 8


def window_settings() -> QSettings:
    """The window's settings file (window.ini in the user's data folder), as ui.common.settings keeps it."""
    return settings.store()


def remembered_path() -> Path | str:
    """The database used last time (a file, or a server database's URL), or the default file in the user's
    data folder."""
    last = settings.text(LAST_DB_KEY)
    if last and (database.is_server(last) or Path(last).is_file()):
        return database.target(last)
    return config.default_db_path()


def recent_databases() -> list[Path | str]:
    """The databases opened last, newest first (up to 8), as they were written: some may be gone since."""
    return [database.target(text) for text in settings.texts(RECENT_KEY)][:MAX_RECENT]


def remember(path: Path | str) -> None:
    """Remembered for next time; a server's URL never carries a password (the dialog keeps it out)."""
    settings.set_text(LAST_DB_KEY, str(path))
    others = [str(item) for item in recent_databases() if item != database.target(path)]
    settings.set_texts(RECENT_KEY, [str(path), *others][:MAX_RECENT])


def forget_recent(path: Path) -> None:
    settings.set_texts(RECENT_KEY, [str(item) for item in recent_databases() if item != path])


def clear_recent(keep: Path) -> None:
    """清除列表: every database but the open one leaves the list."""
    settings.set_texts(RECENT_KEY, [str(keep)])


def start_database(path: Path | str, *, with_demo: bool = False) -> Opened | None:
    """The database to start with; asks on first start whether to load the demo office."""
    if database.is_server(path):
        return open_server(None, path)
    if path.exists():
        return open_file(None, path)
    if not with_demo:
        answer = messages.choose(
            None, config.APP_TITLE,
            "欢迎使用干部教育培训管理。\n\n尚未建立数据库。是否载入示范数据？\n"
            "示范数据包括2020年全县干部教育培训工作要点、2020年公务员培训计划及其班次、"
            "46个单位和600名示范学员，可随时新建空数据库重新开始。",
            ["载入示范数据", "建立空数据库", "退出"])
        if answer not in (0, 1):
            return None
        with_demo = answer == 0
    return open_file(None, path, create=True, with_demo=with_demo)


def _switch(session: Session, opened: Opened | None) -> None:
    if opened is not None:
        session.replace(opened.db, opened.path, opened.lock)
        remember(opened.path)


def new_database(parent: QWidget, session: Session) -> None:
    path, _ = QFileDialog.getSaveFileName(parent, "新建数据库", str(session.folder / "新数据库.db"), DB_FILTER)
    if not path:
        return
    path = Path(path)
    if path.exists():
        messages.error(parent, "新建数据库", f"文件“{path.name}”已存在。新建不会覆盖已有文件，请换一个名称。")
        return
    with_demo = messages.choose(parent, "新建数据库", "新数据库要载入示范数据吗？", ["建立空数据库", "载入示范数据"]) == 1
    _switch(session, open_file(parent, path, create=True, with_demo=with_demo))


def open_database(parent: QWidget, session: Session) -> None:
    path, _ = QFileDialog.getOpenFileName(parent, "打开数据库", str(session.folder), DB_FILTER)
    if path:
        open_path(parent, session, Path(path))


def connect_server(parent: QWidget, session: Session) -> None:
    """文件 → 连接服务器数据库: asks for the server, the database and the clerk's user name, then opens it."""
    from ui.shell.server_dialog import ServerDialog

    dialog = ServerDialog(parent, session.path if session.on_server else "")
    if dialog.exec() == ServerDialog.DialogCode.Accepted:
        url = dialog.url()
        if url != session.path:
            _switch(session, open_server(parent, url))


def open_path(parent: QWidget, session: Session, path: Path | str) -> None:
    """Opens a database chosen from 最近打开 or the open dialog; a file gone since leaves the list."""
    if path == session.path:
        return
    if database.is_server(path):
        _switch(session, open_server(parent, path))
        return
    if not path.is_file():
        messages.error(parent, "打开数据库", f"找不到文件“{path}”，可能已被移动、改名或删除。已从“最近打开”中去掉。")
        forget_recent(path)
        return
    _switch(session, open_file(parent, path))


def save_backup(parent: QWidget, session: Session) -> None:
    path = ask_save_file(parent, "另存备份", f"{session.path.stem}-备份-{date.today():%Y%m%d}.db", DB_FILTER)
    if path is None:
        return
    if Path(path).resolve() == session.path.resolve():
        messages.error(parent, "另存备份", "不能把备份存到正在使用的数据库文件上，请换一个文件名。")
        return
    try:
        saved = database.save_copy(session.db, path)
    except UserError as problem:
        messages.error(parent, "另存备份失败", str(problem))
        return
    messages.info(parent, "另存备份", f"已保存备份：\n{saved}")
