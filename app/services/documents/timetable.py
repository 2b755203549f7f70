"""课程表: a period's timetable on A4 in the official type area, a day's date spanning its sessions, a total
line; printed alone or after each 入学通知书 as its 附件."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from app.domain.errors import UserError
from app.domain.teaching_records import SessionRow
from app.services.documents.formats import cn_range, month_day, weekday
from app.services.documents.layout import OFFICIAL
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.sources import PeriodInfo, period_info
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.services.teaching import timetable as timetable_service
from app.services.teaching.shares import hours_text, totals
from app.storage.connection import Database

# Widths in mm: together the official type area's 156 mm.
COLUMNS = (("日期", 19), ("时间", 24), ("课程内容", 38), ("教学形式", 18), ("授课人（职务职称）", 30),
           ("地点", 17), ("学时", 10))
GREY = colors.Color(0.93, 0.93, 0.93)
CELL_SIZE, CELL_LEADING = 10.5, 13.5  # 五号, as tables in official documents are set: 7 columns in 156 mm


def time_text(s: SessionRow) -> str:
    """上午 / 上午 and 08:30-11:30 under it."""
    return f"{s.half}\n{s.start_time}-{s.end_time}" if s.start_time and s.end_time else s.half


def form_text(s: SessionRow) -> str:
    return f"{s.form}（党性教育）" if s.party_spirit and s.form and s.form != "党性教育" else s.form or (
        "党性教育" if s.party_spirit else "")


def lecturer_text(s: SessionRow) -> str:
    return f"{s.lecturer}（{s.lecturer_job}）" if s.lecturer and s.lecturer_job else s.lecturer


def session_cells(t: Typesetter, s: SessionRow, owner: str) -> list[str]:
    return [time_text(s), t.check(s.topic, owner, "课程内容"), t.check(form_text(s), owner, "教学形式"),
            t.check(lecturer_text(s), owner, "授课人"), t.check(s.where, owner, "地点"), hours_text(s.credited_hours)]


def day_groups(rows: list[SessionRow]) -> list[tuple[str, list[SessionRow]]]:
    groups: list[tuple[str, list[SessionRow]]] = []
    for s in rows:
        if not groups or groups[-1][0] != s.day:
            groups.append((s.day, []))
        groups[-1][1].append(s)
    return groups


def lines(t: Typesetter, text: str, style) -> Paragraph:
    """A cell whose lines stay as given (a date over its weekday, a half-day over its times)."""
    return Paragraph("<br/>".join(t.markup(line, style.fontName) for line in text.split("\n")), style)


def timetable_table(t: Typesetter, info: PeriodInfo, rows: list[SessionRow]) -> Table:
    """The ruled table: a header repeated on every page, each date spanning its day's rows, the total last."""
    styles = t.styles
    cell = ParagraphStyle("timetable_cell", parent=styles.cell, fontSize=CELL_SIZE, leading=CELL_LEADING)
    center = ParagraphStyle("timetable_center", parent=styles.cell_center, fontSize=CELL_SIZE, leading=CELL_LEADING)
    head = [t.para(text, styles.cell_head) for text, _ in COLUMNS]
    body, spans = [], []
    for day, group in day_groups(rows):
        first = len(body) + 1
        for index, s in enumerate(group):
            date_cell = f"{month_day(day)}\n{weekday(day)}" if index == 0 else ""
            cells = [date_cell, *session_cells(t, s, f"{info.title}课程表{day}{s.half}")]
            body.append([lines(t, text, cell if column in (2, 4) else center)
                         for column, text in enumerate(cells)])
        if len(group) > 1:
            spans.append(("SPAN", (0, first), (0, first + len(group) - 1)))
    total = totals(rows)
    body.append([t.para("合　计", center), "", "", "", "", "", t.para(hours_text(total.hours), center)])
    table = Table([head, *body], colWidths=[width * mm for _, width in COLUMNS], repeatRows=1,
                  spaceBefore=4, spaceAfter=8)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # else Helvetica, unembedded
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ("BACKGROUND", (0, -1), (-1, -1), GREY),
        ("SPAN", (0, -1), (5, -1)),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *spans,
    ]))
    return table


def period_rows(db: Database, info: PeriodInfo) -> list[SessionRow]:
    """The period's sessions, or a UserError saying it has none yet."""
    rows = timetable_service.timetable(db, info.period.id)
    if not rows:
        raise UserError(f"{info.title}还没有课程表，请先在期次窗口的“课程表”中安排课程")
    return rows


def title_text(info: PeriodInfo) -> str:
    return f"{info.title}课程表"


def timetable_story(t: Typesetter, info: PeriodInfo, rows: list[SessionRow]) -> list:
    """Title, when and where, and the table."""
    styles = t.styles
    title = t.check(title_text(info), f"班次“{info.training_class.name}”", "班次名称")
    place = info.training_class.place or info.period.place or info.period.report_place
    subtitle = f"培训时间：{cn_range(info.period.start_date, info.period.end_date)}"
    subtitle += f"　　培训地点：{t.check(place, info.title, '培训地点')}" if place else ""
    return [t.title(title, styles.title, OFFICIAL.width), t.para(subtitle, styles.subtitle),
            timetable_table(t, info, rows)]


def attachment(t: Typesetter, info: PeriodInfo, rows: list[SessionRow]) -> list:
    """The 课程表 as a letter's 附件: "附件" in 黑体 at the top left of its first page, then the timetable."""
    return [t.para("附件", t.styles.form_heading), *timetable_story(t, info, rows)]


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    info = period_info(db, request.period_id)
    rows = period_rows(db, info)
    t = Typesetter()
    story = [DocumentStart(0), *timetable_story(t, info, rows)]
    return build_pdf(target, story, t, OFFICIAL, title_text(info), progress=progress)
