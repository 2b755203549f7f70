"""calendar: the periods of one year, their conflicts, and the year as an .ics file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.commands.output import EXIT_OK
from app.domain.errors import UserError
from app.services import calendar_events


def register(commands, common) -> None:
    sub = commands.add_parser("calendar", parents=[common], help="列出某年的期次与冲突，或导出 .ics 日历")
    sub.add_argument("--year", type=int, default=date.today().year, help="年度（默认今年）")
    sub.add_argument("--ics", type=Path, help="导出为 iCalendar 文件（.ics），可导入 Outlook、手机日历等")
    sub.set_defaults(handler=_calendar)


def _calendar(db, args) -> int:
    if args.ics:
        _write(args.ics, calendar_events.ics_text(db, args.year))
    found = calendar_events.year_entries(db, args.year)
    for entry in found:
        print(f"{entry.start_date}至{entry.end_date}\t{entry.label}\t{entry.kind}\t{entry.place}\t{entry.enrolled}人")
    conflicts = calendar_events.find_conflicts(db, found, date(args.year, 1, 1), date(args.year, 12, 31))
    for conflict in conflicts:
        print(f"冲突：{conflict.message}")
    summary = f"{args.year}年共{len(found)}期，{len(conflicts)}处冲突"
    print(summary + (f"；已导出到：{args.ics}" if args.ics else ""))
    return EXIT_OK


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise UserError(f"无法写入 {path}：{error.strerror or error}") from error
