"""The funds commands: funds --period/--year (JSON and table), add-expense and import-expenses with their exit
codes, bad input and bad files leaving the data as it was."""
import json
import sqlite3
from contextlib import closing

import pytest

from tests import funds_data, funds_files
from tests.cli import run


@pytest.fixture
def office_file(tmp_path):
    from app.services import database

    path = tmp_path / "经费 数据" / "x.db"
    with database.writing(path, create=True) as db:
        office = funds_data.build(db)
    return path, office


def spending(path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as reader:
        return reader.execute("SELECT item, amount, day, payee, voucher FROM expenses ORDER BY id").fetchall()


def test_add_expense_records_it_and_funds_shows_it(capsys, office_file):
    path, office = office_file
    code, out, _ = run(capsys, "add-expense", "--db", path, "--period", office.period.id, "--item", "住宿费",
                       "--amount", "150000", "--date", "2020-03-05", "--payee", "县委党校", "--voucher", "记-9")
    assert code == 0 and "住宿费 150,000.00元" in out
    assert spending(path) == [("住宿费", 150000, "2020-03-05", "县委党校", "记-9")]
    code, out, _ = run(capsys, "funds", "--db", path, "--period", office.period.id, "--json")
    record = json.loads(out)
    assert code == 0
    assert record["basis"] == {"people": 5, "people_source": "已选调", "days": 60, "arrival_days": 0,
                               "person_days_each": 51.0, "person_days": 255.0, "category": "三类", "rate": 550.0}
    assert record["budget"][0] == {"item": "综合定额", "amount": 140250.0, "computed": 140250.0, "adjusted": False,
                                   "basis": "5人（已选调）× (30 + 30 × 70%)天 × 550元（三类）", "notes": ""}
    assert record["actual"] == [{"item": "住宿费", "amount": 150000.0}]
    assert record["fees"]["due"] == 4000
    assert {w["rule"] for w in record["warnings"]} == {"over_standard", "over_budget"}
    code, out, _ = run(capsys, "funds", "--db", path, "--period", office.period.id)
    assert code == 0 and "提示：综合定额支出每人每天588.24元，超过三类标准550元" in out


@pytest.mark.parametrize("args, message", [
    (["--item", "住宿费", "--amount", "一万"], "不是数字"),
    (["--item", "住宿费", "--amount", "100", "--date", "2020-13-01"], "日期"),
    (["--item", "", "--amount", "100"], "支出项目"),
    (["--item", "住宿费", "--amount", "-5"], "大于0"),
])
def test_add_expense_refuses_bad_input_with_exit_2(capsys, office_file, args, message):
    path, office = office_file
    code, _, err = run(capsys, "add-expense", "--db", path, "--period", office.period.id, *args)
    assert code == 2 and message in err
    assert spending(path) == []


def test_an_unknown_period_is_exit_2(capsys, office_file):
    path, _ = office_file
    code, _, err = run(capsys, "add-expense", "--db", path, "--period", 999, "--item", "住宿费", "--amount", 5)
    assert code == 2 and "找不到" in err
    assert run(capsys, "funds", "--db", path, "--period", 999)[0] == 2


def test_import_expenses_all_good_is_exit_0_and_a_dry_run_writes_nothing(capsys, tmp_path, office_file):
    path, office = office_file
    sheet = funds_files.write_xlsx(tmp_path / "支出.xlsx", funds_files.good_rows())
    code, out, _ = run(capsys, "import-expenses", sheet, "--db", path, "--period", office.period.id, "--dry-run")
    assert code == 0 and "可导入3笔，共21,700.50元" in out and spending(path) == []
    code, out, _ = run(capsys, "import-expenses", sheet, "--db", path, "--period", office.period.id)
    assert code == 0 and "导入3笔" in out and "跳过1行（合计行）" in out and "已备份" in out
    assert spending(path) == [("住宿费", 12000, "2020-03-05", "县委党校", "记-001"),
                              ("伙食费", 8500.5, "2020-03-06", "县委党校食堂", "记-002"),
                              ("资料费", 1200, "2020-03-09", "新华书店", "")]


def test_import_expenses_with_bad_rows_is_exit_3_with_reasons(capsys, tmp_path, office_file):
    path, office = office_file
    sheet = funds_files.write_xlsx(tmp_path / "支出.xlsx", funds_files.good_rows() + funds_files.bad_rows(), total=False)
    code, out, _ = run(capsys, "import-expenses", sheet, "--db", path, "--period", office.period.id)
    assert code == 3
    assert "第6行 未通过：日期：日期“2020-02-30”无效" in out
    assert "第7行 未通过：项目：请填写支出项目" in out
    assert "第8行 未通过：金额：金额“三百”不是数字；收款单位：不能以 = + - @ 开头" in out
    assert len(spending(path)) == 3


@pytest.mark.parametrize("content", [b"", b"not a spreadsheet at all", b"PK\x03\x04broken"])
def test_unreadable_files_are_exit_2_and_change_nothing(capsys, tmp_path, office_file, content):
    path, office = office_file
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(content)
    code, _, err = run(capsys, "import-expenses", bad, "--db", path, "--period", office.period.id)
    assert code == 2 and err.startswith("错误：")
    assert spending(path) == []


def test_a_sheet_without_the_header_or_good_rows_is_exit_2(capsys, tmp_path, office_file):
    path, office = office_file
    sheet = funds_files.write_xlsx(tmp_path / "全错.xlsx", funds_files.bad_rows(), total=False)
    code, _, err = run(capsys, "import-expenses", sheet, "--db", path, "--period", office.period.id)
    assert code == 2 and "没有可导入的支出" in err
    other = tmp_path / "名单.xlsx"
    from tests.roster_files import good_rows, write_xlsx
    write_xlsx(other, good_rows(2))
    code, _, err = run(capsys, "import-expenses", other, "--db", path, "--period", office.period.id)
    assert code == 2 and "找不到支出明细的表头" in err
    assert spending(path) == []


def test_funds_for_a_year_keeps_totals_by_organiser_kind(capsys, tmp_path):
    path = tmp_path / "y.db"
    from app.services import database
    with database.writing(path, create=True) as db:
        office = funds_data.build(db)
    run(capsys, "add-expense", "--db", path, "--period", office.short.id, "--item", "场地费", "--amount", 2000)
    code, out, _ = run(capsys, "funds", "--db", path, "--year", 2020, "--json")
    record = json.loads(out)
    assert code == 0
    assert [k["label"] for k in record["organiser_kinds"]] == ["本级举办"]
    assert record["total"]["actual"] == 2000 and record["total"]["periods"] == 2
    assert record["total"]["budget"] == sum(p["budget_total"] for p in record["periods"])
