"""签到表, 学员名册, 结业证书 and the summaries."""
import re

import pytest

from app.domain.errors import UserError
from app.domain.strokes import stroke_key
from app.services.documents import DocumentRequest, render
from app.services.documents.sources import trainees
from app.services.stats import organisers
from app.storage import tables
from tests.documents.conftest import assert_fonts_embedded, page_sizes, page_texts, period_id, squeezed, text

POLITICS_1 = ("加强党的政治建设专题培训班", 1)


def test_one_sign_in_sheet_per_day_with_masked_ids(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)  # 5 days, 30 trainees: two pages a day
    people = trainees(demo_db, period)
    target = tmp_path / "签到表.pdf"
    pages = render(demo_db, DocumentRequest("sign-in", period_id=period), target)
    flat = squeezed(target)
    assert flat.count("加强党的政治建设专题培训班第1期签到表") == 10  # on every page
    for day in ("2020年5月11日（星期一）", "2020年5月15日（星期五）"):
        assert f"日期：{day}" in flat
    assert pages == 10 and page_sizes(target) == {(210, 297)}
    for person in people:
        assert person.id_number not in flat
        assert re.sub(r"\d{8}(?=\d{3}[\dX]$)", "*" * 8, person.id_number) in flat
    assert flat.count(f"应到{len(people)}人") == 5
    assert_fonts_embedded(target)


def test_sign_in_sheets_by_half_day(demo_db, tmp_path):
    target = tmp_path / "half.pdf"
    render(demo_db, DocumentRequest("sign-in", period_id=period_id(demo_db, *POLITICS_1), half_days=True), target)
    flat = squeezed(target)
    assert flat.count("签到表") == 20  # ten half-days of two pages, each page titled
    assert "（星期一）上午" in flat and "（星期五）下午" in flat


@pytest.mark.parametrize("order", ["unit", "strokes"])
def test_roster_in_unit_or_stroke_order(demo_db, tmp_path, order):
    period = period_id(demo_db, *POLITICS_1)
    target = tmp_path / f"{order}.pdf"
    render(demo_db, DocumentRequest("roster", period_id=period, order=order), target)
    assert page_sizes(target) == {(297, 210)}
    people = trainees(demo_db, period, order=order)
    names = [name for line in text(target).splitlines()
             if (match := re.match(r"\s*\d+\s+(\S+)\s+[男女]\s", line)) for name in [match.group(1)]]
    assert names == [p.name for p in people]
    if order == "strokes":
        assert names == sorted(names, key=stroke_key)
        assert "按姓氏笔画排列" in squeezed(target)
    else:
        units = [p.unit_order for p in people]
        assert units == sorted(units)
    assert all(p.id_number not in squeezed(target) for p in people)


def test_certificates_only_for_completed_trainees_with_stable_serials(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    completed = trainees(demo_db, period, statuses=("结业",))
    assert 0 < len(completed) < len(trainees(demo_db, period))
    first = tmp_path / "证书.pdf"
    assert render(demo_db, DocumentRequest("certificates", period_id=period), first) == len(completed)
    assert page_sizes(first) == {(297, 210)}
    serials = re.findall(r"证书编号：(\d{4}-\d{2}-\d{3})", squeezed(first))
    assert serials == [f"2020-01-{n:03d}" for n in range(1, len(completed) + 1)]
    for person, page in zip(completed, page_texts(first), strict=False):
        assert f"{person.name}同志：" in "".join(page.split())
    again = tmp_path / "again.pdf"
    render(demo_db, DocumentRequest("certificates", period_id=period), again)
    assert re.findall(r"证书编号：(\d{4}-\d{2}-\d{3})", squeezed(again)) == serials
    other = tmp_path / "other.pdf"
    render(demo_db, DocumentRequest("certificates", period_id=period_id(demo_db, "科级干部培训班", 1)), other)
    assert re.findall(r"证书编号：(\d{4}-\d{2})-001", squeezed(other)) == ["2020-02"]


def test_no_certificates_before_anyone_completes(demo_db, tmp_path):
    with pytest.raises(UserError, match="没有已结业的学员"):
        render(demo_db, DocumentRequest("certificates", period_id=period_id(demo_db, "军民融合发展战略专题培训班", 1)),
               tmp_path / "x.pdf")


def test_period_summary_counts_by_status_and_unit(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    people = trainees(demo_db, period)
    completed = [p for p in people if p.status == "结业"]
    target = tmp_path / "summary.pdf"
    render(demo_db, DocumentRequest("summary", period_id=period), target)
    flat = squeezed(target)
    absent = sum(p.status == "缺训" for p in people)
    hours = sum(p.hours for p in people)
    assert f"选调人数已报到请假缺训结业学时合计{len(people)}{len(people)}0{absent}{len(completed)}{hours:g}" in flat
    assert f"合计{len(people)}{len(people)}0{absent}{len(completed)}{hours:g}" in flat
    assert_fonts_embedded(target)


def test_yearly_summary_by_class_kind_unit_and_category(demo_db, tmp_path):
    target = tmp_path / "year.pdf"
    render(demo_db, DocumentRequest("summary", year=2020), target)
    flat = squeezed(target)
    for heading in ("2020年干部教育培训情况统计", "一、按举办方式", "二、按班次", "三、按班次类型（本级举办）", "四、按单位",
                    "五、按干部类别"):
        assert heading in flat
    enrolled = demo_db.execute("SELECT count(*) FROM enrollments WHERE status NOT IN ('已替换', '退学')").fetchone()[0]
    planned = sum(c.planned_periods for c in tables.classes(demo_db).where("plan_id IS NOT NULL"))
    assert planned == 34  # the units' own classes were filed, not planned
    # the sum of every kind only where named as one: by 举办方式 and under the classes
    assert len(re.findall(rf"合计（三种举办方式）{planned}\d+\d+{enrolled}", flat)) == 2
    assert "党政领导干部" in flat and "县委办公室" in flat


def test_a_year_without_classes_has_no_summary(demo_db, tmp_path):
    with pytest.raises(UserError, match="1999年没有班次"):
        render(demo_db, DocumentRequest("summary", year=1999), tmp_path / "x.pdf")


def test_the_yearly_summary_keeps_the_county_and_the_city_apart(demo_db, tmp_path):
    """The issue's measured example: 34 periods and 1,795 places were the county's 21 and 1,135 plus the city's
    13 and 660; now the headline is the county's own and the sum is only where it says so."""
    target = tmp_path / "year.pdf"
    render(demo_db, DocumentRequest("summary", year=2020), target)
    flat = squeezed(target)
    assert "本级举办计划21期、培训1135人" in flat and "另有上级调训计划13期、660人，调训336人次；单位自办备案2期、22人次。" in flat
    assert "三种举办方式合计计划34期、1795人" in flat
    own, city = organisers.by_organiser(demo_db, 2020)[:2]
    for row in (own, city):  # the table's row: planned, held, places, 人次, completions
        assert f"{row.kind}{row.planned_periods}{row.held_periods}{row.planned_trainees}{row.person_times}" \
               f"{row.completed}" in flat
    assert (own.planned_periods, own.held_periods, city.planned_periods, city.held_periods) == (21, 15, 13, 7)
    assert re.search(r"单位自办02022", flat)  # filed, not planned: two held, 22 people
    assert len(re.findall(r"合计（三种举办方式）3424", flat)) == 2
    assert "本级举办小计" in flat and "上级调训小计" in flat and "单位自办小计" in flat
    assert "34期" not in flat.replace("合计计划34期", "")  # no unlabelled sum
