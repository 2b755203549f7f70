"""make-up: the 待补训 of roll-call classes (点名调训), and the office's links to make-up periods and waivers."""
from __future__ import annotations

from app.commands.output import EXIT_OK, emit
from app.domain.errors import UserError
from app.services import people, roster
from app.services.makeup import items, writes
from app.services.makeup.items import MakeupItem


def register(commands, common) -> None:
    sub = commands.add_parser("make-up", parents=[common], help="点名调训班次的待补训人员；安排补训、免补训",
                              description="列出点名调训班次中未完成培训、需要补训的学员（待补训），"
                                          "或安排补训（--link … --period …）、免补训（--waive … --reason …）、撤销免补训（--unwaive …）、取消补训安排（--unlink …）。")
    sub.add_argument("--class", dest="class_id", type=int, help="只列该班次（见 classes 命令）")
    sub.add_argument("--unit", type=int, help="只列该单位的学员")
    sub.add_argument("--waived", action="store_true", help="同时列出已免补训的")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.add_argument("--link", type=int, metavar="ENROLLMENT", help="把该学员记录（enrollment_id）安排到 --period 补训")
    sub.add_argument("--period", type=int, help="补训期次编号（与 --link 同用）")
    sub.add_argument("--waive", type=int, metavar="ENROLLMENT", help="免补训，须同时给出 --reason")
    sub.add_argument("--reason", default="", help="免补训的原因")
    sub.add_argument("--unwaive", type=int, metavar="ENROLLMENT", help="撤销免补训")
    sub.add_argument("--unlink", type=int, metavar="MAKEUP", help="取消尚未开始的补训安排（补训学员记录的编号）")
    sub.set_defaults(handler=_makeup, writes=_writes)


def _writes(args) -> bool:
    return any(value is not None for value in (args.link, args.waive, args.unwaive, args.unlink))


def item_json(found: MakeupItem) -> dict:
    line, linked = found.line, found.makeup
    return {"enrollment_id": line.enrollment_id, "person_id": line.person_id, "person": line.person_name,
            "post": line.post, "unit_id": line.unit_id, "unit": line.unit_name, "class_id": line.class_id,
            "class": line.class_name, "period_id": line.period_id, "period_number": line.number,
            "period_start": line.start_date, "period_end": line.end_date, "status": line.status,
            "reason": found.reason, "state": found.state, "waiver_reason": line.makeup_note,
            "makeup": None if linked is None else {
                "enrollment_id": linked.enrollment_id, "period_id": linked.period_id, "class": linked.class_name,
                "period_number": linked.number, "start": linked.start_date, "end": linked.end_date,
                "status": linked.status}}


def _makeup(db, args) -> int:
    if _writes(args):
        return _write(db, args)
    items.check_scope(db, args.class_id, args.unit)  # an unknown class or unit: NotFound, exit 2 with its message
    found = items.items(db, args.class_id, args.unit, include_waived=args.waived)
    lines = [f"{f.line.person_name}\t{f.line.unit_name}\t{f.missed_title}\t{f.reason}\t{f.state}"
             + (f"\t{f.makeup_title}" if f.makeup else "") + (f"\t{f.line.makeup_note}" if f.waived else "")
             for f in found]
    lines = ["姓名\t单位\t未完成的期次\t原因\t状态\t补训期次", *lines, f"共{len(found)}人"] if found else ["没有待补训人员"]
    return emit(args, [item_json(f) for f in found], lines)


def _write(db, args) -> int:
    if sum(value is not None for value in (args.link, args.waive, args.unwaive, args.unlink)) > 1:
        raise UserError("--link、--waive、--unwaive、--unlink 每次只能用一个")
    if args.link is not None:
        if args.period is None:
            raise UserError("--link 须同时给出补训期次 --period")
        done = writes.link(db, args.link, args.period)
        target = roster.period_title(roster.period_of(db, args.period))
        print(f"已安排补训：{_person(db, done.enrollment.person_id)} → {target}（学员记录{done.enrollment.id}）")
        for warning in done.warnings:
            print(f"提示：{warning}")
    elif args.waive is not None:
        writes.waive(db, args.waive, args.reason)
        print(f"已免补训：{_person_of(db, args.waive)}（{args.reason.strip()}）")
    elif args.unlink is not None:
        name = _person_of(db, args.unlink)
        writes.unlink(db, args.unlink)
        print(f"已取消补训安排：{name}，恢复为待补训")
    else:
        writes.unwaive(db, args.unwaive)
        print(f"已撤销免补训：{_person_of(db, args.unwaive)}，恢复为待补训")
    return EXIT_OK


def _person(db, person_id: int) -> str:
    return people.get_person(db, person_id).name


def _person_of(db, enrollment_id: int) -> str:
    return _person(db, roster.get_enrollment(db, enrollment_id).person_id)
