"""import-roster, export-roster, template: the trainee lists units send, and what goes back to them.

import-roster exits 0 when every row was imported, 3 when some rows were refused (the valid rows are
imported; --report lists the refused with reasons), 2 when the file cannot be read at all, is refused
as unsafe, or the backup taken before importing fails (then nothing is imported). It holds the
one-writer lock unless it is a dry run; export-roster always does (the export is logged). openpyxl (writing receipts, exports and templates) is imported
only by the commands that write a workbook: the others start 0.07 s sooner.
"""
from __future__ import annotations

from pathlib import Path

from app.commands.output import EXIT_OK
from app.services.importing import pipeline
from app.services.importing.plan import MODES, ImportOptions

EXIT_REJECTED = 3
_SHOWN_REJECTED = 20


def register(commands, common) -> None:
    sub = commands.add_parser("import-roster", parents=[common], help="导入单位报送的学员名单（.xlsx/.xls/.csv）")
    sub.add_argument("file", type=Path, metavar="FILE", help="名单文件")
    sub.add_argument("--period", type=int, help="同时加入此期次的名单（期次编号见 periods 命令）")
    sub.add_argument("--mode", choices=list(MODES), default="add",
                     help="档案中已有的人（身份证号码相同）：add 只新增，update 只更新，add-update 新增并更新（默认 add）")
    sub.add_argument("--sheet", help="工作表名称（默认自动选择有表头的工作表）")
    sub.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    sub.add_argument("--report", type=Path, metavar="OUT.xlsx", help="把每一行的结果和未通过的原因写入回执")
    sub.set_defaults(handler=_import, writes=lambda args: not args.dry_run)
    export = commands.add_parser("export-roster", parents=[common], help="把一期的学员名单导出为 Excel")
    export.add_argument("--period", type=int, required=True, help="期次编号")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx", help="导出的文件")
    export.add_argument("--full-id", action="store_true",
                        help="导出完整身份证号码（默认隐去中间部分；导出完整号码会记入操作日志）")
    export.set_defaults(handler=_export, writes=True)
    template = commands.add_parser("template", parents=[common], help="生成供单位填写的学员名单模板")
    template.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx", help="模板文件")
    template.set_defaults(handler=_template, opens_db=False)


def _import(db, args) -> int:
    options = ImportOptions(mode=args.mode, period_id=args.period)
    plan, result = pipeline.import_file(db, args.file, options, sheet=args.sheet, dry_run=args.dry_run)
    rejected = [row for row in plan.rows if row.rejected]
    print(f"{plan.file_name}（工作表“{plan.sheet.name}”，表头在第{plan.layout.header_row + 1}行）")
    for note in plan.notes:
        print(f"提示：{note}")
    print(("检查结果（未写入）：" + plan.summary()) if result is None else ("导入完成：" + result.summary()))
    new_units = list(dict.fromkeys(r.unit_text for r in plan.rows if r.unit_text and r.unit_id is None and not r.rejected))
    if result is None and new_units:
        print(f"将新建单位{len(new_units)}个：" + "、".join(new_units))
    # the seats as the preview saw them; when that saw nothing over but the period is over once written (another
    # clerk's import landed meanwhile, on a server), as they now stand
    for warning in plan.warnings or (result.seat_warnings if result is not None else []):
        print(f"名额提示：{warning}")
    if kept := plan.kept_note():
        print(f"提示：{kept}")
    for row in [row for row in plan.rows if row.warnings and not row.rejected][:_SHOWN_REJECTED]:
        print(f"第{row.line}行 {row.values['name']}：{'；'.join(row.warnings)}")
    for row in rejected[:_SHOWN_REJECTED]:
        print(f"第{row.line}行 {row.values['name'] or '（无姓名）'}：{row.reason()}")
    if len(rejected) > _SHOWN_REJECTED:
        print(f"……另有{len(rejected) - _SHOWN_REJECTED}行未通过" + ("，详见回执" if args.report else "，用 --report 生成回执查看全部"))
    if args.report:  # a dry run writes nothing to the database, not even the audit log
        from app.services.importing.receipt import export_receipt, write_receipt

        saved = write_receipt(plan, result, args.report) if result is None else export_receipt(db, plan, result, args.report)
        print(f"回执已保存：{saved}")
    return EXIT_REJECTED if rejected else EXIT_OK


def _export(db, args) -> int:
    from app.services.exports.roster import export_roster

    saved = export_roster(db, args.period, args.output, full_ids=args.full_id)
    print(f"已导出：{saved}" + ("（含完整身份证号码）" if args.full_id else "（身份证号码已隐去中间部分）"))
    return EXIT_OK


def _template(args) -> int:
    from app.services.importing.template import write_template

    print(f"模板已保存：{write_template(args.output)}")
    return EXIT_OK
