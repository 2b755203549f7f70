"""The printed yearly summary carries its charts, drawn in the embedded fonts."""
from app.services import statistics
from app.services.documents import DocumentRequest, render
from tests.documents.conftest import assert_fonts_embedded, squeezed


def test_year_summary_ends_with_charts_of_the_same_figures(demo_db, tmp_path):
    target = tmp_path / "汇总.pdf"
    render(demo_db, DocumentRequest("summary", year=2020), target)
    flat = squeezed(target)
    assert "五、图示" in flat
    assert "调训人次（按班次类型）" in flat and "调训人次（按干部类别）" in flat
    overview = statistics.overview(demo_db, 2020)
    biggest = max(overview.lines["category"], key=lambda line: line.person_times)
    share = biggest.person_times / overview.person_times
    assert f"{biggest.label}{biggest.person_times}（{share:.0%}）" in flat
    assert_fonts_embedded(target)
