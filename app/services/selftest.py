"""`traindesk --self-test`: proves a build (or a checkout) has everything it needs.

It works in a temporary folder, prints each step, and returns 0 only when every step passed. The
built application runs it in CI, so a missing data file or hidden import fails there, not in the office.
These are the steps without Qt; `ui.shell.selftest` adds the window's (every page, the PDF preview, printing).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from app import config


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
    from app.services import database, demo
    from app.services.safety import backups
    from app.services.stats import statistics

    db_file = folder / "自检 数据" / "traindesk.db"

    def build() -> str:
        from app.storage.lock import DatabaseLock

        db_file.parent.mkdir(parents=True)
        state["lock"] = DatabaseLock.acquire(db_file, program="自检")
        state["db"] = database.create_database(db_file, state["lock"])
        state["db_file"] = db_file
        counts = demo.build_demo(state["db"])
        return f"{counts['units']}个单位，{counts['people']}人，{counts['periods']}期"

    def check() -> str:
        problems = database.check(state["db"])
        if problems:
            raise RuntimeError("；".join(problems))
        return f"完好，{len(statistics.class_summaries(state['db']))}个班次"

    def backup_and_restore() -> str:
        made = backups.take(state["db"], "自检")
        backups.restore(state["db"], made)
        return made.name

    def rules_and_search() -> str:
        from datetime import date

        from app.domain.holidays import holiday_name
        from app.services import people, rule_checks

        warnings = sum(len(found) for found in rule_checks.warnings_by_class(state["db"]).values())
        if holiday_name(date(2020, 10, 1)) is None:
            raise RuntimeError("节假日数据缺失（chinese_calendar）")
        found = people.search_people(state["db"], "zw")
        return f"规则提示{warnings}条，2020年10月1日为{holiday_name(date(2020, 10, 1))}，拼音“zw”找到{len(found)}人"

    def import_list() -> str:
        from openpyxl import Workbook

        from app.services.demo_people import generate_people
        from app.services.importing.pipeline import import_file
        from app.services.importing.plan import ImportOptions
        from app.storage import periods, tables

        db = state["db"]
        units = tables.units(db).all()
        made = generate_people(dict(demo.load_seed("people.json"), count=40, seed=99), units)
        names = {unit.id: unit.name for unit in units}
        book = Workbook()
        sheet = book.active
        sheet.append(["2020年自检学员名单"])
        sheet.append(["姓名", "性别", "身份证号码", "工作单位", "职务", "联系电话"])
        for p in made:
            sheet.append([p.name, p.gender, p.id_number, names[p.unit_id], p.post, p.phone])
        source = folder / "单位 报送名单.xlsx"
        book.save(source)
        period_id = periods.first_preparing(db)
        if period_id is None:
            raise RuntimeError("示范数据中没有筹备中的期次")
        plan, result = import_file(db, source, ImportOptions(mode="add-update", period_id=period_id))
        if plan.count("reject") or result is None:
            raise RuntimeError(plan.summary())
        return plan.summary()

    def letters() -> str:
        from app.services.documents import KINDS, DocumentRequest, fonts, render
        from app.storage import roster

        # each kind's module is imported when first printed: all of them must be in the build
        if unbuildable := [kind.label for kind in KINDS.values() if not callable(kind.build)]:
            raise RuntimeError("缺少文书模块：" + "、".join(unbuildable))
        db = state["db"]
        period_id, count = roster.largest_roster(db)
        target = state["letters"] = folder / "入学通知书.pdf"
        pages = render(db, DocumentRequest("letters", period_id=period_id), target)
        if pages < count or not target.read_bytes().startswith(b"%PDF"):
            raise RuntimeError(f"应有{count}页，实得{pages}页")
        used = sorted({font.style for font in fonts.font_set().roles.values()})
        return f"{pages}页，{target.stat().st_size // 1024}KB，字体：{'、'.join(used)}"

    def more_documents() -> str:
        """What a build can lack though the letters print: reportlab's QR code (certificates), jieba's
        dictionary (a title broken between words) and python-docx's templates (a Word file)."""
        from app.services.documents import DocumentRequest, render
        from app.services.documents.words import words as segment
        from app.storage import roster

        db = state["db"]
        period_id, _ = roster.largest_roster(db, completed=True)
        made = [render(db, DocumentRequest("certificates", period_id=period_id), folder / "结业证书.pdf"),
                render(db, DocumentRequest("letters", period_id=period_id), folder / "入学通知书.docx")]
        words = segment("学习中国特色社会主义思想加强基层治理")  # the office's words, then jieba's own
        if "中国特色社会主义思想" not in words or len(words) < 4 or "".join(words) != "学习中国特色社会主义思想加强基层治理":
            raise RuntimeError(f"分词结果不对：{'/'.join(words)}")
        return f"结业证书{made[0]}页（含二维码），Word入学通知书{made[1]}份，标题分词：{'/'.join(words)}"

    def server_driver() -> str:
        """The PostgreSQL driver and its libpq, imported only when a server is opened: a build must hold them."""
        from app.storage import postgres

        if postgres.placeholders("SELECT ? WHERE '?' = ?") != "SELECT %s WHERE '?' = %s":
            raise RuntimeError("参数占位符转换不对")
        return postgres.driver()

    return [("建立示范数据库", build), ("检查数据库", check), ("备份与恢复", backup_and_restore),
            ("规则、节假日与拼音检索", rules_and_search), ("导入Excel名单", import_list), ("生成入学通知书PDF", letters),
            ("结业证书、Word文件与标题分词", more_documents), ("服务器数据库驱动", server_driver)]


Steps = Callable[[Path, dict], list[tuple[str, Callable[[], str]]]]


def run(out=None, more_steps: Steps | None = None) -> int:
    """Runs every step (and more_steps after them, sharing the folder and state); 0 when all passed."""
    out = out or sys.stdout
    log = [f"{config.APP_TITLE} {config.APP_VERSION} 自检（资源目录 {config.project_root()}）"]
    state: dict = {}
    with tempfile.TemporaryDirectory(prefix="traindesk-selftest-", ignore_cleanup_errors=True) as folder:
        try:
            chosen = steps(Path(folder), state) + (more_steps(Path(folder), state) if more_steps else [])
            passed = all([_step(name, work, log) for name, work in chosen])
        finally:
            for closing in state.get("close", []):
                closing()
            if "db" in state:
                state["db"].close()
            if "lock" in state:
                state["lock"].release()
    log.append("自检通过" if passed else "自检未通过")
    text = "\n".join(log)
    if out is not None:
        print(text, file=out)
    else:  # a windowed build on Windows has no console: leave the result where support can read it
        report = config.user_data_dir() / "logs" / "selftest.txt"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(text + "\n", encoding="utf-8")
    return 0 if passed else 1
