"""评估问卷 and 评估报告 as PDF: the form on one A4 page, anonymous, every scored session with its two aspects and
the boxes of the scale; the report with the rate and how it is counted, the threshold, the tables and the
comments; fonts embedded."""
from __future__ import annotations

from app.domain.quality_records import Questionnaire
from app.services.documents import DocumentRequest, render
from app.services.evaluation import forms, results, templates
from tests.documents.conftest import assert_fonts_embedded, page_sizes, squeezed

LOW = "县管领导干部学习贯彻党的十九届四中全会精神专题班第1期"


def low_period(db) -> int:
    return results.year_results(db, 2020).below[0].period_id


def test_the_form_is_one_anonymous_a4_page(demo_db, tmp_path):
    period = low_period(demo_db)
    target = tmp_path / "问卷.pdf"
    assert render(demo_db, DocumentRequest("evaluation-form", period_id=period), target) == 1
    assert page_sizes(target) == {(210, 297)}
    assert_fonts_embedded(target)
    text = squeezed(target)
    form = forms.period_form(demo_db, period, issue=False)
    assert f"{LOW}培训质量评估问卷" in text and "不记名" in text and "满意基本满意不满意" in text
    assert all(s.topic[:8] in text for s in form.sessions) and "课程内容" in text and "授课水平" in text
    assert "对改进培训工作的意见和建议" in text


def test_a_five_point_form_names_its_scores(demo_db, tmp_path):
    five = templates.save_template(demo_db, Questionnaire("五分制问卷", scale="五分"), templates.default_template(demo_db).items)
    period = demo_db.execute("""SELECT pe.id FROM periods pe WHERE pe.id NOT IN (SELECT period_id FROM evaluations)
                                AND pe.id IN (SELECT period_id FROM sessions) ORDER BY pe.start_date""").fetchone()[0]
    forms.period_form(demo_db, period, questionnaire_id=five.questionnaire.id)
    target = tmp_path / "五分.pdf"
    render(demo_db, DocumentRequest("evaluation-form", period_id=period), target)
    assert "5分4分3分2分1分" in squeezed(target) and "1至5分" in squeezed(target)


def test_the_report_says_the_rate_the_rule_and_the_threshold(demo_db, tmp_path):
    period = low_period(demo_db)
    found = results.period_results(demo_db, period)
    target = tmp_path / "报告.pdf"
    assert render(demo_db, DocumentRequest("evaluation-report", period_id=period), target) >= 1
    assert_fonts_embedded(target)
    text = squeezed(target)
    assert f"{LOW}培训质量评估报告" in text and f"共收回问卷{found.responses}份" in text
    assert "满意率为评价“满意”和“基本满意”的人次占作出评价人次的比例" in text
    assert f"总体满意率为{found.overall.rate * 100:.1f}%" in text and "低于90%的警戒线" in text
    assert "各项评价" in text and "课程教学" in text and "授课人" in text
    assert all(words.replace(" ", "") in text for _, words in found.comments[:3])
    same = max({words for _, words in found.comments}, key=lambda words: sum(w == words for _, w in found.comments))
    assert f"{same}（{sum(w == same for _, w in found.comments)}人）" in text  # said once, with how many wrote it
