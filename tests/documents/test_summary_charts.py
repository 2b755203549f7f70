"""The printed yearly summary carries its charts, drawn in the embedded fonts."""
from app.services.documents import DocumentRequest, render
from app.services.stats import statistics
from tests.documents.conftest import assert_fonts_embedded, squeezed


def test_year_summary_ends_with_charts_of_the_same_figures(demo_db, tmp_path):
    target = tmp_path / "汇总.pdf"
    render(demo_db, DocumentRequest("summary", year=2020), target)
    flat = squeezed(target)
    assert "六、图示" in flat
    assert "调训人次（按举办方式）" in flat and "调训人次（按干部类别）" in flat
    overview = statistics.overview(demo_db, 2020)
    biggest = max(overview.lines["category"], key=lambda line: line.person_times)
    share = biggest.person_times / overview.person_times
    assert f"{biggest.label}{biggest.person_times}（{share:.0%}）" in flat
    assert_fonts_embedded(target)


def test_the_printed_summary_and_the_statistics_page_count_the_same_trainees(demo_db):
    from app.services import classes
    from app.services.documents.summary_data import total, year_summary

    def counts():
        overview, printed = statistics.overview(demo_db, 2020), year_summary(demo_db, 2020)
        by_class, by_unit = total(printed.by_class), total(printed.by_unit)
        assert overview.person_times == by_class.enrolled == by_unit.enrolled == total(printed.by_category).enrolled
        assert overview.completed == by_class.completed == by_unit.completed
        assert overview.hours == by_class.hours == by_unit.hours
        return overview.person_times, overview.scheduled_periods

    person_times, periods = counts()
    busiest, trainees = demo_db.execute("""SELECT p.class_id, count(*) FROM enrollments e
                                 JOIN periods p ON p.id = e.period_id WHERE e.status NOT IN ('已替换', '退学')
                                 AND substr(p.start_date, 1, 4) = '2020' GROUP BY p.class_id
                                 ORDER BY count(*) DESC LIMIT 1""").fetchone()
    its_periods = demo_db.execute("SELECT count(*) FROM periods WHERE class_id = ? AND substr(start_date, 1, 4) = '2020'",
                                  [busiest]).fetchone()[0]
    classes.set_class_archived(demo_db, busiest, True)  # the office "deleted" a class that had trainees
    assert counts() == (person_times - trainees, periods - its_periods)
