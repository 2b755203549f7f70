"""评估报告 of a period: how many questionnaires came back and the satisfaction rate against the threshold (the
rule said in words), each question's answers per option with its rate and average, a bar chart of the rates,
each session's 课程内容 and 授课水平, each lecturer, and the comments as written."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from app.domain import evaluation as scales
from app.domain.errors import UserError
from app.domain.text import chinese_numeral
from app.services.documents.charts import bar_chart
from app.services.documents.formats import cn_range
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.typeset import Typesetter
from app.services.evaluation.results import PeriodResults, period_results
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

pct, avg = scales.percent, scales.average_text


def rule_text(scale: str) -> str:
    if scale == scales.THREE:
        return "满意率为评价“满意”和“基本满意”的人次占作出评价人次的比例"
    return "满意率为评4分、5分的人次占作出评价人次的比例"


def grouped_comments(comments: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """The same words from several trainees once, with how many wrote them; most often first."""
    counts: dict[str, int] = {}
    for _, text in comments:
        counts[text] = counts.get(text, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


def summary_text(found: PeriodResults) -> str:
    info = found.form.info
    text = (f"{info.title}于{cn_range(info.period.start_date, info.period.end_date)}举办，结业时开展培训质量评估，"
            f"共收回问卷{found.responses}份。")
    if found.overall.rate is None:
        return text + "问卷中没有评分。"
    word = "低于" if found.below else "达到"
    return (text + f"各项评价总体满意率为{pct(found.overall.rate)}（{rule_text(found.scale)}），"
            f"{word}{found.threshold:.0%}的警戒线" + ("，请分析原因、改进工作。" if found.below else "。"))


def report_story(t: Typesetter, found: PeriodResults) -> list:
    info, scale = found.form.info, found.scale
    owner = f"{info.title}评估报告"
    words = [scales.score_word(scale, value) for _, value in scales.option_scores(scale)]
    story = [t.title(t.check(f"{info.title}培训质量评估报告", f"班次“{info.training_class.name}”", "班次名称"),
                     t.styles.form_title, FORM.width),
             t.para(t.check(summary_text(found), owner, "概况"), t.styles.cell)]
    sections = []
    rows = [[t.check(q.label, owner, "题目"), str(q.figures.count), *(str(q.counts[v]) for _, v in scales.option_scores(scale)),
             pct(q.figures.rate), avg(q.figures.average)] for q in found.questions]
    widths = [62 * mm, 14 * mm, *([(FORM.width - 62 * mm - 14 * mm - 40 * mm) / len(words)] * len(words)), 20 * mm, 20 * mm]
    sections.append(("各项评价", [t.table(["评估项目", "人数", *words, "满意率", "平均分"], rows, widths,
                                        centered=tuple(range(1, len(words) + 4)))]))
    bars = [(t.check(q.line.item.section or q.label[:8], owner, "题目"), round((q.figures.rate or 0) * 100, 1))
            for q in found.questions]
    bars += [(t.check(s.session.topic[:10], owner, "课程"), round((s.both.rate or 0) * 100, 1)) for s in found.sessions]
    if any(value for _, value in bars):
        sections.append(("满意率图示（%）", [bar_chart(bars, "各项满意率（%）", t.fonts.font("song").name, FORM.width,
                                                  max(60 * mm, (len(bars[-10:]) + 2) * 7 * mm))]))
    if found.sessions:
        rows = [[t.check(f"{s.session.day[5:]}{s.session.half} {s.session.topic}", owner, "课程"),
                 t.check(s.session.lecturer, owner, "授课人"), str(s.content.count), pct(s.content.rate),
                 avg(s.content.average), pct(s.teaching.rate), avg(s.teaching.average)] for s in found.sessions]
        sections.append(("课程教学", [t.table(["课程", "授课人", "人数", "内容满意率", "内容平均分", "授课满意率", "授课平均分"],
                                          rows, [52 * mm, 22 * mm, 12 * mm, 21 * mm, 21 * mm, 21 * mm, 21 * mm],
                                          centered=(2, 3, 4, 5, 6))]))
    if found.lecturers:
        rows = [[t.check(e.name, owner, "授课人"), str(e.sessions), str(e.figures.count), pct(e.figures.rate),
                 avg(e.figures.average)] for e in found.lecturers]
        sections.append(("授课人", [t.table(["授课人", "课次", "评价人次", "满意率", "平均分"], rows,
                                         [50 * mm, 25 * mm, 30 * mm, 33 * mm, 32 * mm], centered=(1, 2, 3, 4))]))
    comments = [t.para(f"{index}. {t.check(text, owner, '意见建议')}" + (f"（{count}人）" if count > 1 else ""),
                       t.styles.cell)
                for index, (text, count) in enumerate(grouped_comments(found.comments), start=1)]
    sections.append(("意见建议", comments or [t.para("（无）", t.styles.cell)]))
    for number, (heading, parts) in enumerate(sections, start=1):
        story += [t.para(f"{chinese_numeral(number)}、{heading}", t.styles.form_heading), *parts]
    return story


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    found = period_results(db, request.period_id)
    if not found.responses:
        raise UserError(f"{found.form.info.title}还没有导入收回的评估问卷，没有可打印的评估报告")
    t = Typesetter()
    title = f"{found.form.info.title}培训质量评估报告"
    return build_pdf(target, [DocumentStart(0), *report_story(t, found)], t, FORM, title, progress=progress)
