"""Summaries: a period's trainees by status and unit, and a year's table by class, class kind, unit
and cadre category (periods held against planned, 人次, 学时)."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Table

from app.domain.errors import UserError
from app.domain.text import chinese_numeral
from app.services.documents.charts import bar_chart, pie_chart
from app.services.documents.formats import amount, cn_date, cn_range
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.sources import issue_date, period_info
from app.services.documents.summary_data import Tally, period_by_unit, total, year_summary
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

# (header, value of a Tally, width in mm)
NAME = ("名称", lambda t: t.label, 0)
PLANNED = ("计划期数", lambda t: str(t.planned_periods), 17)
HELD = ("已举办期数", lambda t: str(t.held_periods), 20)
PLANNED_TRAINEES = ("计划人数", lambda t: str(t.planned_trainees), 17)
ENROLLED = ("调训人次", lambda t: str(t.enrolled), 17)
REPORTED = ("报到人次", lambda t: str(t.reported), 17)
ON_LEAVE = ("请假", lambda t: str(t.on_leave), 13)
ABSENT = ("缺训", lambda t: str(t.absent), 13)
COMPLETED = ("结业人次", lambda t: str(t.completed), 17)
HOURS = ("学时", lambda t: amount(t.hours), 18)
CLASS_COLUMNS = (PLANNED, HELD, PLANNED_TRAINEES, ENROLLED, COMPLETED, HOURS)
ALL_KINDS = "合计（三种举办方式）"
EVERY_KIND = "合计（含上级调训、单位自办）"  # people's 人次 and 学时 count from every kind
# (heading, name column, columns, the total row's label); 按举办方式 and 按班次 come first, laid out apart
YEAR_TABLES = (
    ("按班次类型（本级举办）", "班次类型", CLASS_COLUMNS, "合计（本级举办）"),
    ("按单位", "单位", (ENROLLED, REPORTED, COMPLETED, HOURS), EVERY_KIND),
    ("按干部类别", "干部类别", (ENROLLED, REPORTED, COMPLETED, HOURS), EVERY_KIND),
)


def tally_table(t: Typesetter, name_header: str, columns, tallies: list[Tally], owner: str, total_label: str = "合计"):
    """A table with one row per tally and a total row; the name column takes the width left over."""
    return _table(t, name_header, columns, [*tallies, total(tallies, total_label)], owner)


def _table(t: Typesetter, name_header: str, columns, tallies: list[Tally], owner: str):
    name_width = FORM.width / mm - sum(c[2] for c in columns)
    rows = [[t.check(tally.label, owner, name_header), *(c[1](tally) for c in columns)] for tally in tallies]
    return t.table([name_header, *(c[0] for c in columns)], rows,
                   [name_width * mm, *(c[2] * mm for c in columns)], centered=tuple(range(1, len(columns) + 1)),
                   total_row=True)


def class_table(t: Typesetter, summary) -> Table:
    """Each class under its 举办方式 with a subtotal per kind, and the sum of the three labelled as such."""
    tallies = []
    for kind in summary.by_organiser:
        own = [tally for tally in summary.by_class if tally.organiser_kind == kind.label]
        tallies += [*own, total(own, f"{kind.label}小计")] if own else []
    return _table(t, "班次", CLASS_COLUMNS, [*tallies, total(summary.by_organiser, ALL_KINDS)], "班次")


def headline(summary) -> str:
    """The office's own figures first, the others beside them, and the sum named as one."""
    own, others = summary.by_organiser[0], summary.by_organiser[1:]
    beside = "；".join(_beside(x) for x in others if x.planned_periods or x.held_periods or x.enrolled)
    every = total(summary.by_organiser)
    return (f"本级举办计划{own.planned_periods}期、培训{own.planned_trainees}人，已举办{own.held_periods}期，"
            f"调训{own.enrolled}人次，结业{own.completed}人次，{amount(own.hours)}学时。"
            + (f"另有{beside}。" if beside else "")
            + f"三种举办方式合计计划{every.planned_periods}期、{every.planned_trainees}人，调训{every.enrolled}人次。")


def _beside(kind) -> str:
    """上级调训计划13期、660人，调训336人次; a kind with nothing planned (a unit's own classes, filed after the
    fact) by what was held."""
    if kind.planned_periods:
        return f"{kind.label}计划{kind.planned_periods}期、{kind.planned_trainees}人，调训{kind.enrolled}人次"
    return f"{kind.label}备案{kind.held_periods}期、{kind.enrolled}人次"


def period_story(db: Database, t: Typesetter, period_id: int) -> tuple[str, list]:
    info = period_info(db, period_id)
    title = t.check(f"{info.title}培训情况汇总", f"班次“{info.training_class.name}”", "班次名称")
    by_unit = period_by_unit(db, period_id)
    if not by_unit:
        raise UserError(f"{info.title}还没有学员，没有可汇总的情况")
    overall = total(by_unit, "全期")
    period = info.period
    subtitle = (f"培训时间：{cn_range(period.start_date, period.end_date)}　　状态：{period.status}"
                f"　　统计日期：{cn_date(issue_date(None))}")
    figures = t.table(["选调人数", "已报到", "请假", "缺训", "结业", "学时合计"],
                      [[str(overall.enrolled), str(overall.reported), str(overall.on_leave), str(overall.absent),
                        str(overall.completed), amount(overall.hours)]], [FORM.width / 6] * 6,
                      centered=tuple(range(6)))
    columns = (ENROLLED, REPORTED, ON_LEAVE, ABSENT, COMPLETED, HOURS)
    story = [t.title(title, t.styles.form_title, FORM.width), t.para(subtitle, t.styles.subtitle), figures,
             t.para("各单位参训情况", t.styles.form_heading), tally_table(t, "单位", columns, by_unit, "单位")]
    return title, story


def year_story(db: Database, t: Typesetter, year: int) -> tuple[str, list]:
    summary = year_summary(db, year)
    if not summary.by_class:
        raise UserError(f"{year}年没有班次，没有可汇总的情况")
    title = f"{year}年干部教育培训情况统计"
    story = [t.title(title, t.styles.form_title, FORM.width),
             t.para(f"统计范围：{year}年开班的期次；已举办指已结班；统计日期：{cn_date(issue_date(None))}",
                    t.styles.subtitle)]
    story += [t.para(headline(summary), t.styles.subtitle),
              t.para("一、按举办方式", t.styles.form_heading),
              _table(t, "举办方式", CLASS_COLUMNS, [*summary.by_organiser, total(summary.by_organiser, ALL_KINDS)],
                     "举办方式"),
              t.para("二、按班次", t.styles.form_heading), class_table(t, summary)]
    tables = (summary.by_kind, summary.by_unit, summary.by_category)
    for number, ((heading, name, columns, label), tallies) in enumerate(zip(YEAR_TABLES, tables, strict=True),
                                                                        start=3):
        story += [t.para(f"{chinese_numeral(number)}、{heading}", t.styles.form_heading),
                  tally_table(t, name, columns, tallies, name, label)]
    story += [t.para(f"{chinese_numeral(len(YEAR_TABLES) + 3)}、图示", t.styles.form_heading), _charts(t, summary)]
    return title, story


def _charts(t: Typesetter, summary) -> Table:
    """Two charts side by side: 人次 by class kind, and the share of each cadre category."""
    font = t.fonts.font("song").name
    half = FORM.width / 2
    kinds = [(t.check(x.label, "举办方式", "名称"), x.enrolled) for x in summary.by_organiser]
    categories = [(t.check(x.label, "干部类别", "名称"), x.enrolled) for x in summary.by_category]
    row = [bar_chart(kinds, "调训人次（按举办方式）", font, half, 62 * mm),
           pie_chart(categories, "调训人次（按干部类别）", font, half, 62 * mm)]
    return Table([row], colWidths=[half, half], style=[("FONTNAME", (0, 0), (-1, -1), font)])


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    t = Typesetter()
    if request.period_id is not None:
        title, story = period_story(db, t, request.period_id)
    elif request.year is not None:
        title, story = year_story(db, t, request.year)
    else:
        raise UserError("汇总表需要指定期次或年度")
    return build_pdf(target, [DocumentStart(0), *story], t, FORM, title, progress=progress)
