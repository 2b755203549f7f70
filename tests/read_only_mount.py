"""A folder that cannot be written, for real: the test process is root, for whom file modes mean nothing, so
a command runs in its own mount namespace where the folder is bind-mounted read-only (EROFS, as on a CD)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SCRIPT = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'


def _works() -> bool:
    if sys.platform != "linux" or not shutil.which("unshare"):
        return False
    try:
        probe = subprocess.run(["unshare", "-m", "sh", "-c", _SCRIPT, "sh", "/tmp", "true"], capture_output=True,
                               timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


needs_read_only_mount = pytest.mark.skipif(not _works(), reason="needs unshare and mount (root in a Linux container)")


def run_read_only(folder: Path, *command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs command (Python is sys.executable) while folder is read-only; the test's own view is unchanged."""
    return subprocess.run(["unshare", "-m", "sh", "-c", _SCRIPT, "sh", str(folder), *command], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


def app_command(folder: Path, *args) -> subprocess.CompletedProcess:
    """`python -m app ARGS` with folder read-only."""
    return run_read_only(folder, sys.executable, "-m", "app", *map(str, args))
