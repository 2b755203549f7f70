"""经费结算表 and the 专项经费 summary as PDF (text read back with pdftotext), through `print funds` and
`print funds-summary`, and as Excel."""
from __future__ import annotations

from dataclasses import replace

from openpyxl import load_workbook

from app.domain.models import Expense
from app.services import classes, database
from app.services.documents import DocumentRequest, render
from app.services.exports import funds as funds_export
from app.services.funds import budget, expenses
from app.storage import tables
from tests import funds_data
from tests.cli import run
from tests.documents.conftest import assert_fonts_embedded, page_sizes, squeezed


def spend(db, office) -> None:
    pid = office.period.id
    expenses.save_expense(db, Expense(pid, "住宿费", 0, payee="县委党校"), 100_000, "2020-03-05")
    expenses.save_expense(db, Expense(pid, "伙食费", 0), 41_000, "2020-03-06")
    expenses.save_expense(db, Expense(pid, "师资费", 0), 5_000, "2020-03-06")
    budget.save_own_line(db, pid, "教材费", 2_000, "5套")


def test_the_settlement_shows_the_basis_budget_against_actual_fees_and_the_warning(db, tmp_path):
    office = funds_data.build(db)
    spend(db, office)
    target = tmp_path / "结算.pdf"
    assert render(db, DocumentRequest("funds", period_id=office.period.id), target) == 1
    text = squeezed(target)
    assert "中青年干部培训班第1期经费结算表" in text and "培训时间：2020年3月2日至4月30日" in text
    assert "按5人（已选调）、每人51天计255人天，三类综合定额每人每天550元" in text
    assert "5人（已选调）×(30+30×70%)" in text and "550元（三类）" in text  # the basis wraps in its cell
    assert "综合定额140,250.00140,250.00" in text
    assert "综合定额140,250.00141,000.00-750.00" in text and "师资费0.005,000.00-5,000.00" in text
    assert "教材费5套—2,000.00" in text and "合计142,250.00146,000.00-3,750.00" in text
    assert "每人800.00元，5人应收4,000.00元，已收0人0.00元" in text
    assert "超过三类标准550元" in text and "超支金额（大写）：人民币叁仟柒佰伍拾元整" in text
    assert page_sizes(target) == {(210, 297)}
    assert_fonts_embedded(target)


def test_the_year_summary_keeps_organiser_kinds_apart_with_subtotals(db, tmp_path):
    office = funds_data.build(db)
    spend(db, office)
    city = classes.save_draft(db, classes.ClassDraft(replace(tables.classes(db).get(office.course.id), id=None,
                                                             name="市级调训班", organiser_kind="上级调训")))
    other = classes.save_period(db, replace(office.short, id=None, class_id=city.id, number=1))
    expenses.save_expense(db, Expense(other.id, "交通费", 0), 300, "")
    target = tmp_path / "汇总.pdf"
    render(db, DocumentRequest("funds-summary", year=2020), target)
    text = squeezed(target)
    assert "2020年干部教育培训专项经费使用情况汇总表" in text
    assert "本级举办小计2" in text and "上级调训小计1" in text and "合计3" in text
    assert "住宿费100,000.00" in text and "交通费300.00" in text
    assert "中青年干部培训班第1期" in text  # its warning listed
    sheets = load_workbook(funds_export.export_year(db, 2020, tmp_path / "汇总.xlsx"))
    rows = [r for r in sheets["按班次"].iter_rows(values_only=True)]
    assert ("上级调训", "小计", 1, rows[-2][3], 300, rows[-2][5], 0, 0) in rows
    assert rows[-1][:3] == ("合计", None, 3)


def test_the_period_export_lists_each_expense(db, tmp_path):
    office = funds_data.build(db)
    spend(db, office)
    book = load_workbook(funds_export.export_period(db, office.period.id, tmp_path / "结算.xlsx"))
    assert book.sheetnames == ["预算", "预算执行", "支出明细"]
    spent = list(book["支出明细"].iter_rows(values_only=True))
    assert spent[1] == ("序号", "日期", "项目", "收款单位", "金额（元）", "凭证号", "摘要")
    assert spent[2] == (1, "2020-03-05", "住宿费", "县委党校", 100000, None, None)
    assert spent[-1][4] == 146000


def test_print_funds_and_funds_summary_from_the_command_line(capsys, tmp_path):
    path = tmp_path / "经费 库" / "x.db"
    with database.writing(path, create=True) as db:
        office = funds_data.build(db)
    code, out, _ = run(capsys, "print", "funds", "--period", office.period.id, "-o", tmp_path / "a.pdf", "--db", path)
    assert code == 0 and "已生成经费结算表" in out
    code, out, _ = run(capsys, "print", "funds-summary", "--year", 2020, "-o", tmp_path / "b.pdf", "--db", path)
    assert code == 0 and "专项经费汇总表" in out
    code, _, err = run(capsys, "print", "funds-summary", "--year", 2019, "-o", tmp_path / "c.pdf", "--db", path)
    assert code == 2 and "2019年没有期次" in err
    code, _, err = run(capsys, "print", "funds", "-o", tmp_path / "d.pdf", "--db", path)
    assert code == 2 and "需要指定期次" in err
