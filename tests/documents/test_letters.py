"""入学通知书 and 学员选调函: one letter per trainee or unit, the template's text filled from the data."""
import re

import pytest

from app.domain.errors import UserError, ValidationError
from app.domain.idcard import mask_id
from app.services.documents import DocumentRequest, render
from app.services.documents.sources import trainees
from app.services.documents.templates import ADMISSION, UNIT_LETTER, save_template, template_errors
from app.storage import tables
from tests.documents.conftest import assert_fonts_embedded, page_sizes, page_texts, period_id, squeezed, text

POLITICS_1 = ("加强党的政治建设专题培训班", 1)
POLITICS_2 = ("加强党的政治建设专题培训班", 2)


def test_one_admission_letter_per_trainee_on_one_a4_page(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    people = trainees(demo_db, period)
    target = tmp_path / "入学 通知书.pdf"
    pages = render(demo_db, DocumentRequest("letters", period_id=period, issued_on="2020-04-28"), target)
    assert pages == len(people) == len(page_texts(target))
    assert page_sizes(target) == {(210, 297)}
    assert_fonts_embedded(target)
    for trainee, page in zip(people, page_texts(target), strict=False):
        flat = "".join(page.split())
        assert f"{trainee.name}同志：" in flat
        assert "入学通知书" in flat and "加强党的政治建设专题培训班第1期" in flat
        assert "2020年5月11日至15日，学制5天" in flat
        assert "请于2020年5月11日（星期一）8:30到市委党校（行政学院）学员服务中心报到" in flat
        assert "培训费每人1500元" in flat and "023-63751234" in flat and "传真023-63751235" in flat
        assert flat.endswith("中共xx市委组织部2020年4月28日—1—")
        assert "{" not in flat and "}" not in flat


@pytest.mark.parametrize("kind, period", [("letters", POLITICS_1), ("unit-letters", POLITICS_2)])
def test_lines_never_start_with_closing_or_end_with_opening_punctuation(demo_db, tmp_path, kind, period):
    target = tmp_path / "letters.pdf"
    render(demo_db, DocumentRequest(kind, period_id=period_id(demo_db, *period)), target)
    lines = [line.strip() for line in text(target).splitlines() if line.strip()]
    assert not [line for line in lines if line[0] in "，。、；：！？）》”"]
    assert not [line for line in lines if line[-1] in "（《“"]
    assert "8:30" in text(target)


def test_a_unit_that_sent_all_its_names_gets_them_listed(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)  # closed: no quotas, every unit's trainees are its seats
    target = tmp_path / "all.pdf"
    render(demo_db, DocumentRequest("unit-letters", period_id=period), target)
    flat = squeezed(target)
    units = {p.unit_id for p in trainees(demo_db, period)}
    assert len(re.findall(r"经研究，请你单位学员回执表（见附件）所列\d+名同志参加培训，请核对后报送学员回执表。", flat)) \
        == len(units)
    assert "补报" not in flat


def test_letters_of_one_unit_only(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    unit_id = trainees(demo_db, period)[0].unit_id
    target = tmp_path / "one.pdf"
    pages = render(demo_db, DocumentRequest("letters", period_id=period, unit_id=unit_id), target)
    assert pages == len(trainees(demo_db, period, unit_id=unit_id)) < len(trainees(demo_db, period))


def test_an_edited_template_is_what_prints(demo_db, tmp_path):
    edited = "入学通知书\n{姓名}同志：\n请于{报到时间}到{报到地点}报到，参加{班次}{期次}。\n一、特别提示。请带好笔记本电脑。"
    save_template(demo_db, ADMISSION, edited)
    target = tmp_path / "edited.pdf"
    render(demo_db, DocumentRequest("letters", period_id=period_id(demo_db, *POLITICS_1)), target)
    flat = squeezed(target)
    assert "一、特别提示。请带好笔记本电脑。" in flat and "纪律要求" not in flat


@pytest.mark.parametrize("bad, message", [
    ("入学通知书\n{姓名}同志：{学号}", "“{学号}”不是可用的字段"),
    ("入学通知书\n{姓名同志：", "花括号"),
    ("只有一行", "至少要有两行"),
])
def test_a_bad_template_is_refused_and_the_old_one_kept(demo_db, bad, message):
    assert message in template_errors(ADMISSION, bad)["text"]
    with pytest.raises(ValidationError):
        save_template(demo_db, ADMISSION, bad)
    assert demo_db.execute("SELECT count(*) FROM settings WHERE key = 'template.admission_letter'").fetchone()[0] == 0


def test_the_names_table_must_stand_on_its_own_line():
    errors = template_errors(UNIT_LETTER, UNIT_LETTER.default + "\n名单如下：{学员名单}")
    assert "{学员名单} 要单独占一行" in errors["text"]


def test_a_blank_the_template_needs_stops_printing(demo_db, tmp_path):
    period = tables.periods(demo_db).get(period_id(demo_db, *POLITICS_1))
    training_class = tables.classes(demo_db).get(period.class_id)
    period.report_place, training_class.place = "", ""
    tables.periods(demo_db).update(period)
    tables.classes(demo_db).update(training_class)
    target = tmp_path / "x.pdf"
    with pytest.raises(UserError, match="缺少报到地点"):
        render(demo_db, DocumentRequest("letters", period_id=period.id), target)
    assert not target.exists() and not list(tmp_path.iterdir())


def test_a_period_without_trainees_has_no_letters(demo_db, tmp_path):
    empty = period_id(demo_db, "人才研修班", 1)
    with pytest.raises(UserError, match="还没有学员"):
        render(demo_db, DocumentRequest("letters", period_id=empty), tmp_path / "x.pdf")


def test_unit_letters_one_per_unit_with_quota_and_a_blank_table(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_2)
    quotas = tables.quotas(demo_db).where("period_id = ?", [period])
    target = tmp_path / "选调函.pdf"
    render(demo_db, DocumentRequest("unit-letters", period_id=period, issued_on="2020-09-15"), target)
    flat = squeezed(target)
    assert flat.count("关于选调学员参加加强党的政治建设专题培训班第2期的通知") == len(quotas)
    for quota in quotas[:5]:
        unit = tables.units(demo_db).get(quota.unit_id)
        assert f"{unit.name}：根据《2020年公务员培训计划》安排" in flat
        assert f"请你单位选派{quota.seats}名同志参加培训" in flat
    assert "请于2020年10月9日前将学员回执表报送市委组织部" in flat
    assert "因故需更换学员人选，应提前5天（2020年10月14日前）向中共xx市委组织部报告" in flat
    assert "重点难点问题" in flat and "填写学员回执表（见附件）后报送。" in flat
    assert_fonts_embedded(target)


def test_unit_letters_list_the_names_sent_with_masked_id_numbers(demo_db, tmp_path):
    period = period_id(demo_db, "军民融合发展战略专题培训班", 1)
    seats_of = {q.unit_id: q.seats for q in tables.quotas(demo_db).where("period_id = ?", [period])}
    unit_id = next(t.unit_id for t in trainees(demo_db, period)
                   if seats_of.get(t.unit_id, 0) > len(trainees(demo_db, period, unit_id=t.unit_id)))
    people = trainees(demo_db, period, unit_id=unit_id)
    target = tmp_path / "named.pdf"
    render(demo_db, DocumentRequest("unit-letters", period_id=period, unit_id=unit_id), target)
    flat = squeezed(target)
    assert flat.count("关于选调学员参加") == 1
    seats = tables.quotas(demo_db).where("period_id = ? AND unit_id = ?", [period, unit_id])[0].seats
    assert seats > len(people)
    assert (f"经研究，请你单位学员回执表（见附件）所列{len(people)}名同志参加培训，"
            f"另请按照调训对象要求补报{seats - len(people)}名，填入学员回执表。") in flat
    for person in people:
        assert person.name in flat
        assert mask_id(person.id_number) in flat and person.id_number not in flat


def test_unit_letters_for_one_unit_across_its_open_periods(demo_db, tmp_path):
    unit_id = tables.quotas(demo_db).all()[0].unit_id
    target = tmp_path / "unit.pdf"
    render(demo_db, DocumentRequest("unit-letters", unit_id=unit_id), target)
    unit = tables.units(demo_db).get(unit_id)
    assert len(re.findall(f"{unit.name}：根据", squeezed(target))) >= 1
    assert "第1期" in squeezed(target) or "第2期" in squeezed(target)


def test_the_seal_is_printed_over_the_issuing_body(demo_db, tmp_path):
    from PIL import Image, ImageDraw
    from pypdf import PdfReader

    from app.services.documents.seal import set_seal
    png = tmp_path / "印章.png"
    image = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((8, 8, 232, 232), outline=(200, 20, 20, 255), width=10)
    image.save(png)
    set_seal(demo_db, png)
    target = tmp_path / "sealed.pdf"
    render(demo_db, DocumentRequest("letters", period_id=period_id(demo_db, *POLITICS_1)), target)
    first = PdfReader(str(target)).pages[0]
    assert len(first.images) == 1
    assert "中共xx市委组织部" in squeezed(target)
