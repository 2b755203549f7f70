"""Is a path on a network share? SQLite's WAL mode needs shared memory, which does not work across machines."""
from __future__ import annotations

import os
import sys
from pathlib import Path

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
