"""init, plans, classes, periods, people, check, backup, restore."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.commands.output import EXIT_OK, EXIT_PROBLEMS, emit
from app.domain.idcard import mask_id
from app.services import classes, database, plans
from app.services import people as people_service
from app.services.exports.records import class_json, period_json, person_json, plan_json
from app.services.safety import audit, backups

_SHOWN_PROBLEMS = 20


def register(commands, common) -> None:
    init = commands.add_parser("init", parents=[common], help="新建数据库")
    init.add_argument("--demo", action="store_true", help="载入示范数据（2020年计划、班次、单位和学员）")
    init.set_defaults(handler=_init, creates=True, writes=True)
    for name, text, handler in (("plans", "列出计划及其要点条目", _plans), ("classes", "列出班次", _classes),
                                ("periods", "列出期次", _periods)):
        sub = commands.add_parser(name, parents=[common], help=text)
        sub.add_argument("--json", action="store_true", help="以 JSON 输出")
        sub.set_defaults(handler=handler)
    people = commands.add_parser("people", parents=[common], help="列出人员")
    people.add_argument("--json", action="store_true", help="以 JSON 输出")
    people.add_argument("--search", default="", help="按姓名、身份证号、电话或单位查找")
    people.add_argument("--full-id", action="store_true",
                        help="列表中显示完整身份证号码（默认隐去中间部分）；--json 供其他程序使用，总是完整号码。"
                             "输出完整号码会记入操作日志")
    people.set_defaults(handler=_people, writes=_shows_full_ids)  # a full ID number shown is logged
    commands.add_parser("check", parents=[common], help="检查数据库完整性（只报告，不改动文件）").set_defaults(
        handler=_check, opens_db=False)
    backup = commands.add_parser("backup", parents=[common], help="备份数据库")
    backup.add_argument("--to", type=Path, help="备份到此文件夹（默认为数据库旁的 backups 文件夹；服务器数据库默认为用户数据文件夹中的 backups）")
    backup.set_defaults(handler=_backup)
    restore = commands.add_parser("restore", parents=[common], help="用备份恢复数据库（先自动备份当前数据）")
    restore.add_argument("backup_file", type=Path, metavar="BACKUP", help="备份文件")
    restore.set_defaults(handler=_restore, opens_db=False, writes=True)  # works when the file is damaged


def _init(db, args) -> int:
    if args.demo:
        from app.services import demo  # the demo office's builders (openpyxl, every feature's demo): 0.15 s

        demo.build_demo(db)
    counts = database.counts(db)
    summary = "，".join(f"{label}{counts[table]}" for table, label in database.COUNTED.items())
    print(f"数据库已就绪：{database.describe(args.db)}（{summary}）")
    return EXIT_OK


def _plans(db, args) -> int:
    outlines = [plans.plan_outline(db, plan.id) for plan in plans.list_plans(db, include_archived=True)]
    lines = [f"{o.plan.id}\t{o.plan.year}\t{o.plan.title}\t{len(o.sections)}个标题，{len(o.items)}条" for o in outlines]
    return emit(args, [plan_json(o) for o in outlines], lines)


def _classes(db, args) -> int:
    found = classes.list_classes(db, include_archived=True)
    periods = classes.list_periods(db, include_archived=True)
    records = [class_json(db, c, [p for p in periods if p.class_id == c.id]) for c in found]
    lines = [f"{c.id}\t{c.plan_title}\t{c.seq}.{c.name}\t{c.kind}\t{c.planned_periods}期×{c.trainees_per_period}人"
             for c in found]
    return emit(args, records, lines)


def _periods(db, args) -> int:
    found = classes.list_periods(db, include_archived=True)
    lines = [f"{p.id}\t{p.class_name}\t第{p.number}期\t{p.start_date}至{p.end_date}\t{p.status}\t{p.enrolled}人"
             for p in found]
    return emit(args, [period_json(p) for p in found], lines)


def _shows_full_ids(args) -> bool:
    return args.full_id or args.json


def _people(db, args) -> int:
    found = people_service.search_people(db, args.search)
    if args.full_id or args.json:  # the JSON feeds the office's tools, which match people by ID number
        audit.record(db, "导出完整身份证号", detail=f"命令行 people{' --json' if args.json else ''}：{len(found)}人")
    else:
        found = [replace(p, id_number=mask_id(p.id_number)) for p in found]
    lines = [f"{p.id}\t{p.name}\t{p.gender}\t{p.unit_name}\t{p.post}\t{p.id_number}" for p in found]
    return emit(args, [person_json(p) for p in found], lines)


def _check(args) -> int:
    problems = database.check_file(args.db)
    if problems:
        more = f"……（共{len(problems)}处）" if len(problems) > _SHOWN_PROBLEMS else ""
        print("数据库有问题：" + "；".join(problems[:_SHOWN_PROBLEMS]) + more + "。打开程序时会提示用最新的完好备份恢复")
        return EXIT_PROBLEMS
    print("数据库完好")
    return EXIT_OK


def _backup(db, args) -> int:
    if database.on_server(db):  # the server's data as an ordinary file; the server's own backups are its administrator's
        from app.services import moving

        print(f"已把{database.describe(args.db)}的数据备份为数据库文件：{moving.backup_server(db, args.to)}")
        return EXIT_OK
    print(f"已备份到：{database.backup(db, args.to)}")
    return EXIT_OK


def _restore(args) -> int:
    restored = backups.restore_file(args.db, args.backup_file, args.lock)
    before = (f"恢复前的数据已备份为：{restored.safety}" if restored.safety else
              f"损坏的数据已改名保存为：{restored.damaged}" if restored.damaged else "恢复前没有数据库文件")
    summary = "，".join(f"{label}{restored.counts[table]}" for table, label in backups.COUNTED)
    print(f"已用 {args.backup_file.name} 恢复数据库，检查完好（{summary}）；{before}")
    return EXIT_OK
