"""import-hours as the office's scripts call it: exit 0 all imported, 3 some refused, 2 unreadable."""
from datetime import date

from app.domain.idcard import mask_id
from app.services import database
from app.services.hours import ledger
from tests.app.test_hours_import import STRANGER
from tests.cli import run
from tests.hours_files import write_xlsx


def demo_people(path, count: int = 2) -> list[tuple[int, str, str]]:
    db = database.open_database(path)
    try:
        return list(db.execute("SELECT id, name, id_number FROM people ORDER BY id LIMIT ?", [count]))
    finally:
        db.close()


def records(path) -> list[tuple]:
    db = database.open_database(path)
    try:
        return list(db.execute("SELECT person_id, year, hours, kind, source, date, notes FROM hours_records ORDER BY id"))
    finally:
        db.close()


def good_rows(people) -> list[list]:
    return [[n, name, number, 4 + n, date(2021, 5, n), "", f"课程{n}"] for n, (_, name, number) in enumerate(people, 1)]


def test_every_row_imported_exits_0_with_the_options_applied(capsys, demo_path, tmp_path):  # noqa: F811
    people = demo_people(demo_path)
    before = records(demo_path)
    path = write_xlsx(tmp_path / "网络 学院.xlsx", good_rows(people))
    code, out, err = run(capsys, "import-hours", path, "--source", "中国干部网络学院", "--kind", "其他",
                         "--db", demo_path)
    assert code == 0, err
    assert "导入完成：共2行，导入2条（11学时）" in out and "导入前的数据已备份" in out
    assert records(demo_path) == before + [(people[0][0], 2021, 5, "其他", "中国干部网络学院", "2021-05-01", "课程1"),
                                           (people[1][0], 2021, 6, "其他", "中国干部网络学院", "2021-05-02", "课程2")]
    assert list((demo_path.parent / "backups").glob("*导入前*.db"))
    code, out, _ = run(capsys, "import-hours", path, "--source", "中国干部网络学院", "--kind", "其他", "--db", demo_path)
    assert code == 0 and "已导入过2条（跳过）" in out and len(records(demo_path)) == len(before) + 2


def test_refused_rows_exit_3_and_the_valid_are_imported(capsys, demo_path, tmp_path):  # noqa: F811
    people = demo_people(demo_path, 3)
    before = records(demo_path)
    rows = good_rows(people[:2]) + [[3, people[2][1], people[2][2], "八", "", "", ""],
                                    [4, "不在档案", STRANGER, 2, "", "", ""]]
    code, out, _ = run(capsys, "import-hours", write_xlsx(tmp_path / "a.xlsx", rows), "--year", "2020",
                       "--db", demo_path)
    assert code == 3
    assert "导入2条（11学时），未通过2行" in out
    assert f"第5行 {people[2][1]}：学时“八”不是数字" in out
    assert f"第6行 不在档案：档案中没有身份证号码为{mask_id(STRANGER)}的人员" in out
    assert STRANGER not in out
    assert [r[1] for r in records(demo_path)[len(before):]] == [2020, 2020]


def test_dry_run_checks_and_changes_nothing(capsys, demo_path, tmp_path):  # noqa: F811
    before = records(demo_path)
    path = write_xlsx(tmp_path / "a.xlsx", good_rows(demo_people(demo_path)) + [[3, "某人", "", 2, "", "", ""]])
    code, out, _ = run(capsys, "import-hours", path, "--dry-run", "--db", demo_path)
    assert code == 3 and "检查结果（未写入）：共3行，可导入2条（11学时），未通过1行" in out and "缺少身份证号码" in out
    assert records(demo_path) == before and not (demo_path.parent / "backups").exists()


def test_an_unreadable_file_exits_2_and_changes_nothing(capsys, demo_path, tmp_path):  # noqa: F811
    before = records(demo_path)
    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    for args, reason in (([broken], "“损坏.xlsx”不完整或已损坏"), ([tmp_path / "没有.xlsx"], "找不到文件"),
                         ([write_xlsx(tmp_path / "b.xlsx", [["1", "张三"]], ["序号", "姓名"])], "没有找到表头"),
                         ([tmp_path / "a.doc"], "不支持“.doc”文件"),
                         ([write_xlsx(tmp_path / "c.xlsx", [], ["身份证号", "学时"]), "--year", "1999"], "导入年度")):
        code, out, err = run(capsys, "import-hours", *args, "--db", demo_path)
        assert code == 2 and err.startswith("错误：") and reason in err, err
        assert len(err.strip().splitlines()) == 1 and out == ""
    assert records(demo_path) == before
    assert ledger.KINDS == ("网络学习", "集中培训", "其他")
