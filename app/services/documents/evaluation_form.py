"""评估问卷 printed: one A4 page per period, anonymous, in the forms' style: the title, when and where, how to
answer (a ✓ in one box per line), a ruled table of the questions with a box per option of the scale (each
session of the timetable on two lines, 课程内容 and 授课水平, its topic spanning them) and a box for comments.
A longer timetable tightens the rows so the form stays on one page; a class of many weeks (dozens of sessions)
goes on to further pages, the table's header repeated."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.domain import evaluation as scales
from app.services.documents.formats import cn_range, month_day
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.typeset import Typesetter
from app.services.evaluation.forms import PeriodForm, period_form
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

GREY = colors.Color(0.93, 0.93, 0.93)
TABLE_HEIGHT = 172 * mm  # what the table may take of the page, the comments box and heading the rest
ROW, MIN_ROW = 8 * mm, 4.6 * mm


def instructions(form: PeriodForm) -> str:
    return ("为了解培训效果、改进培训工作，请对本期培训作出评价。本问卷不记名，请在每行相应的方框内打“√”"
            f"（{scales.scale_hint(form.scale)}），意见建议写在下方。谢谢！")


def _style(t: Typesetter, rows: int) -> tuple[float, float, ParagraphStyle, ParagraphStyle]:
    """Row height and cell styles: tighter (down to MIN_ROW) as the rows grow, so a usual form stays on one page."""
    row = max(MIN_ROW, min(ROW, TABLE_HEIGHT / max(rows, 1)))
    size = 10.5 if row >= 6.5 * mm else 9 if row >= 5.5 * mm else 8
    cell = ParagraphStyle("evaluation_cell", parent=t.styles.cell, fontSize=size, leading=size + 1.5)
    center = ParagraphStyle("evaluation_center", parent=t.styles.cell_center, fontSize=size, leading=size + 1.5)
    return row, size, cell, center


def _ruled(table: Table, t: Typesetter, size: float, first_box: int, head_rows: int, extra: list,
           row: float = ROW) -> Table:
    """Rows grow with their text (never overlapping it); padding brings a one-line row to about `row`."""
    pad = max(1.0, (row - (size + 1.5)) / 2 - 1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), t.styles.cell.fontName),
        ("FONTSIZE", (first_box, head_rows), (-1, -1), size + 2),
        ("ALIGN", (first_box, head_rows), (-1, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), GREY),
        ("TOPPADDING", (0, 0), (-1, head_rows - 1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, head_rows - 1), 2),
        ("TOPPADDING", (0, head_rows), (-1, -1), pad),
        ("BOTTOMPADDING", (0, head_rows), (-1, -1), pad + 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        *extra,
    ]))
    return table


def _words(form: PeriodForm) -> list[str]:
    return scales.options(form.scale) if form.scale == scales.THREE else [f"{w}分" for w in scales.options(form.scale)]


def form_tables(t: Typesetter, form: PeriodForm) -> list:
    """The scored questions in one table; the sessions in another, 课程内容 and 授课水平 side by side."""
    words = _words(form)
    scored = [line for line in form.lines if line.scored and line.session is None]
    sessions = [line.session for line in form.lines if line.session is not None and line.aspect == scales.ASPECTS[0]]
    rows = len(scored) + len(sessions) + (1 if scored else 0) + (2 if sessions else 0)
    row, size, cell, center = _style(t, rows)
    head = ParagraphStyle("evaluation_head", parent=t.styles.cell_head, fontSize=min(9, size), leading=min(9, size) + 2)
    owner = f"{form.info.title}评估问卷"
    found: list = []
    number = 0
    if scored:
        box = (17 if form.scale == scales.THREE else 12) * mm
        widths = [10 * mm, FORM.width - 10 * mm - box * len(words), *([box] * len(words))]
        body = []
        for line in scored:
            number += 1
            body.append([t.para(str(number), center), t.para(t.check(line.item.text, owner, "题目"), cell),
                         *(["□"] * len(words))])
        table = Table([[t.para(text, head) for text in ("序号", "评估项目", *words)], *body], colWidths=widths,
                      repeatRows=1, spaceAfter=3 * mm)
        found.append(_ruled(table, t, size, 2, 1, [], row))
    if sessions:
        box = (15 if form.scale == scales.THREE else 8) * mm
        widths = [10 * mm, FORM.width - 10 * mm - 2 * box * len(words), *([box] * (2 * len(words)))]
        item = next(line.item for line in form.lines if line.session is not None)
        top = [t.para("序号", head), t.para(t.check(item.text, owner, "题目"), head),
               t.para(scales.ASPECT_LABELS["内容"], head), *([""] * (len(words) - 1)),
               t.para(scales.ASPECT_LABELS["授课"], head), *([""] * (len(words) - 1))]
        second = ["", "", *(t.para(w, head) for w in words * 2)]
        body = []
        for s in sessions:
            number += 1
            label = f"{month_day(s.day)}{s.half} {s.topic}" + (f"（{s.lecturer}）" if s.lecturer else "")
            body.append([t.para(str(number), center), t.para(t.check(label, owner, "课程"), cell),
                         *(["□"] * (2 * len(words)))])
        spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (1 + len(words), 0)),
                 ("SPAN", (2 + len(words), 0), (-1, 0)),
                 ("LINEAFTER", (1 + len(words), 0), (1 + len(words), -1), 1.4, colors.black)]
        table = Table([top, second, *body], colWidths=widths, repeatRows=2)
        found.append(_ruled(table, t, size, 2, 2, spans, row))
    return found


def comments_box(t: Typesetter, form: PeriodForm, height: float) -> Table:
    questions = [line.item.text for line in form.lines if not line.scored] or ["意见和建议"]
    owner = f"{form.info.title}评估问卷"
    text = "；".join(t.check(q, owner, "题目") for q in questions) + "："
    box = Table([[Paragraph(t.markup(text, t.styles.cell.fontName), t.styles.cell)]], colWidths=[FORM.width],
                rowHeights=[height])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("FONTNAME", (0, 0), (-1, -1), t.styles.cell.fontName)]))
    return box


def form_story(t: Typesetter, form: PeriodForm) -> list:
    info = form.info
    place = info.training_class.place or info.period.place or info.period.report_place
    subtitle = f"培训时间：{cn_range(info.period.start_date, info.period.end_date)}"
    subtitle += f"　　培训地点：{t.check(place, info.title, '培训地点')}" if place else ""
    subtitle += "　　（不记名）"
    tables = form_tables(t, form)
    used = sum(table.wrap(FORM.width, FORM.height)[1] for table in tables)
    box = max(28 * mm, min(60 * mm, FORM.height - used - 62 * mm))
    return [t.title(t.check(form.title, f"班次“{info.training_class.name}”", "班次名称"), t.styles.form_title,
                    FORM.width),
            t.para(subtitle, t.styles.subtitle), t.para(instructions(form), t.styles.cell), Spacer(1, 3 * mm),
            *tables, Spacer(1, 3 * mm), comments_box(t, form, box)]


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    form = period_form(db, request.period_id)
    t = Typesetter()
    return build_pdf(target, [DocumentStart(0), *form_story(t, form)], t, FORM, form.title, numbered=False,
                     progress=progress)
