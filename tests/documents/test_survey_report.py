"""The printed needs survey tally (需求调研汇总): the same figures as the tally, its charts, the units that did
not return and the comments, on A4 in the embedded fonts; refused with a reason when nothing was returned."""
import pytest

from app.domain.errors import UserError
from app.services.documents import DocumentRequest, render
from app.services.survey import surveys
from app.services.survey.tally import tally
from tests.documents.conftest import assert_fonts_embedded, page_sizes, squeezed


def test_the_report_carries_the_tally(demo_db, tmp_path):
    target = tmp_path / "需求调研汇总.pdf"
    pages = render(demo_db, DocumentRequest("survey-report", year=2021), target)
    found = tally(demo_db, 2021)
    flat = squeezed(target)
    assert pages >= 2 and page_sizes(target) == {(210, 297)}
    assert "2021年度干部教育培训需求调研汇总" in flat
    assert f"共{found.returned}个单位报送调研表，{len(found.not_returned)}个单位未报送" in flat
    assert f"提出培训需求{found.requests}项，涉及{found.people}人次" in flat
    ranked = [t for t in found.topics if t.people]
    places = [flat.find(t.topic.replace(" ", "")[:8]) for t in ranked]  # a long name wraps in its cell
    assert -1 not in places and places == sorted(places)  # in the tally's order
    row = flat[places[1]:places[2]]  # the second topic's row: its people, units and months
    assert f"{ranked[1].people}{len(ranked[1].units)}" in row
    assert "需求人数前10位的专题" in flat and "希望参训月份（各月被选择的次数）" in flat
    assert "次数" + "".join(str(m.requests) for m in found.months) in flat
    assert "单位自填" in flat and "替换了9月3日导入的调研表" in flat
    assert found.not_returned[0] in flat and "七、意见建议" in flat
    assert_fonts_embedded(target)


def test_a_survey_nobody_returned_is_not_printed(demo_db, tmp_path):
    surveys.create_survey(demo_db, 2022)
    with pytest.raises(UserError, match="还没有单位报送"):
        render(demo_db, DocumentRequest("survey-report", year=2022), tmp_path / "x.pdf")
    with pytest.raises(UserError, match="还没有2030年的需求调研"):
        render(demo_db, DocumentRequest("survey-report", year=2030), tmp_path / "y.pdf")
    assert not (tmp_path / "x.pdf").exists()
