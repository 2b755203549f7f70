"""`python -m app ...`: the same services as the window, for scripts and for the office's tools.

Exit codes: 0 done; 1 a check found problems; 2 the command could not run (a one-line Chinese reason
on stderr, nothing changed).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import config
from .domain.errors import UserError
from .services import classes, database, demo, plans
from .services import people as people_service
from .services.export import class_json, period_json, person_json, plan_json

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILED = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, help="数据库文件（默认为用户数据文件夹中的 traindesk.db）")
    parser = argparse.ArgumentParser(prog="python -m app", description=f"{config.APP_TITLE} 命令行")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    init = commands.add_parser("init", parents=[common], help="新建数据库")
    init.add_argument("--demo", action="store_true", help="载入示范数据（2020年计划、班次、单位和学员）")
    for name, text in (("plans", "列出计划及其要点条目"), ("classes", "列出班次"), ("periods", "列出期次")):
        sub = commands.add_parser(name, parents=[common], help=text)
        sub.add_argument("--json", action="store_true", help="以 JSON 输出")
    people = commands.add_parser("people", parents=[common], help="列出人员")
    people.add_argument("--json", action="store_true", help="以 JSON 输出")
    people.add_argument("--search", default="", help="按姓名、身份证号、电话或单位查找")
    commands.add_parser("check", parents=[common], help="检查数据库完整性")
    backup = commands.add_parser("backup", parents=[common], help="备份数据库")
    backup.add_argument("--to", type=Path, help="备份到此文件夹（默认为数据库旁的 backups 文件夹）")
    return parser


def main(argv: list[str] | None = None) -> int:
    _safe_console()
    args = _parser().parse_args(argv)
    db_file = args.db or config.default_db_path()
    try:
        if args.command == "init":
            return _init(db_file, args.demo)
        db = database.open_database(db_file)
        try:
            return COMMANDS[args.command](db, args)
        finally:
            db.close()
    except UserError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_FAILED


def _init(db_file: Path, with_demo: bool) -> int:
    db = database.create_database(db_file)
    try:
        if with_demo:
            demo.build_demo(db)
        counts = database.counts(db)
    finally:
        db.close()
    summary = "，".join(f"{label}{counts[table]}" for table, label in database.COUNTED.items())
    print(f"数据库已就绪：{db_file}（{summary}）")
    return EXIT_OK


def _emit(args, records: list[dict], lines: list[str]) -> int:
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines) if lines else "（无记录）")
    return EXIT_OK


def _plans(db, args) -> int:
    outlines = [plans.plan_outline(db, plan.id) for plan in plans.list_plans(db, include_archived=True)]
    lines = [f"{o.plan.id}\t{o.plan.year}\t{o.plan.title}\t{len(o.sections)}个标题，{len(o.items)}条" for o in outlines]
    return _emit(args, [plan_json(o) for o in outlines], lines)


def _classes(db, args) -> int:
    found = classes.list_classes(db, include_archived=True)
    periods = classes.list_periods(db, include_archived=True)
    records = [class_json(db, c, [p for p in periods if p.class_id == c.id]) for c in found]
    lines = [f"{c.id}\t{c.plan_title}\t{c.seq}.{c.name}\t{c.kind}\t{c.planned_periods}期×{c.trainees_per_period}人" for c in found]
    return _emit(args, records, lines)


def _periods(db, args) -> int:
    found = classes.list_periods(db, include_archived=True)
    lines = [f"{p.id}\t{p.class_name}\t第{p.number}期\t{p.start_date}至{p.end_date}\t{p.status}\t{p.enrolled}人" for p in found]
    return _emit(args, [period_json(p) for p in found], lines)


def _people(db, args) -> int:
    found = people_service.search_people(db, args.search)
    lines = [f"{p.id}\t{p.name}\t{p.gender}\t{p.unit_name}\t{p.post}\t{p.id_number}" for p in found]
    return _emit(args, [person_json(p) for p in found], lines)


def _check(db, args) -> int:
    problems = database.check(db)
    if problems:
        print("数据库有问题：" + "；".join(problems[:20]))
        return EXIT_PROBLEMS
    print("数据库完好")
    return EXIT_OK


def _backup(db, args) -> int:
    print(f"已备份到：{database.backup(db, args.to)}")
    return EXIT_OK


COMMANDS = {"plans": _plans, "classes": _classes, "periods": _periods, "people": _people,
            "check": _check, "backup": _backup}


def _safe_console() -> None:
    """A GBK console cannot show every character a name may hold: replace those, never crash."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
