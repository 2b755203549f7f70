"""An import killed with SIGKILL in the middle of its transaction: the rows are written, not committed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STALLED = """
import sys, time
from pathlib import Path
from app.services.importing import commit as import_commit
from app.storage.records import Table

flag = Path(sys.argv[1])

def stalled(write):
    def run(*args, **kwargs):
        result = write(*args, **kwargs)
        flag.write_text("written, not committed")
        time.sleep(120)
        return result
    return run

import_commit._Writer.add_people = stalled(import_commit._Writer.add_people)
Table.insert_many = stalled(Table.insert_many)  # the hours import's rows
from app.cli import main
sys.exit(main(sys.argv[2:]))
"""


def kill_during_commit(*args, folder: Path) -> None:
    """Runs `python -m app ARGS` (import-roster or import-hours) and kills it inside its transaction."""
    flag = folder / "已写入未提交"
    flag.unlink(missing_ok=True)
    child = subprocess.Popen([sys.executable, "-c", STALLED, str(flag), *map(str, args)], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not flag.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert flag.exists(), child.stderr.read().decode() if child.poll() is not None else "the import never began"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stderr.close()
