"""The program's error log (logs/error.log in the user data folder): full tracebacks of the failures
nobody foresaw, from the window and the command line alike, for whoever supports the office."""
from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from app import config

INTERNAL_ERROR = "程序内部错误，操作未完成，数据未作改动；详细信息已写入日志：{log}"


def log_file() -> Path:
    return config.user_data_dir() / "logs" / "error.log"


def internal_error(error: BaseException) -> str:
    """The one line the user sees for an unforeseen failure, after its traceback went to the log."""
    return INTERNAL_ERROR.format(log=record(error))


def record(error: BaseException) -> Path:
    """Appends the error with its traceback; a log that cannot be written is no reason to fail again."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S}\n")
            handle.writelines(traceback.format_exception(type(error), error, error.__traceback__))
    except OSError:
        pass
    return path
