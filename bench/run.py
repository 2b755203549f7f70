"""`python bench/run.py`: every benchmark of the project in one run, printed as one table.

Each figure is measured side by side with its baseline on the same machine in the same run; the
command exits 1 when a target is missed. Each bench module has `figures() -> list[Figure]`.
"""
from __future__ import annotations

import importlib
import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import table  # noqa: E402

MODULES = ("bench.bench_startup", "bench.bench_import", "bench.bench_letters", "bench.bench_print_dialog",
           "bench.bench_search", "bench.bench_global_search", "bench.bench_calendar", "bench.bench_guard",
           "bench.bench_word", "bench.bench_stats")


def main() -> int:
    figures = []
    failed = []
    for name in MODULES:
        print(f"… {name}", file=sys.stderr)
        try:
            figures += importlib.import_module(name).figures()
        except Exception:  # one broken benchmark must not lose the others' figures
            traceback.print_exc()
            failed.append(name)
    print(f"{platform.node()}: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{datetime.now():%Y-%m-%d %H:%M}\n")
    print(table(figures))
    if failed:
        print(f"\nfailed to run: {', '.join(failed)}")
    return 0 if all(f.met for f in figures) and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
