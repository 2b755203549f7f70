"""Where a database file lives: on a network share (SQLite's WAL mode needs shared memory, which does not
work across machines), in a place that cannot be written (a CD, a write-protected USB stick, a share without
write rights), and the file: URI SQLite needs to open it read-only there."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

_NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "afs", "9p", "fuse.sshfs", "ncpfs", "davfs"}


def is_network_path(path: Path) -> bool:
    path = Path(os.path.abspath(path))
    if sys.platform == "win32":
        return _windows_is_remote(str(path))
    if sys.platform.startswith("linux"):
        return _linux_filesystem(path) in _NETWORK_FILESYSTEMS
    return False


def _windows_is_remote(path: str) -> bool:
    if path.startswith("\\\\"):
        return True  # a UNC path: \\server\share\...
    import ctypes

    drive = os.path.splitdrive(path)[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE: a mapped network drive


def _linux_filesystem(path: Path) -> str:
    best, kind = "", ""
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as mounts:
            for line in mounts:
                fields = line.split()
                mount = fields[1] if len(fields) >= 3 else ""
                inside = str(path) == mount or str(path).startswith(mount.rstrip("/") + "/")
                if mount and inside and len(mount) > len(best):
                    best, kind = mount, fields[2]
    except OSError:
        return ""
    return kind


def is_writable(path: Path) -> bool:
    """SQLite writes the file and, beside it, its journal: both need write access.

    os.access answers False on a read-only file system (a CD, a read-only mount), for root too; on Windows
    it only knows the read-only attribute, so there a folder is asked by creating a file in it."""
    path = Path(path)
    if path.exists() and not os.access(path, os.W_OK):
        return False
    if sys.platform == "win32":
        return _can_create_in(path.parent)
    return os.access(path.parent, os.W_OK)


def _can_create_in(folder: Path) -> bool:
    probe = folder / f"~traindesk-{os.getpid()}.tmp"
    try:
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        pass  # left by an earlier run of this process id: the folder took it, so it is writable
    except OSError:
        return False
    try:
        probe.unlink()
    except OSError:
        pass
    return True


def file_uri(path: str | os.PathLike, params: dict[str, str | int] | None = None) -> str:
    r"""A file: URI for SQLite, every character of a Chinese name, a space, # or ? quoted.

    C:\数据\a.db becomes file:///C:/%E6..., a share \\server\share\a.db becomes file:////server/share/a.db:
    SQLite accepts only an empty authority, and Windows opens //server/share/... as the share."""
    return uri_of_absolute(os.path.abspath(path), params, windows=sys.platform == "win32")


def uri_of_absolute(text: str, params: dict[str, str | int] | None = None, *, windows: bool = False) -> str:
    if windows:
        text = text.replace("\\", "/")
        if not text.startswith("/"):
            text = "/" + text  # a drive letter: /C:/...
    query = f"?{urlencode(params)}" if params else ""
    return f"file://{quote(text, safe='/:')}{query}"
