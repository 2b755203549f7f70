"""补训通知 as PDF (text read back with pdftotext): one letter per unit naming its people linked to a make-up
period, what they missed and why, and where and when to come; through `print makeup-notice` with its exit codes."""
from __future__ import annotations

import pytest

from app.services import database
from app.services.documents import DocumentRequest, render
from app.services.documents.formats import cn_range
from app.services.makeup import items, writes
from app.storage import tables
from tests.cli import run
from tests.documents.conftest import assert_fonts_embedded, page_sizes, page_texts, squeezed


def link_all_due(db) -> list:
    """Every 待补训 of the 科级干部培训班 linked to its next period (the demo's one already is)."""
    for found in items.items(db):
        if found.state == items.DUE and (later := writes.suggested_periods(db, found.enrollment_id)):
            writes.link(db, found.enrollment_id, later[0])
    return [f for f in items.items(db) if f.makeup]


def test_one_letter_per_unit_names_its_people_and_the_period_to_attend(demo_db, tmp_path):
    linked = link_all_due(demo_db)
    units = {f.line.unit_name for f in linked}
    target = tmp_path / "补训通知.pdf"
    pages = render(demo_db, DocumentRequest("makeup-notice", year=2020, issued_on="2020-09-15"), target)
    texts = ["".join(page.split()) for page in page_texts(target)]
    starts = [t for t in texts if t.startswith("补训通知")]
    assert len(starts) == len(units) >= 2 and pages >= len(units)
    for found in linked:
        letter = next(t for t in starts if t.startswith(f"补训通知{found.line.unit_name}："))
        assert found.line.person_name in letter and found.missed_title in letter
        assert found.reason.split("（")[0] in letter
        period = tables.periods(demo_db).get(found.makeup.period_id)
        assert f"{found.makeup.class_name}第{period.number}期。培训时间：{cn_range(period.start_date, period.end_date)}" in letter
        assert "报到时间：2020年10月12日（星期一）8:30" in letter and f"报到地点：{period.report_place}" in letter
    text = squeezed(target)
    assert text.count("中共xx县委组织部2020年9月15日") == len(units)
    assert page_sizes(target) == {(210, 297)}
    assert_fonts_embedded(target)


def test_one_unit_only_and_nothing_to_print(demo_db, tmp_path):
    linked = link_all_due(demo_db)
    unit = linked[0].line
    target = tmp_path / "one.pdf"
    render(demo_db, DocumentRequest("makeup-notice", unit_id=unit.unit_id), target)
    text = squeezed(target)
    assert text.count("补训通知") == 1 and f"{unit.unit_name}：" in text
    assert all(f.line.person_name not in text for f in linked if f.line.unit_id != unit.unit_id)
    with pytest.raises(Exception, match="没有已安排补训期次的待补训人员"):
        render(demo_db, DocumentRequest("makeup-notice", year=2019), tmp_path / "none.pdf")
    with pytest.raises(Exception, match="需要指定单位或年度"):
        render(demo_db, DocumentRequest("makeup-notice"), tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_the_print_command(capsys, demo_path, tmp_path):
    with database.writing(demo_path) as db:
        unit_id = link_all_due(db)[0].line.unit_id
    code, out, err = run(capsys, "print", "makeup-notice", "-o", tmp_path / "u.pdf", "--unit", unit_id,
                         "--db", demo_path)
    assert code == 0 and out.startswith("已生成补训通知") and (tmp_path / "u.pdf").exists(), err
    code, out, err = run(capsys, "print", "makeup-notice", "-o", tmp_path / "y.pdf", "--year", 2019, "--db", demo_path)
    assert code == 2 and out == "" and "没有已安排补训期次" in err and not (tmp_path / "y.pdf").exists()
