"""hours and behind: each person's 学时 for a year and who is short of the requirement."""
from __future__ import annotations

from app.commands.output import emit
from app.services.hours import ledger as hours


def register(commands, common) -> None:
    for name, text, handler in (("hours", "列出每人某年度的学时及达标情况", _hours),
                                ("behind", "列出某年度应训未训（学时未达标）的人员", _behind)):
        sub = commands.add_parser(name, parents=[common], help=text)
        sub.add_argument("--year", type=int, required=True, help="年度，如 2020")
        sub.add_argument("--json", action="store_true", help="以 JSON 输出")
        sub.set_defaults(handler=handler)


def _record(entry: hours.PersonHours) -> dict:
    record = entry._asdict()
    record["total"] = entry.total
    return record


def _line(entry: hours.PersonHours) -> str:
    return (f"{entry.person_id}\t{entry.name}\t{entry.unit_name}\t{entry.level}\t本年{entry.total:g}学时"
            f"\t要求{entry.required:g}\t{entry.status}")


def _hours(db, args) -> int:
    found = hours.ledger(db, args.year)
    return emit(args, [_record(e) for e in found], [_line(e) for e in found])


def _behind(db, args) -> int:
    found = hours.behind(db, args.year)
    lines = [_line(e) + f"\t差{e.shortfall:g}学时" + (f"，网络学习差{e.online_shortfall:g}" if e.online_shortfall else "")
             for e in found]
    return emit(args, [_record(e) for e in found], lines)
