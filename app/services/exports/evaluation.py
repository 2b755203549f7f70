"""质量评估 as Excel: a period's results (each question with its answers per option, rate and average; each
session's 课程内容 and 授课水平; each lecturer; the comments) and a year's periods and classes, a period below its
threshold marked. Rates are written as fractions shown as percentages. Not logged: the answers are anonymous."""
from __future__ import annotations

from pathlib import Path

from app.domain import evaluation as scales
from app.domain.errors import UserError
from app.services.documents.evaluation_report import rule_text
from app.services.evaluation.results import period_results, year_results
from app.services.exports.tables import ExportTable, export_tables
from app.services.exports.xlsx import XlsxColumn
from app.storage.connection import Database


def _rate(value: float | None):
    return "" if value is None else round(value * 100, 1)


def _avg(value: float | None):
    return "" if value is None else round(value, 2)


def period_tables(db: Database, period_id: int) -> list[ExportTable]:
    found = period_results(db, period_id)
    title = f"{found.form.info.title}培训质量评估结果"
    subtitle = f"收回问卷{found.responses}份；{found.flag_text}；{rule_text(found.scale)}"
    words = [scales.score_word(found.scale, v) for _, v in scales.option_scores(found.scale)]
    questions = [[q.line.item.section, q.label, q.figures.count, *(q.counts[v] for _, v in scales.option_scores(found.scale)),
                  _rate(q.figures.rate), _avg(q.figures.average)] for q in found.questions]
    questions.append(["合计", "全部评分", found.overall.count, *([""] * len(words)), _rate(found.overall.rate),
                      _avg(found.overall.average)])
    sessions = [[s.session.day, s.session.half, s.session.topic, s.session.lecturer, s.content.count,
                 _rate(s.content.rate), _avg(s.content.average), _rate(s.teaching.rate), _avg(s.teaching.average)]
                for s in found.sessions]
    lecturers = [[e.name, e.sessions, e.figures.count, _rate(e.figures.rate), _avg(e.figures.average)]
                 for e in found.lecturers]
    comments = [[n, question, text] for n, (question, text) in enumerate(found.comments, start=1)]
    return [
        ExportTable("各项评价", title, [XlsxColumn("类别", 6), XlsxColumn("评估项目", 24), XlsxColumn("人数", 4),
                                    *(XlsxColumn(w, 4) for w in words), XlsxColumn("满意率（%）", 6),
                                    XlsxColumn("平均分", 5)], questions, subtitle=subtitle),
        ExportTable("课程教学", title, [XlsxColumn("日期", 6, text=True), XlsxColumn("时段", 3), XlsxColumn("课程", 24),
                                    XlsxColumn("授课人", 6), XlsxColumn("人数", 4), XlsxColumn("内容满意率（%）", 7),
                                    XlsxColumn("内容平均分", 5), XlsxColumn("授课满意率（%）", 7), XlsxColumn("授课平均分", 5)],
                    sessions),
        ExportTable("授课人", title, [XlsxColumn("授课人", 8), XlsxColumn("课次", 4), XlsxColumn("评价人次", 5),
                                   XlsxColumn("满意率（%）", 6), XlsxColumn("平均分", 5)], lecturers),
        ExportTable("意见建议", title, [XlsxColumn("序号", 3), XlsxColumn("题目", 16), XlsxColumn("意见建议", 40)], comments),
    ]


def year_tables(db: Database, year: int) -> list[ExportTable]:
    found = year_results(db, year)
    if not found.periods:
        raise UserError(f"{year}年没有开展质量评估的期次")
    title = f"{year}年干部教育培训质量评估情况"
    periods = [[line.title, line.start_date, line.end_date, line.responses, _rate(line.figures.rate),
                round(line.threshold * 100), "低于警戒线" if line.below else ""] for line in found.periods]
    classes = [[c.class_name, c.periods, c.responses, _rate(c.figures.rate), f"{c.below}期" if c.below else ""]
               for c in found.classes]
    return [ExportTable("按期次", title, [XlsxColumn("期次", 24), XlsxColumn("开班", 6, text=True),
                                       XlsxColumn("结业", 6, text=True), XlsxColumn("收回份数", 5),
                                       XlsxColumn("满意率（%）", 6), XlsxColumn("警戒线（%）", 6), XlsxColumn("提示", 6)],
                        periods, subtitle=f"全年满意率{scales.percent(found.figures.rate)}"),
            ExportTable("按班次", title, [XlsxColumn("班次", 24), XlsxColumn("期数", 4), XlsxColumn("收回份数", 5),
                                       XlsxColumn("满意率（%）", 6), XlsxColumn("低于警戒线", 6)], classes)]


def export_period(db: Database, period_id: int, path: str | Path) -> Path:
    return export_tables(db, path, period_tables(db, period_id))


def export_year(db: Database, year: int, path: str | Path) -> Path:
    return export_tables(db, path, year_tables(db, year))
