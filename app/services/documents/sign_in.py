"""签到表: one sheet per day (or half-day) of a period; the sheets circulate, so ID numbers are masked.

A row grows to fit a long unit name; every page of a sheet repeats its title, date and half-day over the
column heads, and the pages are numbered through the whole document, not from 1 each day.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from app.domain.idcard import mask_id
from app.services.documents.formats import cn_date, weekday
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.sources import PeriodInfo, Trainee, requested_trainees
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

COLUMNS = (("序号", 11), ("姓名", 20), ("工作单位", 40), ("职务", 26), ("身份证号", 46), ("签名", 27))
ROW_HEIGHT = 9 * mm  # room to sign; a row with a long unit name or post is taller


def sessions(start: str, end: str, half_days: bool) -> list[tuple[str, str]]:
    """(day, 上午/下午 or "") for every sheet of the period."""
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    days = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    halves = ("上午", "下午") if half_days else ("",)
    return [(day, half) for day in days for half in halves]


def trainee_rows(t: Typesetter, people: list[Trainee]) -> list[list[str]]:
    return [[str(number), t.check(p.name, p.owner, "姓名"), t.check(p.unit_name, p.owner, "工作单位"),
             t.check(p.post, p.owner, "职务"), mask_id(p.id_number), ""]
            for number, p in enumerate(people, start=1)]


def sheet(t: Typesetter, info: PeriodInfo, place: str, day: str, half: str, body: list[list[str]]) -> list:
    """One day's (or half-day's) sheet: a table whose title and date lines repeat on each of its pages."""
    styles = t.styles
    heading = f"{cn_date(day)}（{weekday(day)}）{half}"
    caption = (t.title(f"{info.title}签到表", styles.form_title, FORM.width),
               t.para(f"日期：{heading}　　地点：{place}", styles.subtitle))
    return [t.table([c[0] for c in COLUMNS], body, [c[1] * mm for c in COLUMNS], centered=(0, 1, 4),
                    row_height=ROW_HEIGHT, caption=caption,
                    footer=t.para(f"应到{len(body)}人，实到＿＿＿＿人。", styles.subtitle))]


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    info, people = requested_trainees(db, request, "签到表")
    t = Typesetter()
    t.check(info.training_class.name, f"班次“{info.training_class.name}”", "班次名称")
    place = t.check(info.training_class.place or info.period.report_place, info.title, "培训地点")
    body = trainee_rows(t, people)
    story: list = []
    days = sessions(info.period.start_date, info.period.end_date, request.half_days)
    for index, (day, half) in enumerate(days):
        story += [DocumentStart(index, restart=index == 0), *sheet(t, info, place, day, half, body), PageBreak()]
    return build_pdf(target, story[:-1], t, FORM, f"{info.title}签到表", len(days), progress=progress)
