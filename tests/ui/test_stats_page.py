"""The statistics page against the services it shows."""
from app.domain.models import Plan
from app.services.hours import ledger as hours
from app.services.stats import coverage, statistics
from app.storage import tables
from tests.ui.conftest import type_text
from tests.ui.helpers import figures_arrived, stats_page


def test_overview_figures_and_tables_follow_the_year(qtbot, window):
    page = stats_page(qtbot, window)
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
    page = stats_page(qtbot, window)
    page.tabs.setCurrentIndex(7)  # 学时档案
    type_text(page.search, "县委组织部")
    table = page.tabs.currentWidget()
    assert 0 < table.model().rowCount() < 600


def test_coverage_lists_who_has_not_attended(qtbot, window):
    page = stats_page(qtbot, window)
    assert page.coverage_model.rowCount() == 0  # read when its tab is opened
    page.tabs.setCurrentWidget(page.coverage_table.parentWidget())
    names = [page.coverage_class.itemText(i) for i in range(page.coverage_class.count())]
    assert names == ["县管领导干部学习贯彻党的十九届四中全会精神专题班", "村党组织书记脱贫攻坚专题轮训班"]
    found = coverage.coverage(window.session.db, page.coverage_class.currentData())
    assert page.coverage_model.rowCount() == len(found.missing) > 0
    assert f"尚未参训{len(found.missing)}人" in page.coverage_note.text()


def test_print_buttons_send_the_right_requests(qtbot, window, monkeypatch):
    from ui.documents import print_actions

    sent = []
    monkeypatch.setattr(print_actions, "print_document", lambda parent, session, request: sent.append(request))
    page = stats_page(qtbot, window)
    assert not page.print_hours.isEnabled()
    page.tabs.setCurrentIndex(6)  # 应训未训
    table = page.tabs.currentWidget()
    table.selectRow(0)
    assert page.print_hours.isEnabled()
    page.print_hours.click()
    page.print_summary.click()
    first = page.behind.record(table.model().mapToSource(table.model().index(0, 0)).row())
    assert [(r.kind, r.person_id, r.year) for r in sent] == [("hours", first.person_id, 2020), ("summary", None, 2020)]


def test_the_page_shows_at_once_and_the_newest_year_s_figures_arrive_from_a_worker(qtbot, window, monkeypatch):
    import threading

    read = []
    real = statistics.year_page

    def spy(db, year):
        read.append((year, threading.current_thread() is threading.main_thread()))
        return real(db, year)

    monkeypatch.setattr(statistics, "year_page", spy)
    tables.plans(window.session.db).insert(Plan(2021, "2021年干部教育培训工作要点"))
    page = window.show_page("统计")
    assert page.reads.busy and page.load_note.text() == "正在统计2021年的数据…"
    assert not page.export_button.isEnabled()  # nothing to export until the figures are there
    page.year.setCurrentIndex(page.year.findData(2020))  # chosen before 2021's figures arrived: those are dropped
    figures_arrived(qtbot, page)
    assert page.overview.year == 2020 and page.load_note.isHidden()
    assert sorted(read) == [(2020, False), (2021, False)]  # both read in workers (in either order), never on the UI thread
    qtbot.wait(200)
    assert page.overview.year == 2020  # 2021's late result did not replace them
    assert page.ledger.rowCount() == 600 and page.export_button.isEnabled()


def test_figures_that_cannot_be_read_are_said_on_the_page(qtbot, window, monkeypatch):
    def broken(db, year):
        raise RuntimeError("磁盘读取错误")

    monkeypatch.setattr(statistics, "year_page", broken)
    page = stats_page(qtbot, window)
    assert page.load_note.text().startswith("统计数据读取失败：程序内部错误") and page.load_note.isVisible()
