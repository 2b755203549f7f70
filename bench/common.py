"""What every benchmark shares: a figure with its baseline and target, timing, and the table."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
_PYCACHE = Path(tempfile.gettempdir()) / "traindesk-bench-pycache"


@dataclass
class Figure:
    name: str
    value: float  # seconds, milliseconds or megabytes, as `unit` says
    unit: str
    baseline_name: str = ""
    baseline: float | None = None
    max_ratio: float | None = None  # target as a ratio to the baseline
    max_value: float | None = None  # target as an absolute value (when there is no baseline)

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool:
        if self.max_ratio is not None and self.ratio is not None and self.ratio > self.max_ratio:
            return False
        return self.max_value is None or self.value <= self.max_value

    def target(self) -> str:
        if self.max_ratio is not None:
            return f"≤ {self.max_ratio:g}×"
        return f"≤ {self.max_value:g} {self.unit}" if self.max_value is not None else ""


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def timed_result(work: Callable[[], object]) -> tuple[float, object]:
    """Seconds and what the work returned (pages made, say)."""
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def run_python(code: str, env: dict | None = None) -> tuple[float, str]:
    """Runs code in a fresh interpreter from the project root; returns wall seconds and stdout."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(_PYCACHE), **(env or {}))
    # Installed programs run from bytecode (the PyInstaller build carries it); a machine that sets
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module of ours on every start.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment,
                            capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return elapsed, result.stdout


def table(figures: list[Figure]) -> str:
    lines = ["| figure | value | measured against | ratio | target | met |", "| --- | --- | --- | --- | --- | --- |"]
    for f in figures:
        against = f"{f.baseline_name} ({f.baseline:.3g} {f.unit})" if f.baseline is not None else "—"
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
        lines.append(f"| {f.name} | {f.value:.3g} {f.unit} | {against} | {ratio} | {f.target()} | {'yes' if f.met else 'NO'} |")
    return "\n".join(lines)


def interleaved(cases: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """The best seconds of each case over `runs` rounds, the cases taking turns in each round so that a
    busy moment of the machine touches every case alike."""
    times: dict[str, list[float]] = {label: [] for label in cases}
    for _ in range(runs):
        for label, run in cases.items():
            times[label].append(run())
    return {label: min(values) for label, values in times.items()}
