"""lecturers, bases: the lecturer pool and the teaching bases, with how often each taught or was used.
Lecturers' phones are masked: the list leaves the office's hands more easily than the database."""
from __future__ import annotations

from app.commands.output import emit
from app.services.teaching import pool


def register(commands, common) -> None:
    for name, text, handler in (("lecturers", "列出师资库中的授课人（电话隐去中间部分）", _lecturers),
                                ("bases", "列出教学基地", _bases)):
        sub = commands.add_parser(name, parents=[common], help=text)
        sub.add_argument("--json", action="store_true", help="以 JSON 输出")
        sub.set_defaults(handler=handler)


def _lecturers(db, args) -> int:
    found = pool.lecturer_rows(db)
    records = [{"id": r.id, "name": r.name, "unit": r.unit, "post": r.post, "title": r.title,
                "leader_level": r.leader_level, "kind": r.kind, "fields": r.fields, "phone": r.masked_phone,
                "archived": r.archived, "sessions": r.sessions} for r in found]
    lines = [f"{r.id}\t{r.name}\t{r.kind}\t{r.title_shown}\t{r.unit}\t{r.post}\t{r.masked_phone}\t授课{r.sessions}次"
             + ("\t（停用）" if r.archived else "") for r in found]
    return emit(args, records, lines)


def _bases(db, args) -> int:
    found = pool.base_rows(db)
    records = [{"id": b.id, "name": b.name, "kind": b.kind, "address": b.address, "contact_name": b.contact_name,
                "contact_phone": b.contact_phone, "capacity": b.capacity, "archived": b.archived,
                "sessions": b.sessions} for b in found]
    lines = [f"{b.id}\t{b.name}\t{b.kind}\t{b.address}\t容量{b.capacity}人\t教学{b.sessions}次"
             + ("\t（停用）" if b.archived else "") for b in found]
    return emit(args, records, lines)
