"""需求调研汇总 (the needs survey's tally, A4 form style): how many units returned, the topics ranked by demand
(people, units asking, the categories and the months most asked for), charts of the leading topics and of the
months, the demand per cadre category and per unit, the units that did not return, and the units' comments."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table

from app.domain.errors import UserError
from app.domain.text import chinese_numeral
from app.services.documents.charts import bar_chart, column_chart
from app.services.documents.formats import cn_date
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.sources import issue_date
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.services.survey.tally import Tally, month_text, tally, topic_label
from app.storage.connection import Database

TOP = 10  # topics in the chart


def _widths(*mms: float) -> list[float]:
    fixed = sum(mms)
    return [(FORM.width / mm - fixed if w == 0 else w) * mm for w in mms]


def _splittable(style: ParagraphStyle) -> ParagraphStyle:
    """The heading over a long table: kept with it, reportlab would move both to the next page whole."""
    return ParagraphStyle(f"{style.name}_open", parent=style, keepWithNext=0)


def _topic_categories(by_category: dict[str, int]) -> str:
    shown = sorted(((c, n) for c, n in by_category.items() if n), key=lambda i: -i[1])
    return "、".join(f"{c or '未分类别'}{n}" for c, n in shown)


def story_of(t: Typesetter, found: Tally) -> list:
    s = t.styles
    year = found.survey.year
    check = t.check
    story = [DocumentStart(0), t.title(f"{year}年度干部教育培训需求调研汇总", s.form_title, FORM.width),
             t.para(f"调研对象：单位名录中的{found.unit_count}个单位；统计日期：{cn_date(issue_date(None))}", s.subtitle),
             t.para(f"共{found.returned}个单位报送调研表，{len(found.not_returned)}个单位未报送；"
                    f"提出培训需求{found.requests}项，涉及{found.people}人次。", s.body)]
    number = iter(range(1, 20))
    story += [t.para(f"{chinese_numeral(next(number))}、培训专题需求排名", _splittable(s.form_heading)),
              t.table(["排名", "培训专题", "人数", "单位数", "干部类别（人）", "集中月份"],
                      [[str(x.rank), check(topic_label(x), "调研专题", "名称"), str(x.people), str(len(x.units)),
                        check(_topic_categories(x.by_category), "干部类别", "名称"), month_text(x.top_months)]
                       for x in found.topics if x.people],
                      _widths(10, 0, 11, 13, 54, 33), centered=(0, 2, 3, 5))]
    if found.people:
        font = t.fonts.font("song").name
        half = FORM.width / 2
        leaders = [(check(x.topic[:12] + ("…" if len(x.topic) > 12 else ""), "调研专题", "名称"), x.people)
                   for x in found.topics[:TOP] if x.people]
        months = [(str(m.month), m.requests) for m in found.months]
        story += [t.para(f"{chinese_numeral(next(number))}、图示", s.form_heading),
                  Table([[bar_chart(leaders, f"需求人数前{min(TOP, len(leaders))}位的专题", font, half + 20 * mm,
                                    80 * mm),
                          column_chart(months, "希望参训月份（各月被选择的次数）", font, half - 20 * mm, 80 * mm)]],
                        colWidths=[half + 20 * mm, half - 20 * mm], style=[("FONTNAME", (0, 0), (-1, -1), font)])]
    story += [t.para(f"{chinese_numeral(next(number))}、希望参训月份", s.form_heading),
              t.table(["月份", *[f"{m.month}月" for m in found.months]],
                      [["次数", *[str(m.requests) for m in found.months]],
                       ["人数", *[str(m.people) for m in found.months]]],
                      _widths(0, *[12.5] * 12), centered=tuple(range(13)))]
    story += [t.para(f"{chinese_numeral(next(number))}、按干部类别", s.form_heading),
              t.table(["干部类别", "需求人数", "提出单位数", "涉及专题数"],
                      [[check(c.category or "未分类别", "干部类别", "名称"), str(c.people), str(len(c.units)),
                        str(len(c.topics))] for c in found.categories if c.people]
                      + [["合计", str(found.people), str(found.returned), str(sum(1 for x in found.topics if x.people))]],
                      _widths(0, 30, 30, 30), centered=(1, 2, 3), total_row=True)]
    story += [t.para(f"{chinese_numeral(next(number))}、各单位需求", _splittable(s.form_heading)),
              t.table(["单位", "专题数", "人数", "联系人及电话", "说明"],
                      [[check(u.unit_name, "单位", "名称"), str(u.topics), str(u.people),
                        check(u.line.contact, f"单位“{u.unit_name}”", "联系人"),
                        check(u.line.note, f"单位“{u.unit_name}”", "说明")] for u in found.units],
                      _widths(38, 14, 12, 44, 0), centered=(1, 2))]
    if found.not_returned:
        story += [t.para(f"{chinese_numeral(next(number))}、未报送的单位（{len(found.not_returned)}个）", s.form_heading),
                  t.para(check("、".join(found.not_returned), "单位", "名称"), s.body)]
    comments = [u for u in found.units if u.line.comments]
    if comments:
        story += [t.para(f"{chinese_numeral(next(number))}、意见建议", s.form_heading),
                  t.table(["单位", "意见建议"],
                          [[check(u.unit_name, "单位", "名称"), check(u.line.comments, f"单位“{u.unit_name}”", "意见建议")]
                           for u in comments], _widths(38, 0))]
    return story


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    found = tally(db, request.year)
    if not found.returned:
        raise UserError(f"{request.year}年的需求调研还没有单位报送，没有可汇总的内容（先导入各单位的调研表）")
    t = Typesetter()
    return build_pdf(target, story_of(t, found), t, FORM, f"{request.year}年度干部教育培训需求调研汇总", progress=progress)
