"""import-unit-class: a unit's own class (单位自办) filed from its sheet: the class with one closed period, its
trainees 结业 with their 学时 (which reach their hours ledgers).

Exits 0 when every row was imported, 3 when some rows were refused (the others are imported; the refused are
listed with their reasons), 2 when the file cannot be read, names no class or dates, was filed already, or the
backup before importing failed (nothing changed).
"""
from __future__ import annotations

from pathlib import Path

from app.commands.output import EXIT_OK
from app.services.unit_classes.importer import import_unit_class

EXIT_REFUSED = 3


def register(commands, common) -> None:
    sub = commands.add_parser("import-unit-class", parents=[common],
                              help="导入单位自办班（单位报来的班次名单：班次名称、培训时间、学员身份证号码和学时）")
    sub.add_argument("file", type=Path, metavar="FILE", help="单位的名单（.xlsx/.xls/.csv），应有“身份证号码”和“学时”两列")
    sub.add_argument("--unit", type=int, required=True, metavar="ID", help="举办的单位的编号（见“单位”页）")
    sub.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    sub.set_defaults(handler=_import, writes=lambda args: not args.dry_run)


def _import(db, args) -> int:
    result = import_unit_class(db, args.file, args.unit, dry_run=args.dry_run)
    print(f"{result.file_name}（工作表“{result.sheet_name}”，表头在第{result.layout.header_row + 1}行，"
          f"识别的列：{'、'.join(result.layout.labels)}）")
    for note in result.notes:
        print(f"提示：{note}")
    print(result.heading())
    print(("检查结果（未写入）：" if result.dry_run else "导入完成：") + result.summary())
    if result.backup is not None:
        print(f"导入前的数据已备份：{result.backup}")
    for row in result.refused:
        print(f"第{row.line}行 {row.name or '（无姓名）'} {row.masked_id}：{row.reason}")
    return EXIT_REFUSED if result.refused else EXIT_OK
