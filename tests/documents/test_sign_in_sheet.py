"""签到表 with long unit names: rows grow, no text leaves its cell or runs over "应到N人", every page repeats the
title, date and half-day, and the pages are numbered through the document."""
import dataclasses
import re
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.services.documents import DocumentRequest, fonts, render
from app.services.documents.sources import trainees
from app.storage import tables
from tests.documents.conftest import page_texts, period_id
from tests.documents.drawn import Page, drawn

POLITICS_1 = ("加强党的政治建设专题培训班", 1)  # 5 days, 30 trainees
LONG_UNIT = "中共某某县委员会组织部干部教育培训和人才工作综合服务中心第{}办公室及其下属机构"
TITLE = "加强党的政治建设专题培训班第1期签到表"
EPS = 0.5  # points: a stroke's width


def outside_cells(page: Page) -> list[str]:
    """The runs that leave their cell, or stand outside the table yet over it."""
    face = pdfmetrics.getFont(fonts.bundled_font().name).face
    ascent, descent = face.ascent / 1000, -face.descent / 1000
    bad = []
    for run in page.runs:
        top, bottom = run.y + ascent * run.size, run.y - descent * run.size
        left, right = run.x, run.x + stringWidth(run.text, fonts.bundled_font().name, run.size)
        if not page.rows[-1] < run.y < page.rows[0]:  # above or below the table: keep clear of it
            if top > page.rows[-1] + EPS and bottom < page.rows[0] - EPS:
                bad.append(f"{run.text} over the table")
            continue
        over = min(y for y in page.rows if y > run.y)
        under = max(y for y in page.rows if y < run.y)
        before = max(x for x in page.columns if x <= run.x + EPS)
        after = min(x for x in page.columns if x > run.x + EPS)
        if top > over + EPS or bottom < under - EPS or left < before - EPS or right > after + EPS:
            bad.append(f"{run.text}: [{left:.1f}, {right:.1f}] × [{bottom:.1f}, {top:.1f}] "
                       f"in cell [{before:.1f}, {after:.1f}] × [{under:.1f}, {over:.1f}]")
    return bad


def page_numbers(path: Path) -> list[int]:
    numbers = []
    for text in page_texts(path):
        found = re.findall(r"—\s*(\d+)\s*—", text)
        assert len(found) == 1, text
        numbers.append(int(found[0]))
    return numbers


def long_unit_names(db, period: int) -> None:
    """Every other trainee's unit gets a name of three lines' width."""
    unit_ids = sorted({p.unit_id for p in trainees(db, period)})
    for number, unit_id in enumerate(unit_ids[::2]):
        unit = tables.units(db).get(unit_id)
        tables.units(db).update(dataclasses.replace(unit, name=LONG_UNIT.format(number)))


def test_long_unit_names_stay_in_their_cells_over_several_days(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    long_unit_names(demo_db, period)
    people = trainees(demo_db, period)
    assert sum(LONG_UNIT.format(0)[:10] in p.unit_name for p in people) >= 5
    target = tmp_path / "签到表.pdf"
    pages = render(demo_db, DocumentRequest("sign-in", period_id=period), target)
    assert pages > 10  # taller rows: more than two pages a day
    seen = drawn(target)
    assert len(seen) == pages
    for number, page in enumerate(seen, start=1):
        assert len(page.rows) > 3 and len(page.columns) == 7, number
        assert not outside_cells(page), (number, outside_cells(page))
    texts = page_texts(target)
    for number, text in enumerate(texts, start=1):
        flat = "".join(text.split())
        assert TITLE in flat and re.search(r"日期：2020年5月1\d日（星期.）", flat), number
        assert flat.index(TITLE) < flat.index("序号"), number  # the title and date stand over the column heads
    assert "".join("".join(t.split()) for t in texts).count(f"应到{len(people)}人") == 5
    assert page_numbers(target) == list(range(1, pages + 1))


def test_each_page_of_a_half_day_names_its_half_and_numbers_run_through(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    long_unit_names(demo_db, period)
    target = tmp_path / "half.pdf"
    pages = render(demo_db, DocumentRequest("sign-in", period_id=period, half_days=True), target)
    halves = [re.search(r"（星期.）(上午|下午)", "".join(t.split())).group(1) for t in page_texts(target)]
    assert len(halves) == pages and halves[0] == "上午" and halves[-1] == "下午"
    assert halves.count("上午") == halves.count("下午") == pages // 2
    assert page_numbers(target) == list(range(1, pages + 1))


def test_short_names_keep_rows_tall_enough_to_sign(demo_db, tmp_path):
    target = tmp_path / "short.pdf"
    render(demo_db, DocumentRequest("sign-in", period_id=period_id(demo_db, *POLITICS_1)), target)
    page = drawn(target)[0]
    heights = [a - b for a, b in zip(page.rows[1:], page.rows[2:], strict=False)]  # under the column heads
    assert heights and min(heights) > 25 and not outside_cells(page)  # 9 mm ≈ 25.5 pt
