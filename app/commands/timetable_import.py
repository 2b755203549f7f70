"""import-timetable: a period's timetable from the Excel a Party school or host sends.

Exits 0 when every row was imported, 3 when some rows were refused (the good ones are imported, the refused
listed with their reasons), 2 when the file cannot be read, has no header or no row to import, or the period
already has a timetable and --replace was not given (nothing changed). --replace backs the database up first.
"""
from __future__ import annotations

from pathlib import Path

from app.commands.output import EXIT_OK, fail
from app.services.teaching.timetable_import.pipeline import TimetableExists, TimetableImport, analyse, commit
from app.services.teaching.timetable_import.rows import IMPORTED, REFUSED

EXIT_REFUSED = 3


def register(commands, common) -> None:
    sub = commands.add_parser("import-timetable", parents=[common],
                              help="导入党校或承办单位发来的课程表（.xlsx/.xls/.csv）")
    sub.add_argument("file", type=Path, metavar="FILE", help="课程表文件，应有“日期”和“教学内容”等列")
    sub.add_argument("--period", type=int, required=True, help="期次编号（见 periods 命令）")
    sub.add_argument("--replace", action="store_true", help="本期已有课程表时替换它（替换前自动备份）")
    sub.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    sub.set_defaults(handler=_import, writes=lambda args: not args.dry_run)


def _import(db, args) -> int:
    found = analyse(db, args.file, args.period)
    if found.existing and not (args.replace or args.dry_run):
        return _exists(found)
    _header(found)
    if args.dry_run:
        print("检查结果（未写入）：" + found.summary())
        if found.existing and not args.replace:
            print(f"提示：本期已有课程表（{found.existing}节课），导入时需加 --replace（会先备份）")
    else:
        try:
            commit(db, found, replace=args.replace)
        except TimetableExists:  # made by someone else since the check
            return _exists(found)
        print("导入完成：" + found.summary(done=True))
        if found.backup is not None:
            print(f"导入前的数据已备份：{found.backup}")
    _rows(found)
    return EXIT_REFUSED if found.refused else EXIT_OK


def _exists(found: TimetableImport) -> int:
    return fail(f"{found.period_title}已有课程表（{found.existing}节课）；如要用文件中的课程表替换，"
                "请加 --replace（替换前自动备份），数据未作任何改动")


def _header(found: TimetableImport) -> None:
    columns = "、".join(f"{header}→{label}" if header != label else label for header, label in found.layout.mapping())
    print(f"{found.file_name}（{found.source}）→ {found.period_title}")
    print(f"识别的列：{columns}")
    for note in found.notes:
        print(f"提示：{note}")


def _rows(found: TimetableImport) -> None:
    if typed := found.typed_lecturers:
        print(f"不在师资库中的授课人{len(typed)}位（按文件中的姓名保存）：{'、'.join(typed)}")
    for row in found.rows:
        if row.status == IMPORTED and row.notes:
            print(f"{row.where} 提示：{'；'.join(row.notes)}")
        elif row.status != IMPORTED:
            topic = f"{row.topic}：" if row.topic and row.status == REFUSED else ""
            print(f"{row.where} {row.status}：{topic}{row.reason}")
