"""`traindesk --self-test`: proves a build (or a checkout) has everything it needs, without a window.

It works in a temporary folder, prints each step, and returns 0 only when every step passed. The
built application runs it in CI, so a missing data file or hidden import fails there, not in the office.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from . import config


def _step(name: str, work: Callable[[], str], log: list[str]) -> bool:
    start = time.perf_counter()
    try:
        detail = work()
    except Exception as error:  # the self-test reports every failure and goes on
        log.append(f"失败  {name}：{type(error).__name__}: {error}")
        return False
    log.append(f"通过  {name}：{detail}（{time.perf_counter() - start:.2f} 秒）")
    return True


def steps(folder: Path, state: dict) -> list[tuple[str, Callable[[], str]]]:
    from .services import backups, database, demo, stats

    db_file = folder / "自检 数据" / "traindesk.db"

    def build() -> str:
        state["db"] = database.create_database(db_file)
        counts = demo.build_demo(state["db"])
        return f"{counts['units']}个单位，{counts['people']}人，{counts['periods']}期"

    def check() -> str:
        problems = database.check(state["db"])
        if problems:
            raise RuntimeError("；".join(problems))
        return f"完好，{len(stats.class_summaries(state['db']))}个班次"

    def backup_and_restore() -> str:
        made = backups.take(state["db"], "自检")
        backups.restore(state["db"], made)
        return made.name

    return [("建立示范数据库", build), ("检查数据库", check), ("备份与恢复", backup_and_restore)]


def run(out=None) -> int:
    out = out or sys.stdout
    log = [f"{config.APP_TITLE} {config.APP_VERSION} 自检（资源目录 {config.project_root()}）"]
    state: dict = {}
    with tempfile.TemporaryDirectory(prefix="traindesk-selftest-", ignore_cleanup_errors=True) as folder:
        try:
            passed = all([_step(name, work, log) for name, work in steps(Path(folder), state)])
        finally:
            if "db" in state:
                state["db"].close()
    log.append("自检通过" if passed else "自检未通过")
    text = "\n".join(log)
    if out is not None:
        print(text, file=out)
    else:  # a windowed build on Windows has no console: leave the result where support can read it
        report = config.user_data_dir() / "logs" / "selftest.txt"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(text + "\n", encoding="utf-8")
    return 0 if passed else 1
