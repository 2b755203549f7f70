"""The printed 课程表: its title, columns, a date spanning its day's rows, the total; alone, after each
入学通知书 as its 附件, and from `python -m app print`."""
import pytest
from pypdf import PdfReader

from app.domain.errors import UserError
from app.services.documents import DocumentRequest, render
from app.services.documents.sources import trainees
from app.services.teaching import timetable
from tests.cli import run
from tests.documents.conftest import assert_fonts_embedded, page_sizes, page_texts, period_id, squeezed
from tests.timetable_data import CLASS, TOPICS, fill_timetable, timetabled_period
from tests.writing import writable


@pytest.fixture
def period(demo_db):
    return timetabled_period(demo_db)


def test_the_timetable_prints_on_a4_with_its_columns_dates_and_total(demo_db, period, tmp_path):
    target = tmp_path / "课程 表.pdf"
    assert render(demo_db, DocumentRequest("timetable", period_id=period), target) == 1
    text = squeezed(target)
    assert f"{CLASS}第2期课程表" in text
    for header in ("日期", "时间", "课程内容", "教学形式", "授课人", "地点", "学时"):
        assert header in text
    rows = timetable.timetable(demo_db, period)
    first_day = rows[0].day
    month, day = int(first_day[5:7]), int(first_day[8:])
    assert text[text.index("课程内容"):].count(f"{month}月{day}日") == 1  # one date cell spans the day's three sessions
    assert "李教授（副校" in text and "长征精神" in text and "08:30-09:30" in text
    total = sum(r.credited_hours for r in rows)
    assert f"合计{total:g}" in text and total == 24
    assert page_sizes(target) == {(210, 297)}
    assert_fonts_embedded(target)


def test_a_period_without_sessions_says_so_and_writes_nothing(demo_db, tmp_path):
    target = tmp_path / "空.pdf"
    with pytest.raises(UserError, match="还没有课程表"):
        render(demo_db, DocumentRequest("timetable", period_id=period_id(demo_db, CLASS, 2)), target)
    assert not target.exists()


def test_a_long_timetable_runs_over_pages_with_its_header_repeated(demo_db, period, tmp_path):
    dates = timetable.days_of(timetable.tables.periods(demo_db).get(period))
    for day in dates:
        for half in ("上午", "下午", "晚上"):
            timetable.save_session(demo_db, timetable.Session(period, day, half, topic=f"专题{day}{half}",
                                                              form="自学"))
    target = tmp_path / "长.pdf"
    pages = render(demo_db, DocumentRequest("timetable", period_id=period), target)
    assert pages >= 2
    texts = page_texts(target)
    assert all("课程内容" in "".join(page.split()) for page in texts)


def test_the_letters_carry_the_timetable_after_each_one(demo_db, period, tmp_path):
    people = trainees(demo_db, period)
    target = tmp_path / "通知书.pdf"
    plain = render(demo_db, DocumentRequest("letters", period_id=period), tmp_path / "plain.pdf")
    pages = render(demo_db, DocumentRequest("letters", period_id=period, with_timetable=True), target)
    assert pages == plain + len(people)  # one page of 课程表 after each letter
    texts = ["".join(page.split()) for page in page_texts(target)]
    per_letter = pages // len(people)
    for index, person in enumerate(people[:3]):
        letter = texts[index * per_letter: (index + 1) * per_letter]
        assert person.name in letter[0] and "附件" in letter[-1] and TOPICS[3] in letter[-1]


def test_the_print_command_makes_the_timetable_and_the_letters_with_it(capsys, demo_path, tmp_path):
    with writable(demo_path) as db:
        period = period_id(db, CLASS, 2)
        fill_timetable(db, period)
        empty = period_id(db, CLASS, 1)
    target = tmp_path / "命令 课程表.pdf"
    code, out, _ = run(capsys, "print", "timetable", "--period", period, "-o", target, "--db", demo_path)
    assert code == 0 and "已生成课程表" in out and TOPICS[3] in squeezed(target)
    code, out, _ = run(capsys, "print", "letters", "--period", period, "--with-timetable", "-o",
                       tmp_path / "l.pdf", "--db", demo_path)
    assert code == 0 and len(PdfReader(str(tmp_path / "l.pdf")).pages) > 1
    code, _, err = run(capsys, "print", "timetable", "--period", empty, "-o", tmp_path / "x.pdf", "--db", demo_path)
    assert code == 2 and "还没有课程表" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = run(capsys, "print", "roster", "--period", period, "--with-timetable", "-o", tmp_path / "y.pdf",
                       "--db", demo_path)
    assert code == 2 and "只用于入学通知书" in err
