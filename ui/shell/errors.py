"""Unexpected errors in the window: a Chinese message instead of a silent failure, and a log for support."""
from __future__ import annotations

import sqlite3
import sys

from app.domain.errors import UserError
from app.services.database import reason_of
from app.services.safety import error_log
from ui.common import messages


def explain(error: BaseException) -> str:
    if isinstance(error, UserError):
        return str(error)
    if isinstance(error, sqlite3.OperationalError) and "readonly" in str(error):
        return "数据库是只读打开的（正被其他电脑使用，或位于光盘、写保护的U盘等只读的位置），不能修改。"
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return "数据库正忙，请稍后再试。"
    if isinstance(error, sqlite3.OperationalError) and ("disk" in str(error) or "full" in str(error)):
        return f"保存未完成，数据未作改动：{reason_of(error)}。请腾出磁盘空间或检查U盘、共享文件夹后再试。"
    return f"程序内部错误，操作未完成。\n\n详细信息已记入 {log_file()}"


def log_file():
    return error_log.log_file()


def install_excepthook() -> None:
    def hook(kind, error, trace):
        if not isinstance(error, UserError):
            error_log.record(error.with_traceback(trace))
        messages.error(None, "出错了", explain(error))

    sys.excepthook = hook
