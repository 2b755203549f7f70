"""import-roster, export-roster and template, called as the office's scripts call them."""
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services import database
from tests.cli import run
from tests.roster_files import BAD_ROWS, good_rows, person, write_csv, write_xls, write_xlsx


def counts(path: Path) -> dict:
    db = database.open_database(path)
    try:
        return database.counts(db) | {"units": db.execute("SELECT count(*) FROM units").fetchone()[0]}
    finally:
        db.close()


def open_period(path: Path) -> int:
    db = database.open_database(path)
    try:
        return db.execute("SELECT id FROM periods WHERE status = '筹备' ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        db.close()


@pytest.mark.parametrize("writer, name", [(write_xlsx, "名单.xlsx"), (write_xls, "名单.xls"), (write_csv, "名单.csv")])
def test_every_row_imported_exits_0(capsys, demo_path, tmp_path, writer, name):
    period = open_period(demo_path)
    before = counts(demo_path)
    code, out, err = run(capsys, "import-roster", writer(tmp_path / name, good_rows(4)), "--period", period,
                         "--db", demo_path)
    assert code == 0, err
    assert "新增4人" in out and "加入名单4人" in out
    after = counts(demo_path)
    assert after["people"] == before["people"] + 4 and after["enrollments"] == before["enrollments"] + 4


def test_rejected_rows_exit_3_the_valid_are_imported_and_the_report_lists_them(capsys, demo_path, tmp_path):
    rows = good_rows(2) + [row for row, _, _ in BAD_ROWS]
    report = tmp_path / "回执 目录" / "回执.xlsx"
    before = counts(demo_path)
    code, out, _ = run(capsys, "import-roster", write_xlsx(tmp_path / "a.xlsx", rows), "--db", demo_path,
                       "--report", report)
    assert code == 3
    assert "新增3人" in out and "未导入4行" in out
    assert "新建单位1个：县新成立办公室" in out  # the unit the database did not know is created and named
    assert "第5行 钱科学" in out and "科学计数法" in out
    assert counts(demo_path)["people"] == before["people"] + 3
    assert counts(demo_path)["units"] == before["units"] + 1
    sheet = load_workbook(report).active
    results = [row[-2].value for row in sheet.iter_rows(min_row=4)]
    assert results.count("未导入") == 4 and results.count("已新增") == 3


def test_an_unreadable_file_exits_2_and_changes_nothing(capsys, demo_path, tmp_path):
    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    before = counts(demo_path)
    code, out, err = run(capsys, "import-roster", broken, "--db", demo_path)
    assert code == 2 and err.startswith("错误：“损坏.xlsx”不完整或已损坏") and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "import-roster", tmp_path / "没有.xlsx", "--db", demo_path)
    assert code == 2 and "找不到文件" in err
    code, _, err = run(capsys, "import-roster", write_xlsx(tmp_path / "a.xlsx", good_rows(1)), "--sheet", "无此表",
                       "--db", demo_path)
    assert code == 2 and "没有名为“无此表”的工作表" in err
    assert counts(demo_path) == before


def test_dry_run_changes_nothing_and_modes_decide_about_known_people(capsys, demo_path, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", good_rows(2))
    before = counts(demo_path)
    code, out, _ = run(capsys, "import-roster", path, "--dry-run", "--db", demo_path)
    assert code == 0 and "检查结果（未写入）" in out and counts(demo_path) == before
    assert run(capsys, "import-roster", path, "--db", demo_path)[0] == 0
    changed = [person(r[1], r[4], 1, 公民身份号码=r[5], 性别=r[2], 工作单位=r[6], 现任职务="副主任") for r in good_rows(2)]
    path = write_xlsx(tmp_path / "b.xlsx", changed + [good_rows(3)[2]])
    code, out, _ = run(capsys, "import-roster", path, "--mode", "update", "--db", demo_path)
    assert code == 3 and "更新2人" in out and "仅更新" in out
    code, out, _ = run(capsys, "import-roster", path, "--mode", "add-update", "--db", demo_path)
    assert code == 0 and "新增1人" in out and "未变2人" in out


def test_sheet_by_name(capsys, demo_path, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", good_rows(1), extra_sheet=True)
    code, out, _ = run(capsys, "import-roster", path, "--sheet", "名单", "--db", demo_path)
    assert code == 0 and "工作表“名单”" in out


def test_export_roster_and_template(capsys, demo_path, tmp_path):
    code, out, _ = run(capsys, "export-roster", "--period", 3, "-o", tmp_path / "导出 名单.xlsx", "--db", demo_path)
    assert code == 0 and "已导出" in out
    sheet = load_workbook(tmp_path / "导出 名单.xlsx").active
    assert "学员名单" in sheet["A1"].value and sheet.max_row > 10
    code, _, err = run(capsys, "export-roster", "--period", 999, "-o", tmp_path / "x.xlsx", "--db", demo_path)
    assert code == 2 and "找不到该期次" in err
    code, out, _ = run(capsys, "template", "-o", tmp_path / "模板.xlsx")
    assert code == 0 and (tmp_path / "模板.xlsx").is_file()
