"""timetable: a period's 课程表, as JSON for tools or a readable table."""
from __future__ import annotations

from app.commands.output import emit
from app.domain.teaching_records import SessionRow
from app.services import roster
from app.services.teaching import timetable
from app.services.teaching.shares import hours_text, totals


def register(commands, common) -> None:
    sub = commands.add_parser("timetable", parents=[common], help="列出一期的课程表")
    sub.add_argument("--period", type=int, required=True, help="期次编号（见 periods 命令）")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.set_defaults(handler=_timetable)


def session_json(s: SessionRow) -> dict:
    return {"id": s.id, "date": s.day, "half_day": s.half, "start_time": s.start_time, "end_time": s.end_time,
            "topic": s.topic, "form": s.form, "lecturer": s.lecturer, "lecturer_post": s.lecturer_job,
            "lecturer_id": s.lecturer_id, "place": s.where, "base_id": s.base_id, "hours": s.credited_hours,
            "hours_set": s.hours is not None, "party_spirit": s.is_party_spirit,
            "leader_lecture": s.is_leader_lecture, "notes": s.notes}


def _timetable(db, args) -> int:
    period = roster.period_of(db, args.period)  # an unknown period: NotFound, exit 2 with its message
    rows = timetable.timetable(db, args.period)
    lines = [f"{s.day}\t{s.half}\t{_times(s)}\t{s.topic}\t{s.form}\t{s.lecturer}\t{s.lecturer_job}\t{s.where}\t"
             f"{hours_text(s.credited_hours)}学时" for s in rows]
    title = roster.period_title(period)
    lines = [f"{title}课程表", *lines, totals(rows).text()] if rows else [f"{title}还没有课程表"]
    return emit(args, [session_json(s) for s in rows], lines)


def _times(s: SessionRow) -> str:
    return f"{s.start_time}-{s.end_time}" if s.start_time and s.end_time else "-"
