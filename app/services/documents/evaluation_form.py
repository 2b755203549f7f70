"""评估问卷 printed: one A4 page per period, anonymous, in the forms' style: the title, when and where, how to
answer (a ✓ in one box per line), a ruled table of the questions with a box per option of the scale (each
session of the timetable on two lines, 课程内容 and 授课水平, its topic spanning them) and a box for comments.
A long timetable tightens the rows so the form stays on one page."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from sqlite_utils import Database

from app.domain import evaluation as scales
from app.services.documents.formats import cn_range
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.typeset import Typesetter
from app.services.evaluation.forms import PeriodForm, period_form
from app.services.progress import NO_PROGRESS, Progress

GREY = colors.Color(0.93, 0.93, 0.93)
TABLE_HEIGHT = 178 * mm  # what the table may take of the page, the comments box and heading the rest
ROW, MIN_ROW = 8 * mm, 5.2 * mm


def instructions(form: PeriodForm) -> str:
    return ("为了解培训效果、改进培训工作，请对本期培训作出评价。本问卷不记名，请在每行相应的方框内打“√”"
            f"（{scales.scale_hint(form.scale)}），意见建议写在下方。谢谢！")


def form_table(t: Typesetter, form: PeriodForm) -> Table:
    words = scales.options(form.scale) if form.scale == scales.THREE else [f"{w}分" for w in scales.options(form.scale)]
    option_width = (17 if form.scale == scales.THREE else 12) * mm
    widths = [10 * mm, FORM.width - 10 * mm - 22 * mm - option_width * len(words), 22 * mm,
              *([option_width] * len(words))]
    lines = [line for line in form.lines if line.scored]
    row = max(MIN_ROW, min(ROW, TABLE_HEIGHT / (len(lines) + 1)))
    size = 10.5 if row >= 6.5 * mm else 9
    cell = ParagraphStyle("evaluation_cell", parent=t.styles.cell, fontSize=size, leading=size + 2)
    center = ParagraphStyle("evaluation_center", parent=t.styles.cell_center, fontSize=size, leading=size + 2)
    head = [t.para(text, t.styles.cell_head) for text in ("序号", "评估项目", "评价内容", *words)]
    body, spans, number = [], [], 0
    owner = f"{form.info.title}评估问卷"
    for index, line in enumerate(lines):
        r = len(body) + 1
        box = ["□"] * len(words)
        if line.session is None:
            number += 1
            body.append([t.para(str(number), center), t.para(t.check(line.item.text, owner, "题目"), cell), "", *box])
            spans.append(("SPAN", (1, r), (2, r)))
            continue
        first = index == 0 or lines[index - 1].session is not line.session
        if first:
            number += 1
        label = t.check(line.session_label, owner, "课程") if first else ""
        body.append([t.para(str(number), center) if first else "", t.para(label, cell) if first else "",
                     t.para(scales.ASPECT_LABELS[line.aspect], center), *box])
        if first:
            spans += [("SPAN", (0, r), (0, r + 1)), ("SPAN", (1, r), (1, r + 1))]
    table = Table([head, *body], colWidths=widths, rowHeights=[None] + [row] * len(body), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), t.styles.cell.fontName),
        ("FONTSIZE", (3, 1), (-1, -1), size + 3),
        ("ALIGN", (3, 1), (-1, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *spans,
    ]))
    return table


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
    table = form_table(t, form)
    _, used = table.wrap(FORM.width, FORM.height)
    box = max(28 * mm, min(60 * mm, FORM.height - used - 62 * mm))
    return [t.title(t.check(form.title, f"班次“{info.training_class.name}”", "班次名称"), t.styles.form_title,
                    FORM.width),
            t.para(subtitle, t.styles.subtitle), t.para(instructions(form), t.styles.cell), Spacer(1, 3 * mm),
            table, Spacer(1, 3 * mm), comments_box(t, form, box)]


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    form = period_form(db, request.period_id)
    t = Typesetter()
    return build_pdf(target, [DocumentStart(0), *form_story(t, form)], t, FORM, form.title, numbered=False,
                     progress=progress)
