"""The statistics page against the services it shows."""
from app.services.hours import ledger as hours
from app.services.stats import coverage, statistics
from tests.ui.conftest import type_text


def test_overview_figures_and_tables_follow_the_year(qtbot, window):
    page = window.show_page("统计")
    assert page.year.currentData() == 2020
    overview = statistics.overview(window.session.db, 2020)
    values = [label.text() for label in page.figure_labels]
    assert values[4] == str(overview.own.person_times) and values[8] == f"{overview.behind}人"
    assert page.breakdowns["unit"].rowCount() == len(overview.lines["unit"])
    assert page.kind_chart.items and page.category_chart.items
    behind = hours.behind(window.session.db, 2020)
    assert [p.person_id for p in page.behind.records()] == [p.person_id for p in behind]
    assert page.ledger.rowCount() == 600


def test_search_filters_the_tables(qtbot, window):
    page = window.show_page("统计")
    page.tabs.setCurrentIndex(7)  # 学时档案
    type_text(page.search, "县委组织部")
    table = page.tabs.currentWidget()
    assert 0 < table.model().rowCount() < 600


def test_coverage_lists_who_has_not_attended(qtbot, window):
    page = window.show_page("统计")
    names = [page.coverage_class.itemText(i) for i in range(page.coverage_class.count())]
    assert names == ["县管领导干部学习贯彻党的十九届四中全会精神专题班", "村党组织书记脱贫攻坚专题轮训班"]
    found = coverage.coverage(window.session.db, page.coverage_class.currentData())
    assert page.coverage_model.rowCount() == len(found.missing) > 0
    assert f"尚未参训{len(found.missing)}人" in page.coverage_note.text()


def test_print_buttons_send_the_right_requests(qtbot, window, monkeypatch):
    from ui.documents import print_actions

    sent = []
    monkeypatch.setattr(print_actions, "print_document", lambda parent, session, request: sent.append(request))
    page = window.show_page("统计")
    assert not page.print_hours.isEnabled()
    page.tabs.setCurrentIndex(6)  # 应训未训
    table = page.tabs.currentWidget()
    table.selectRow(0)
    assert page.print_hours.isEnabled()
    page.print_hours.click()
    page.print_summary.click()
    first = page.behind.record(table.model().mapToSource(table.model().index(0, 0)).row())
    assert [(r.kind, r.person_id, r.year) for r in sent] == [("hours", first.person_id, 2020), ("summary", None, 2020)]
