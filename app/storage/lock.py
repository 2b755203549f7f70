"""One writer per database: a lock file beside it naming the computer, user and process, with a heartbeat.

SQLite's own locks keep a single write consistent; this file keeps two people from editing the office's
data at once (and tells the second one who has it). A lock whose process is gone from this computer is
taken over at once; a lock from another computer whose heartbeat stopped may be taken over after the
user confirms.
"""
from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.domain.errors import UserError

HEARTBEAT_SECONDS = 30
WINDOW = "窗口"
STALE_SECONDS = 120  # four missed heartbeats: the other computer has probably crashed or lost the network


def os_user() -> str:
    """The signed-in user's name, for the lock file and the audit log."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (services, odd Windows setups)
        return ""


@dataclass
class LockInfo:
    computer: str
    user: str
    pid: int
    started: float
    heartbeat: float
    program: str = ""  # WINDOW or "命令 import-roster"; empty in lock files written before it was kept

    def describe(self) -> str:
        since = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.started))
        return f"数据库正被 {self.computer} 上的 {self.user} 使用（自 {since} 起）"


class DatabaseLocked(UserError):
    """Another program holds the database; `info` says who, `stale` whether it may be taken over."""

    def __init__(self, info: LockInfo, stale: bool, same_computer: bool):
        self.info, self.stale, self.same_computer = info, stale, same_computer
        if same_computer and info.program.startswith("命令"):
            message = f"本机上正在运行的{info.program}正在修改此数据库，请等它完成后再打开"
        elif same_computer:
            message = "本机已有一个本程序窗口正在使用此数据库，请切换到那个窗口"
        elif stale:
            message = info.describe() + "，但已超过两分钟没有响应，可能已异常退出"
        else:
            message = info.describe() + "，可以只读方式打开"
        super().__init__(message)

    def for_command(self, command: str) -> str:
        """What a command-line user is told: who holds the database, and what to do instead."""
        program = self.info.program
        if self.same_computer and program.startswith("命令"):
            where, advice = f"，是本机上正在运行的{program}", "请等它完成后再运行。"
        elif self.same_computer:
            where, advice = "，是本机上打开的本程序窗口", "请先关闭那个窗口再运行。"
        else:
            where = f"（{program}）" if program else ""
            advice = (_TAKE_OVER if self.stale else f"请等 {self.info.user} 关闭本程序后再运行。")
        return (f"{command} 要修改数据，现在不能运行：{self.info.describe()}{where}。{advice}"
                "只读的命令（如 periods、people、check）可以照常运行；也可以用 --db 对数据库的副本操作。")


_TAKE_OVER = ("那台电脑已超过两分钟没有响应，可能已异常退出；确认它已不再使用本程序后，"
              "在本机窗口中打开此数据库并选择“接管并打开”。")


def lock_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".lock")


def me(program: str = WINDOW) -> LockInfo:
    now = time.time()
    return LockInfo(socket.gethostname(), os_user(), os.getpid(), now, now, program)


class DatabaseLock:
    def __init__(self, db_file: Path, info: LockInfo):
        self.path, self.info = lock_path(db_file), info

    @classmethod
    def acquire(cls, db_file: Path, *, take_over_stale: bool = False, program: str = WINDOW) -> "DatabaseLock":
        """Takes the lock, or raises DatabaseLocked; a dead local holder is replaced without asking."""
        path = lock_path(Path(db_file))
        mine = me(program)
        for _ in range(3):  # another process may create or remove the file between our steps
            if _create_exclusive(path, mine):
                return cls(Path(db_file), mine)
            holder = read_lock(path)
            if holder is None:
                _remove(path)  # unreadable or half-written: its writer died while writing it
                continue
            same_computer = holder.computer == mine.computer
            if same_computer and holder.pid == mine.pid:
                return cls(Path(db_file), holder)
            if same_computer and not process_alive(holder.pid):
                _remove(path)
                continue
            stale = not same_computer and time.time() - holder.heartbeat > STALE_SECONDS
            if stale and take_over_stale:
                _remove(path)
                continue
            raise DatabaseLocked(holder, stale, same_computer)
        raise UserError(f"无法建立锁文件 {path}")

    def beat(self) -> None:
        """Refreshes the heartbeat; the application calls it every HEARTBEAT_SECONDS."""
        self.info.heartbeat = time.time()
        try:
            _write_atomically(self.path, self.info)
        except OSError:
            pass  # a missed beat is harmless; the next one tries again

    def holds(self, db_file: Path) -> bool:
        """True when this is the lock of db_file and the lock file still names this process (it may have been
        taken over from another computer after this one stopped answering)."""
        if os.path.abspath(lock_path(Path(db_file))) != os.path.abspath(self.path):
            return False
        holder = read_lock(self.path)
        return holder is not None and (holder.computer, holder.pid) == (self.info.computer, self.info.pid)

    def release(self) -> None:
        holder = read_lock(self.path)
        if holder and holder.pid == self.info.pid and holder.computer == self.info.computer:
            _remove(self.path)


@contextmanager
def held(db_file: Path, program: str = "命令"):
    """Holds the lock for a short piece of work, such as one command-line write."""
    db_file.parent.mkdir(parents=True, exist_ok=True)
    lock = DatabaseLock.acquire(db_file, program=program)
    try:
        yield lock
    finally:
        lock.release()


def read_lock(path: Path) -> LockInfo | None:
    """The holder named in a lock file; keys a later version may add are ignored, not taken for damage."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(**{f.name: found[f.name] for f in fields(LockInfo) if f.name in found})
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists but belongs to another user
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _create_exclusive(path: Path, info: LockInfo) -> bool:
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    except OSError as error:
        raise UserError(f"无法在 {path.parent} 建立锁文件：{error.strerror or error}") from error
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(asdict(info), handle, ensure_ascii=False)
    return True


def _write_atomically(path: Path, info: LockInfo) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(asdict(info), ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
