"""import-hours: 学时 from a spreadsheet (e.g. the cadre online college's records, with source and date).

Exits 0 when every row was imported (rows imported before are skipped), 3 when some rows were refused
(the valid rows are imported; the refused are listed with their reasons), 2 when the file cannot be read
(nothing changed).
"""
from __future__ import annotations

from pathlib import Path

from app.commands.output import EXIT_OK
from app.services.hours import ledger
from app.services.hours.importer import HoursImportOptions, import_hours

EXIT_REFUSED = 3


def register(commands, common) -> None:
    sub = commands.add_parser("import-hours", parents=[common],
                              help="导入学时（如干部网络学院的学习记录，.xlsx/.xls/.csv），按身份证号码对应人员")
    sub.add_argument("file", type=Path, metavar="FILE", help="学时文件，应有“身份证号码”和“学时”两列")
    sub.add_argument("--year", type=int, help="文件中没有年度时记入的年度（默认取日期所在年度）")
    sub.add_argument("--source", default="", help="文件中没有来源时记入的来源，如 中国干部网络学院")
    sub.add_argument("--kind", choices=list(ledger.KINDS), default="网络学习",
                     help="文件中没有类别时记入的类别（默认 网络学习）")
    sub.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    sub.set_defaults(handler=_import, writes=lambda args: not args.dry_run)


def _import(db, args) -> int:
    options = HoursImportOptions(year=args.year, source=args.source.strip(), kind=args.kind)
    result = import_hours(db, args.file, options, dry_run=args.dry_run)
    print(f"{result.file_name}（工作表“{result.sheet_name}”，表头在第{result.layout.header_row + 1}行，"
          f"识别的列：{'、'.join(result.layout.labels)}）")
    for note in result.notes:
        print(f"提示：{note}")
    print(("检查结果（未写入）：" if result.dry_run else "导入完成：") + result.summary())
    if result.backup is not None:
        print(f"导入前的数据已备份：{result.backup}")
    for row in result.refused:
        print(f"第{row.line}行 {row.name or '（无姓名）'}：{row.reason}")
    return EXIT_REFUSED if result.refused else EXIT_OK
