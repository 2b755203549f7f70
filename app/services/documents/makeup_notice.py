"""补训通知: one letter per unit naming its people of roll-call classes (点名调训) who are to make up a period
they missed, the class and period they missed and why, and the period they are to attend (dates, report
time and place, place of training), with the office's signature and date. Like the 选调函 it is addressed to
the unit; only people already linked to a make-up period (已安排补训) are named."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from app.domain.errors import UserError
from app.services.documents import heads
from app.services.documents.formats import cn_range, report_time
from app.services.documents.layout import OFFICIAL
from app.services.documents.letters import letter_story, signed
from app.services.documents.pdf import DocumentStart, build_pdf, head_flowables, imprint_flowables
from app.services.documents.request import DocumentRequest
from app.services.documents.seal import seal_image
from app.services.documents.sources import PeriodInfo, issue_date, period_info
from app.services.documents.typeset import Typesetter
from app.services.makeup import items
from app.services.makeup.items import MakeupItem
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

KIND = "makeup-notice"
_COLUMNS = (("序号", 11), ("姓名", 18), ("职务", 25), ("未完成的班次", 40), ("原因", 28), ("补训期次", 34))
REPLY_DAYS = 5  # a trainee who truly cannot come says so at least 5 days before the class (seed 004)


@dataclass
class UnitNotice:
    unit_name: str
    people: list[MakeupItem]
    targets: list[PeriodInfo]  # the make-up periods, in date order


def notices(db: Database, request: DocumentRequest) -> list[UnitNotice]:
    """One notice per unit with people linked to a make-up period (of the request's unit; starting in its year)."""
    linked = [f for f in items.items(db, unit_id=request.unit_id) if f.makeup is not None
              and (request.year is None or f.makeup.start_date[:4] == str(request.year))]
    if not linked:
        scope = f"{request.year}年" if request.year else ""
        raise UserError(f"{scope}没有已安排补训期次的待补训人员，没有可打印的补训通知（先在“补训”中安排补训期次）")
    by_unit: dict[str, list[MakeupItem]] = {}
    for found in sorted(linked, key=lambda f: (f.line.unit_order, f.line.unit_id or 0)):
        by_unit.setdefault(found.line.unit_name or "（未填单位）", []).append(found)
    infos = {pid: period_info(db, pid) for pid in sorted({f.makeup.period_id for f in linked})}
    return [UnitNotice(unit, people, sorted((infos[pid] for pid in {f.makeup.period_id for f in people}),
                                            key=lambda i: i.period.start_date))
            for unit, people in by_unit.items()]


def _text(t: Typesetter, notice: UnitNotice, office: str) -> str:
    classes = "、".join(dict.fromkeys(f"“{f.line.class_name}”" for f in notice.people))
    lines = ["补训通知", f"{t.check(notice.unit_name, '单位', '名称')}：",
             f"按照干部教育培训点名调训的要求，{t.check(classes, '班次', '名称')}实行点名调训。你单位以下"
             f"{len(notice.people)}名同志未完成规定的培训，经研究，安排参加补训。名单如下：",
             "{名单}", "一、补训安排"]
    numbers = "一二三四五六七八九十"
    for index, info in enumerate(notice.targets):
        p, c = info.period, info.training_class
        owner = f"班次“{c.name}”"
        place = t.check(c.place or p.place or p.report_place, owner, "培训地点")
        parts = [f"培训时间：{cn_range(p.start_date, p.end_date)}"]
        if p.report_time:
            parts.append(f"报到时间：{report_time(p.report_time)}")
        if p.report_place:
            parts.append(f"报到地点：{t.check(p.report_place, owner, '报到地点')}")
        if place:
            parts.append(f"培训地点：{place}")
        lines.append(f"（{numbers[index % 10]}）{t.check(c.name, owner, '名称')}第{p.number}期。" + "；".join(parts) + "。")
    lines += ["二、有关要求",
              f"请你单位及时通知上述同志按时报到、全程参训，补训结业即视为完成原班次的调训任务。确因特殊情况不能参加的，"
              f"请于开班前{REPLY_DAYS}天向{t.check(office, '发文机关', '名称')}书面说明理由；无正当理由不参加补训的，按有关规定处理。"]
    return "\n".join(lines)


def _table(t: Typesetter, notice: UnitNotice):
    body = [[str(i), t.check(f.line.person_name, f"学员“{f.line.person_name}”", "姓名"),
             t.check(f.line.post, f"学员“{f.line.person_name}”", "职务"),
             t.check(f.missed_title, "班次", "名称"), f.reason.split("（")[0],
             f"{f.makeup.class_name}第{f.makeup.number}期" if f.makeup.class_id != f.line.class_id
             else f"第{f.makeup.number}期"]
            for i, f in enumerate(notice.people, start=1)]
    return t.table([c[0] for c in _COLUMNS], body, [c[1] * mm for c in _COLUMNS], centered=(0, 1, 4, 5),
                   row_height=9 * mm)


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    found = notices(db, request)
    t = Typesetter()
    issued_on, seal = issue_date(request.issued_on), seal_image(db)
    story: list = []
    for index, notice in enumerate(found):
        issuer = notice.targets[0].issuer
        text = _text(t, notice, issuer)
        head = heads.masthead(db, KIND, issuer=issuer)
        story += [DocumentStart(index), *head_flowables(t, head, OFFICIAL)]
        story += signed(t, letter_story(t, text, {"{名单}": [_table(t, notice)]}), issuer, issued_on, seal)
        story += imprint_flowables(t, heads.imprint(db, KIND, issued_on))
        story.append(PageBreak())
    title = f"{found[0].unit_name}补训通知" if len(found) == 1 else "补训通知"
    return build_pdf(target, story[:-1], t, OFFICIAL, title, len(found), progress=progress)
