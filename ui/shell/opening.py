"""Opening a database file from the window: the one-writer lock, read-only access (another computer has the
file, or it lies where nothing can be written), damaged files, and an import the last session left unfinished."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domain.errors import UserError
from app.services import database
from app.services.database import Database, DatabaseDamaged, DatabaseLock, DatabaseLocked
from app.services.importing.marker import interrupted_import
from app.services.safety import audit, backups
from ui.common import messages


@dataclass
class Opened:
    db: Database
    path: Path
    lock: DatabaseLock | None  # None: opened read-only


def open_file(parent: QWidget | None, path: Path, *, create: bool = False, with_demo: bool = False) -> Opened | None:
    """Takes the lock (or asks to open read-only), opens or creates the file; None when it cannot."""
    if path.exists() and not database.is_writable(path):
        question = f"“{path.name}”或其所在文件夹是只读的。\n\n只读打开时可以查看和打印，不能修改。"
        lock = None if messages.choose(parent, "数据库只读", question, ["只读打开", "取消"]) == 0 else False
    else:
        lock = _lock(parent, path, create)
    if lock is False:
        return None
    try:
        db = _open(parent, path, create, lock)
        if db is not None and with_demo:
            from app.services import demo  # only on a first start: keeps the generator out of start-up

            demo.build_demo(db)
    except UserError as problem:
        db = None
        messages.error(parent, "无法打开数据库", str(problem))
    if db is None and lock is not None:
        lock.release()
        return None
    if db is not None:
        _tell_unfinished_import(parent, db, lock)
    return Opened(db, path, lock) if db is not None else None


def open_server(parent: QWidget | None, url: str) -> Opened | None:
    """Opens the office's server database: no lock (every window writes), its password asked for when the
    server wants one and neither the URL, PGPASSWORD nor the password file gave it; None when it cannot."""
    from ui.shell.server_dialog import use_password

    for _ in range(3):
        try:
            return Opened(database.open_database(url), url, None)
        except UserError as problem:
            if not _wants_password(problem):
                messages.error(parent, "无法连接服务器数据库", str(problem))
                return None
            password = messages.ask_password(parent, "连接服务器数据库",
                                             f"{database.describe(url)}要求输入密码（只在本次运行中使用，不会保存）：")
            if password is None:
                return None
            use_password(password)
    messages.error(parent, "无法连接服务器数据库", "密码不正确")
    return None


def _wants_password(problem: Exception) -> bool:
    text = str(problem).lower()
    return "password" in text or "密码" in text


def _lock(parent: QWidget | None, path: Path, create: bool) -> DatabaseLock | None | bool:
    """The lock, None for read-only, or False to give up."""
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        return DatabaseLock.acquire(path)
    except DatabaseLocked as locked:
        return _ask_about_lock(parent, path, locked)
    except (UserError, OSError) as problem:
        messages.error(parent, "无法打开数据库", str(problem))
        return False


def _ask_about_lock(parent: QWidget | None, path: Path, locked: DatabaseLocked) -> DatabaseLock | None | bool:
    if locked.same_computer:
        messages.error(parent, "数据库正在使用", str(locked))
        return False
    if locked.stale:
        answer = messages.choose(parent, "数据库正在使用", f"{locked}。\n\n确认那台电脑已不再使用后，可以接管。",
                                 ["只读打开", "接管并打开", "取消"])
        if answer == 1:
            return DatabaseLock.acquire(path, take_over_stale=True)
    else:
        answer = messages.choose(parent, "数据库正在使用", f"{locked}。\n\n只读打开时可以查看和打印，不能修改。",
                                 ["只读打开", "取消"])
    return None if answer == 0 else False


def _open(parent: QWidget | None, path: Path, create: bool, lock: DatabaseLock | None) -> Database | None:
    try:
        if create:
            return database.create_database(path, lock)
        return database.open_database(path, lock=lock)
    except DatabaseDamaged as damaged:
        return _offer_backup(parent, path, damaged, lock)


def _offer_backup(parent: QWidget | None, path: Path, damaged: DatabaseDamaged,
                  lock: DatabaseLock | None) -> Database | None:
    """A short summary; quick_check's lines (up to a hundred) only behind the details button."""
    if damaged.damaged is None:  # read-only: the file stays as it is, for its user to restore
        messages.error(parent, "数据库已损坏", str(damaged), details=damaged.details)
        return None
    answer = messages.choose(parent, "数据库已损坏", f"{damaged}。\n\n是否用最新的完好备份恢复？",
                             ["用最新备份恢复", "取消"], details=damaged.details)
    if answer != 0:
        return None
    restored = backups.restore_newest_good(path)
    if restored is None:
        messages.error(parent, "无法恢复", "没有找到完好的备份。损坏的文件已保留，请联系技术人员。")
        return None
    messages.info(parent, "已恢复", f"已用备份“{restored.name}”恢复数据库。\n该备份之后的修改需要重新录入。")
    db = database.open_database(path, lock=lock)
    audit.record(db, "恢复备份", detail=f"数据库文件损坏（已改名为 {damaged.damaged.name}），用 {restored.name} 恢复")
    return db


def _tell_unfinished_import(parent: QWidget | None, db: Database, lock: DatabaseLock | None) -> None:
    notice = interrupted_import(db, holds_lock=lock is not None)
    if notice:
        messages.info(parent, "导入未完成", notice)
