"""print: documents as one PDF per batch (入学通知书, 选调函, 计划通知, 签到表, 名册, 结业证书, 汇总, 学时证明, 课程表,
讲课费发放表, 补训通知, 培训档案), or as one editable Word file when the output ends in .docx."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.commands.output import EXIT_OK
from app.domain.errors import UserError
from app.services.documents import FORMATS, KINDS, DocumentRequest, fonts, record_output, render
from app.services.documents.sources import ORDERS


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as error:
        raise UserError(f"日期“{text}”无效，请写成 2020-03-02") from error


def register(commands, common) -> None:
    kinds = "、".join(f"{key}（{kind.label}）" for key, kind in KINDS.items())
    sub = commands.add_parser("print", parents=[common], help="生成文书 PDF 或 Word",
                              description=f"把文书生成为一个 PDF 文件；输出文件以 .docx 结尾时生成可编辑的 Word 文件。"
                                          f"KIND：{kinds}")
    sub.add_argument("kind", choices=list(KINDS), metavar="KIND", help=kinds)
    sub.add_argument("-o", "--output", type=Path, required=True, help="输出文件：.pdf 或 .docx（Word）")
    sub.add_argument("--period", type=int, help="期次编号（见 periods 命令）")
    sub.add_argument("--unit", type=int, help="单位编号：选调函、补训通知只发给该单位；与 --period 同用时只打印该单位的学员")
    sub.add_argument("--plan", type=int, help="计划编号（计划通知）")
    sub.add_argument("--year", type=int, help="年度（年度统计表、学时证明；补训通知：补训期次在该年度的各单位）")
    sub.add_argument("--person", type=int, help="人员编号（学时证明、培训档案，见 people 命令）")
    sub.add_argument("--lecturer", type=int, help="授课人编号（一年的讲课费发放表，与 --year 同用；见 lecturers 命令）")
    sub.add_argument("--order", choices=list(ORDERS), default="unit", help="名单排序：unit 按单位，strokes 按姓氏笔画")
    sub.add_argument("--half-days", action="store_true", help="签到表按上午、下午分别打印")
    sub.add_argument("--date", help="成文日期，如 2020-03-02（默认今天；计划通知默认用计划中的成文日期，给出本项时以本项为准）")
    sub.add_argument("--with-timetable", action="store_true",
                     help="入学通知书（letters）：每份通知书后附本期课程表（作为附件）")
    sub.set_defaults(handler=_print, writes=True)  # logged; certificates get their serial numbers


def _print(db, args) -> int:
    if args.with_timetable and args.kind != "letters":
        raise UserError("--with-timetable 只用于入学通知书（letters）")
    suffix = args.output.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"输出文件“{args.output.name}”应以 .pdf 或 .docx 结尾")
    request = DocumentRequest(args.kind, period_id=args.period, unit_id=args.unit, plan_id=args.plan,
                              year=args.year, person_id=args.person, lecturer_id=args.lecturer,
                              order=args.order, half_days=args.half_days,
                              issued_on=_iso_date(args.date) if args.date else None,
                              with_timetable=args.with_timetable)
    try:
        pages = render(db, request, args.output)
    except OSError as error:
        raise UserError(f"无法写入“{args.output}”：{error.strerror or error}") from error
    word = FORMATS[suffix] == "Word"
    record_output(db, request, pages, "生成", word=word)
    count = f"Word 文件，共{pages}份" if word else f"共{pages}页"
    print(f"已生成{KINDS[args.kind].label}：{args.output}（{count}）")
    if not word:  # a Word file is set in the reader's fonts; a PDF's stand-ins are said as 文书设置 says them
        for note in fonts.font_set().notes:
            print(note if note.startswith("字体") else f"字体：{note}")
    return EXIT_OK
