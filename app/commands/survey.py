"""survey-template, import-survey, survey: the needs survey (需求调研) of a coming year: the Excel form for the
units, their returned forms imported in one step, and the tally.

import-survey exits 0 when every file was imported (a unit's earlier file in the same import, set aside for its
later one, counts as done), 3 when some files were refused (every fault listed; the good files are imported in
one transaction after a backup), 2 when no file can be imported or the year has no survey (nothing written).
A dry run checks and exits the same way, writing nothing.
"""
from __future__ import annotations

import sys
from pathlib import Path

from app.commands.output import EXIT_FAILED, EXIT_OK, emit
from app.services.survey import importer
from app.services.survey.importer import REFUSED, SET_ASIDE
from app.services.survey.tally import month_text, tally, tally_json, topic_label

EXIT_REFUSED = 3


def register(commands, common) -> None:
    sub = commands.add_parser("survey-template", parents=[common], help="生成发给各单位填写的需求调研表（Excel）")
    sub.add_argument("--year", type=int, required=True, help="调研的年度（须已在窗口中建立该年度的需求调研）")
    sub.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx", help="调研表文件")
    sub.set_defaults(handler=_template)

    sub = commands.add_parser("import-survey", parents=[common], help="导入各单位报送的需求调研表（可一次多个文件）")
    sub.add_argument("files", type=Path, nargs="+", metavar="FILE", help="调研表文件（.xlsx/.xls），可多个")
    sub.add_argument("--year", type=int, required=True, help="调研的年度")
    sub.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    sub.set_defaults(handler=_import, writes=lambda args: not args.dry_run)

    sub = commands.add_parser("survey", parents=[common], help="需求调研汇总：专题排名、月份、各单位和干部类别的需求、未报送单位")
    sub.add_argument("--year", type=int, required=True, help="调研的年度")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.set_defaults(handler=_survey)


def _template(db, args) -> int:
    from app.services.survey.form import write_form

    print(f"调研表已保存：{write_form(db, args.year, args.output)}")
    return EXIT_OK


def _import(db, args) -> int:
    found = importer.analyse(db, args.year, args.files)
    for item in found.files:
        print(f"{item.name}：{item.summary()}" if item.status != REFUSED else f"{item.name}：未通过")
        if item.status == REFUSED:
            for error in item.errors:
                print(f"  {error}")
        for note in item.notes if item.status != SET_ASIDE else []:
            print(f"  提示：{note}")
    if not found.good:
        print("错误：没有可导入的调研表，数据库未作改动", file=sys.stderr)
        return EXIT_FAILED
    if args.dry_run:
        print("检查结果（未写入）：" + found.summary())
    else:
        importer.commit(db, found)
        print("导入完成：" + found.summary(done=True))
        if found.backup is not None:
            print(f"导入前的数据已备份：{found.backup}")
    return EXIT_REFUSED if found.refused else EXIT_OK


def _survey(db, args) -> int:
    found = tally(db, args.year)
    lines = [found.summary(), "排名\t培训专题\t需求人数\t提出单位数\t集中月份"]
    lines += [f"{t.rank}\t{topic_label(t)}\t{t.people}\t{len(t.units)}\t{month_text(t.top_months)}" for t in found.topics]
    lines.append("月份\t" + "\t".join(f"{m.month}月 {m.requests}" for m in found.months))
    lines.append("干部类别\t" + "\t".join(f"{c.category or '（未分类别）'} {c.people}" for c in found.categories))
    lines += [f"单位\t{u.unit_name}\t{u.topics}个专题\t{u.people}人" + (f"\t{u.line.note}" if u.line.note else "")
              for u in found.units]
    if found.not_returned:
        lines.append("未报送：" + "、".join(found.not_returned))
    return emit(args, tally_json(found), lines)
