"""The plan notice of seed 004 with every blank filled from the data."""
import re

import pytest

from app.domain.errors import UserError
from app.domain.models import Contact, Plan, PlanItem, PlanSection, TrainingClass
from app.services.classes import list_periods
from app.services.documents import DocumentRequest, render
from app.services.documents.formats import month_day_range
from app.services.documents.plan_notice import BODY, HEADING, ITEM, SUBITEM, OutlineLine, notice_outline
from app.services.plans import PlanOutline, SectionOutline
from app.storage import tables
from tests.documents.conftest import assert_fonts_embedded, page_sizes, page_texts, squeezed, text


def civil_servants_plan(db):
    return tables.plans(db).where("title = ?", ["2020年公务员培训计划"])[0]


@pytest.fixture
def notice(demo_db, tmp_path):
    target = tmp_path / "计划 通知.pdf"
    pages = render(demo_db, DocumentRequest("plan-notice", plan_id=civil_servants_plan(demo_db).id), target)
    return target, pages


def test_no_placeholder_is_left(notice):
    target, pages = notice
    assert pages == len(page_texts(target)) > 1
    assert "X" not in text(target)
    assert page_sizes(target) == {(210, 297)}
    assert_fonts_embedded(target)


def test_every_class_line_comes_from_the_data(demo_db, notice):
    flat = squeezed(notice[0])
    classes = tables.classes(demo_db).where("plan_id = ?", [civil_servants_plan(demo_db).id], order_by="seq")
    assert len(classes) == 10
    for training_class in classes:
        periods = list_periods(demo_db, class_id=training_class.id)
        count, people = len(periods), sum(p.capacity for p in periods)
        assert f"{training_class.seq}.{''.join(training_class.name.split())}" in flat
        days = training_class.length_days
        if count == 1:
            when = month_day_range(periods[0].start_date, periods[0].end_date)
            assert f"计划举办1期、共培训{people}人，举办时间{when}，学制{days}天。" in flat
        else:
            assert f"计划举办{count}期、共培训{people}人，学制{days}天：" in flat
            for number, period in enumerate(periods, start=1):
                when = month_day_range(period.start_date, period.end_date)
                assert f"第{number}期，举办时间{when}，培训{period.capacity}人" in flat
        assert "".join(training_class.focus.split()) in flat


def test_the_notice_follows_the_seed(notice):
    flat = squeezed(notice[0])
    assert flat.startswith("中共xx市委组织部文件xx组发〔2020〕12号2020年公务员培训计划各区县（自治县）委组织部，市级各部门：为深入学习贯彻")
    for heading in ("一、班次安排", "二、其他事项", "2.严格学员调训制度。", "应提前5天向市委组织部报告"):
        assert heading in flat
    assert "市委组织部联系人：李明，联系电话：023-63751234，传真：023-63751235" in flat
    assert "市委党校（行政学院）联系人：王芳" in flat
    assert "本年度公务员培训相关费用严格按照有关标准执行" in flat
    assert "中共xx市委组织部2020年4月20日" in flat
    assert re.search(r"加强党的政治建设专题培训班计划举办2期、共培训100人", flat)


def test_page_numbers_odd_right_even_left(notice):
    pages = page_texts(notice[0])
    for number, page in enumerate(pages, start=1):
        line = [row for row in page.splitlines() if re.search(rf"—\s*{number}\s*—", row)][0]
        indent = len(line) - len(line.lstrip())
        assert (indent > 20) if number % 2 else (indent < 5), (number, line)


def test_the_county_work_points_list_their_classes(demo_db, tmp_path):
    plan = tables.plans(demo_db).where("title = ?", ["2020年全县干部教育培训工作要点"])[0]
    target = tmp_path / "county.pdf"
    render(demo_db, DocumentRequest("plan-notice", plan_id=plan.id), target)
    flat = squeezed(target)
    assert "X" not in flat
    for heading in ("一、加强思想淬炼", "六、深化改革创新", "22.狠抓学风建设。"):
        assert heading in flat
    assert "县管领导干部学习贯彻党的十九届四中全会精神专题班计划举办4期、共培训240人，学制3天：" in flat


def test_a_class_without_a_size_cannot_be_announced(demo_db, tmp_path):
    plan = civil_servants_plan(demo_db)
    training_class = tables.classes(demo_db).where("plan_id = ?", [plan.id], order_by="seq")[2]
    training_class.trainees_per_period = 0
    tables.classes(demo_db).update(training_class)
    for period in list_periods(demo_db, class_id=training_class.id):
        period.capacity = 0
        tables.periods(demo_db).update(period)
    with pytest.raises(UserError, match=f"“{training_class.name}”缺少每期人数"):
        render(demo_db, DocumentRequest("plan-notice", plan_id=plan.id), tmp_path / "x.pdf")


def test_an_unscheduled_period_is_announced_as_such(demo_db, tmp_path):
    plan = civil_servants_plan(demo_db)
    training_class = tables.classes(demo_db).where("plan_id = ?", [plan.id], order_by="seq")[3]
    training_class.planned_periods = 2
    tables.classes(demo_db).update(training_class)
    target = tmp_path / "x.pdf"
    render(demo_db, DocumentRequest("plan-notice", plan_id=plan.id), target)
    assert "第2期，举办时间另行通知，培训50人。" in squeezed(target)


def _levels(lines):
    return [(line.level, line.number) for line in lines if line.level]


def test_the_outline_numbers_follow_the_levels_of_the_standard():
    plan = Plan(2020, "2020年工作要点", id=1)
    sections = [SectionOutline(PlanSection(1, 1, "加强思想淬炼", id=1),
                               [PlanItem(1, 1, "持续深化学习", "正文。", id=11), PlanItem(1, 2, "开展培训", "", id=12)]),
                SectionOutline(PlanSection(1, 2, "推进各类培训", id=2), [PlanItem(2, 3, "抓好干部培训", "", id=13)])]
    lone = TrainingClass("科级干部培训班", plan_id=1, plan_item_id=11, planned_periods=1, trainees_per_period=50,
                         length_days=5, id=1)
    first = TrainingClass("中青年干部培训班", plan_id=1, plan_item_id=13, planned_periods=1, trainees_per_period=40,
                          length_days=7, id=2)
    second = TrainingClass("选调生培训班", plan_id=1, plan_item_id=13, planned_periods=1, trainees_per_period=30,
                           length_days=7, focus="重点学习。", id=3)
    lines = notice_outline(PlanOutline(plan, sections, []), [lone, first, second], {})
    assert _levels(lines) == [(HEADING, "一、"), (ITEM, "1."), (SUBITEM, ""), (ITEM, "2."),
                              (HEADING, "二、"), (ITEM, "3."), (SUBITEM, "（1）"), (SUBITEM, "（2）")]
    assert [line.printed for line in lines][1:4] == ["1.持续深化学习正文。", "科级干部培训班",
                                                    "计划举办1期、共培训50人，举办时间另行通知，学制5天。"]
    assert lines[-1] == OutlineLine(BODY, "", "重点学习。")
    assert [line.keep for line in lines if line.level in (HEADING, SUBITEM)] == [True] * 5


def test_classes_outside_the_work_points_are_numbered_under_the_class_section():
    plan = Plan(2020, "2020年公务员培训计划", preamble="为深入学习贯彻。", closing="费用自理。", id=1)
    sections = [SectionOutline(PlanSection(1, 1, "其他事项", id=1), [PlanItem(1, 1, "认真制定培训方案。", "", id=11)])]
    classes = [TrainingClass(name, plan_id=1, planned_periods=1, trainees_per_period=50, length_days=3, id=i)
               for i, name in enumerate(("加强党的政治建设专题培训班", "创新驱动发展战略专题培训班"), start=1)]
    contacts = [Contact("市委组织部", "李明", "023-1", plan_id=1)]
    lines = notice_outline(PlanOutline(plan, sections, contacts), classes, {})
    assert _levels(lines) == [(HEADING, "一、"), (ITEM, "1."), (ITEM, "2."), (HEADING, "二、"), (ITEM, "1.")]
    assert lines[1].text == "班次安排" and lines[2].text == "加强党的政治建设专题培训班"
    assert lines[0].printed == "为深入学习贯彻。"
    assert [line.printed for line in lines[-2:]] == ["费用自理。", "市委组织部联系人：李明，联系电话：023-1"]


def test_the_county_notice_reads_one_then_1_then_bracketed_1(demo_db, tmp_path):
    plan = tables.plans(demo_db).where("title = ?", ["2020年全县干部教育培训工作要点"])[0]
    target = tmp_path / "county.pdf"
    render(demo_db, DocumentRequest("plan-notice", plan_id=plan.id), target)
    starts = [row.strip() for row in text(target).splitlines()]
    assert not [row for row in starts if re.match(r"（[一二三四五六七八九十]+）", row)]
    flat = squeezed(target)
    assert re.search(r"11\.抓好党政干部培训。.*（1）县管领导干部赴市外高校（培训机构）专题班计划举办.*"
                     r"（2）县管副职领导干部进修班计划举办.*12\.抓好优秀年轻干部培训", flat)
    # a work point with one class names it without a number
    assert re.search(r"[^）]科级干部培训班计划举办|（2）科级干部培训班计划举办", flat)
    assert "）新录用公务员初任培训班" not in flat and "新录用公务员初任培训班计划举办" in flat
