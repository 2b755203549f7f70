"""讲课费发放表 as PDF (text read back with pdftotext) and through `print lecture-fees`, with its exit codes."""
from __future__ import annotations

import pytest

from app.services import database
from app.services.documents import DocumentRequest, render
from tests import teaching_data
from tests.cli import run
from tests.documents.conftest import assert_fonts_embedded, page_sizes, squeezed


def fill(db) -> teaching_data.Office:
    office = teaching_data.build(db)
    teaching_data.teach(db, office, office.first,
                        ("2020-05-11", "上午", "习近平新时代中国特色社会主义思想", "王教授"),
                        ("2020-05-11", "下午", "全县经济形势", "孙书记"),
                        ("2020-05-12", "上午", "专题一", "李副教授", {"hours": 3}),
                        ("2020-05-12", "上午", "专题二", "李副教授", {"hours": 3}))
    teaching_data.teach(db, office, office.second, ("2020-05-13", "下午", "乡村振兴", "王教授"))
    return office


@pytest.fixture
def office_file(tmp_path):
    path = tmp_path / "师资 库" / "fees.db"
    with database.writing(path, create=True) as db:
        office = fill(db)
    return path, office


def test_a_periods_sheet_lists_each_session_with_its_amount_and_the_total(db, tmp_path):
    fill(db)
    target = tmp_path / "fees.pdf"
    assert render(db, DocumentRequest("lecture-fees", period_id=1), target) == 1
    text = squeezed(target)
    assert "科级干部培训班第1期讲课费发放表" in text and "培训时间：2020年5月11日至15日" in text
    assert "王教授正高级138****5678" in text and "41000" in text and "4,000.00" in text
    assert "孙书记领导干部139****1111" in text and "领导干部不付酬" in text
    assert "李副教授副高级023-****4567" in text and "半天最多计4学时" in text
    assert "13812345678" not in text  # phones masked on a form that circulates
    assert "合计" in text and "6,000.00" in text and "人民币陆仟元整" in text  # 4000 + 0 + 1500 + 500
    assert page_sizes(target) == {(297, 210)}
    assert_fonts_embedded(target)


def test_a_lecturers_year_lists_their_sessions_in_every_period(db, tmp_path):
    office = fill(db)
    target = tmp_path / "year.pdf"
    render(db, DocumentRequest("lecture-fees", lecturer_id=office.people["王教授"].id, year=2020), target)
    text = squeezed(target)
    assert "王教授2020年讲课费发放表" in text and "138****5678" in text
    assert "科级干部培训班第1期" in text and "乡村振兴专题班第1期" in text
    assert "8,000.00" in text and "人民币捌仟元整" in text


def test_print_command_makes_both_sheets(capsys, office_file, tmp_path):
    path, office = office_file
    code, out, err = run(capsys, "print", "lecture-fees", "--period", office.first.id, "-o", tmp_path / "p.pdf",
                         "--db", path)
    assert (code, err) == (0, "") and "讲课费发放表" in out and (tmp_path / "p.pdf").is_file()
    code, out, _ = run(capsys, "print", "lecture-fees", "--lecturer", office.people["王教授"].id, "--year", 2020,
                       "-o", tmp_path / "l.pdf", "--db", path)
    assert code == 0 and "王教授2020年讲课费发放表" in squeezed(tmp_path / "l.pdf")


@pytest.mark.parametrize("args, message", [
    ((), "需要指定期次或授课人"),
    (("--lecturer", 1), "需要指定年度"),
    (("--lecturer", 999, "--year", 2020), "找不到该授课人"),
    (("--period", 999), "找不到"),
    (("--lecturer", 3, "--year", 2021), "没有安排授课人的课程"),
])
def test_print_command_exits_2_without_a_scope_or_with_a_wrong_one(capsys, office_file, tmp_path, args, message):
    path, _ = office_file
    target = tmp_path / "bad.pdf"
    code, out, err = run(capsys, "print", "lecture-fees", *args, "-o", target, "--db", path)
    assert code == 2 and message in err and not target.exists()
