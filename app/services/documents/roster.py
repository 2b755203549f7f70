"""学员名册 / 通讯录: a period's trainees by unit order or surname stroke order (no ID numbers), then on a page of
their own the class's staff and 班委, the study groups (分组名单) and the office's 学员守则 (class_management)."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from app.services.class_management import committee, rules, staff
from app.services.documents.formats import cn_range
from app.services.documents.layout import FORM_LANDSCAPE
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.sources import ORDERS, Trainee, requested_trainees
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

COLUMNS = (("序号", 12), ("姓名", 24), ("性别", 12), ("民族", 18), ("出生年月", 22), ("政治面貌", 26),
           ("工作单位", 52), ("职务", 32), ("职级", 30), ("联系电话", 29))


def birth_month(iso: str) -> str:
    """1975-03-02 → 1975.03, as rosters write it."""
    return iso[:7].replace("-", ".") if iso else ""


def roster_rows(t: Typesetter, people: list[Trainee]) -> list[list[str]]:
    return [[str(number), t.check(p.name, p.owner, "姓名"), p.gender, t.check(p.ethnicity, p.owner, "民族"),
             birth_month(p.birth_date), p.political_status, t.check(p.unit_name, p.owner, "工作单位"),
             t.check(p.post, p.owner, "职务"), p.rank, p.phone]
            for number, p in enumerate(people, start=1)]


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    info, people = requested_trainees(db, request, "名册")
    t = Typesetter()
    title = t.check(f"{info.title}学员名册", f"班次“{info.training_class.name}”", "班次名称")
    period = info.period
    subtitle = (f"培训时间：{cn_range(period.start_date, period.end_date)}　　学员{len(people)}人"
                f"（{ORDERS[request.order]}排列）")
    table = t.table([c[0] for c in COLUMNS], roster_rows(t, people), [c[1] * mm for c in COLUMNS],
                    centered=(0, 1, 2, 3, 4))
    story = [DocumentStart(0), t.title(title, t.styles.form_title, FORM_LANDSCAPE.width),
             t.para(subtitle, t.styles.subtitle), table, PageBreak(), *class_page(db, t, period.id, info.title)]
    return build_pdf(target, story, t, FORM_LANDSCAPE, title, progress=progress)


GROUP_COLUMNS = (("组别", 30), ("组长", 36), ("成员", 0))


def class_page(db: Database, t: Typesetter, period_id: int, title: str) -> list:
    """班主任 and 跟班人员, 班长 and the other 班委, the 分组名单 and the 学员守则, each when there is one."""
    s = t.styles
    owner = "班级管理"
    story = []
    people = [f"{m.role}：{m.name}" + (f"（{m.phone}）" if m.phone else "") for m in staff.staff_of(db, period_id)]
    roles = [f"{line.committee_role}：{line.person_name}" for line in committee.trainees(db, period_id)
             if line.committee_role and line.committee_role not in committee.GROUP_ROLES]
    if people or roles:
        story.append(t.para("班级管理", s.form_heading))
        story += [t.para(t.check("　".join(part), owner, "班委"), s.subtitle) for part in (people, roles) if part]
    found = committee.groups(db, period_id)
    if found:
        story.append(t.para("分组名单", s.form_heading))
        fixed = sum(width for _, width in GROUP_COLUMNS)
        widths = [(width or FORM_LANDSCAPE.width / mm - fixed) * mm for _, width in GROUP_COLUMNS]
        body = [[t.check(group.name, owner, "组别"), t.check(group.leader or "—", owner, "组长"),
                 t.check("、".join(m.person_name for m in group.members), owner, "成员") + f"（{len(group.members)}人）"]
                for group in found]
        story.append(t.table([c for c, _ in GROUP_COLUMNS], body, widths, centered=(0, 1)))
    story.append(t.title(t.check(f"{title}学员守则", owner, "班次名称"), s.form_title, FORM_LANDSCAPE.width))
    story += [t.para(t.check(line, "学员守则", "内容"), s.subtitle) for line in rules.trainee_rules(db).splitlines()]
    return story
