"""Importing hours from a spreadsheet: matching by ID number, refusing bad rows with their reason,
skipping what was imported before, one transaction, and the ledger afterwards (counted by hand)."""
from datetime import date

import pytest

from app.domain.errors import UserError
from app.domain.idcard import check_digit, mask_id
from app.services.hours import ledger as hours
from app.services.hours.columns import header_key, year_value
from app.services.hours.importer import ALREADY, IMPORTED, REFUSED, HoursImportOptions, import_hours
from app.services.progress import Cancelled, Progress
from app.services.safety import audit
from tests.app.test_hours import id_number, office  # noqa: F401  (the fixture)
from tests.hours_files import write_csv, write_xls, write_xlsx

STRANGER = "11010119900307001" + check_digit("11010119900307001")


def mixed_rows() -> list[list]:
    """Two good rows, then one mistake each, an empty row and a total row."""
    return [
        [1, "张一", id_number(0), 10, date(2020, 3, 5), "中国干部网络学院", "课程甲"],
        [2, "王 二", id_number(1), "30", "2020/6/1", "中国干部网络学院", "课程乙"],
        [3, "陌生人", STRANGER, 5, date(2020, 3, 5), "中国干部网络学院", "课程甲"],
        [4, "王二", id_number(1), "两小时", date(2020, 3, 5), "中国干部网络学院", "课程丙"],
        [5, "王二", id_number(1), 2, "2020-02-30", "中国干部网络学院", "课程丁"],
        [6, "张三", id_number(0), 2, date(2020, 3, 5), "中国干部网络学院", "课程戊"],
        [],
        ["合计", "", "", 49, "", "", ""],
    ]


def reasons(result) -> dict[int, str]:
    return {row.line: row.reason for row in result.refused}


def test_valid_rows_are_imported_and_each_bad_row_says_why(db, office, tmp_path):  # noqa: F811
    made, _ = office
    path = write_xlsx(tmp_path / "网络 学院.xlsx", mixed_rows())
    result = import_hours(db, path, HoursImportOptions())
    assert (result.sheet_name, result.layout.header_row, result.written) == ("学时", 1, 2)
    assert result.layout.labels == ["姓名", "身份证号码", "学时", "日期", "来源", "备注"]
    assert result.summary() == "共6行，导入2条（40学时），未通过4行"
    found = reasons(result)
    assert found.keys() == {5, 6, 7, 8}
    assert f"档案中没有身份证号码为{mask_id(STRANGER)}的人员" in found[5]
    assert "学时“两小时”不是数字" in found[6]
    assert "日期“2020-02-30”无法识别" in found[7]
    assert "姓名“张三”与档案中此身份证号码的“张一”不符" in found[8]
    saved = hours.records_of(db, made["王二"].id)
    assert [(r.year, r.hours, r.kind, r.source, r.date, r.notes) for r in saved] == [
        (2020, 30, "网络学习", "中国干部网络学院", "2020-06-01", "课程乙"), (2020, 20, "网络学习", "干部网络学院", "", "")]
    # 张一: class 40 + online 60 + 10 = 110; 王二: class 40 + online 20 + 30 = 90, online 50: now 达标.
    ledger = {p.name: p for p in hours.ledger(db, 2020)}
    assert (ledger["张一"].online, ledger["张一"].total) == (70, 110)
    assert (ledger["王二"].online, ledger["王二"].total, ledger["王二"].status) == (50, 90, "达标")
    logged = audit.entries(db, 1)[0]
    assert (logged["action"], logged["detail"]) == ("导入学时", "网络 学院.xlsx：共6行，导入2条（40学时），未通过4行")
    assert STRANGER not in logged["detail"]


def test_importing_the_same_file_again_skips_what_is_there(db, office, tmp_path):  # noqa: F811
    path = write_xlsx(tmp_path / "a.xlsx", mixed_rows()[:2] + [mixed_rows()[1]])
    first = import_hours(db, path, HoursImportOptions())
    assert (first.count(IMPORTED), reasons(first)) == (2, {5: "与第4行完全相同"})
    again = import_hours(db, path, HoursImportOptions())
    assert (again.count(IMPORTED), again.count(ALREADY), again.written) == (0, 3, 0)
    assert again.summary() == "共3行，导入0条（0学时），已导入过3条（跳过）"
    assert db.execute("SELECT count(*) FROM hours_records").fetchone()[0] == 5 + 2


def test_dry_run_writes_nothing(db, office, tmp_path):  # noqa: F811
    before = audit.entries(db, 1)
    result = import_hours(db, write_xlsx(tmp_path / "a.xlsx", mixed_rows()), HoursImportOptions(), dry_run=True)
    assert result.summary() == "共6行，可导入2条（40学时），未通过4行" and result.written == 0
    assert db.execute("SELECT count(*) FROM hours_records").fetchone()[0] == 5
    assert audit.entries(db, 1) == before


@pytest.mark.parametrize("writer, name", [(write_xlsx, "a.xlsx"), (write_xls, "a.xls"), (write_csv, "a.csv")])
def test_every_format_reads_the_same(db, office, tmp_path, writer, name):  # noqa: F811
    result = import_hours(db, writer(tmp_path / name, mixed_rows()[:6]), HoursImportOptions(), dry_run=True)
    assert [(row.line - result.layout.header_row, row.status) for row in result.rows] == [
        (2, IMPORTED), (3, IMPORTED), (4, REFUSED), (5, REFUSED), (6, REFUSED), (7, REFUSED)]
    assert [row.record.date for row in result.rows[:2]] == ["2020-03-05", "2020-06-01"]


def test_year_kind_and_source_from_the_file_or_the_options(db, office, tmp_path):  # noqa: F811
    made, _ = office
    header = ["身份证号码", "学时", "年度", "类别", "来源"]
    rows = [[id_number(2), 8, "2019年", "面授", ""], [id_number(2), 4, "", "网络培训", "党校"],
            [id_number(2), 4, "", "打牌", ""], [id_number(2), 4, "19年", "", ""], [id_number(2), 2000, 2019, "", ""]]
    result = import_hours(db, write_xlsx(tmp_path / "a.xlsx", rows, header), HoursImportOptions(2018, "县委党校", "其他"))
    assert [(r.record.year, r.record.kind, r.record.source) for r in result.rows[:2]] == [
        (2019, "集中培训", "县委党校"), (2018, "网络学习", "党校")]
    assert "类别“打牌”应为网络学习、集中培训、其他之一" in reasons(result)[5]
    assert reasons(result)[6] == "年度“19年”无效"
    assert reasons(result)[7] == "一条记录的学时不应超过1000"
    # 李三 (县处级): 2016 200 + 2018 4 + 2019 300 + 8 + 2020 class 40 = 552 in 2016–2020: the 550 are met,
    # but no online hours in 2020.
    entry = hours.person_hours(db, made["李三"].id, 2020)
    assert (entry.window_hours, entry.shortfall, entry.online_shortfall, entry.status) == (552, 0, 50, "未达标")


def test_without_a_year_column_the_date_or_the_option_decides(db, office, tmp_path):  # noqa: F811
    header = ["身份证号码", "学时", "日期"]
    path = write_xlsx(tmp_path / "a.xlsx", [[id_number(0), 3, "2021年4月2日"], [id_number(0), 3, ""]], header)
    result = import_hours(db, path, HoursImportOptions(), dry_run=True)
    assert result.rows[0].record.year == 2021
    assert reasons(result) == {4: "缺少年度（文件中没有年度和日期，请指定导入年度）"}
    assert all(row.status == IMPORTED for row in import_hours(db, path, HoursImportOptions(2020), dry_run=True).rows)


@pytest.mark.parametrize("header, message", [
    (["姓名", "单位", "学时"], "没有找到表头"),
    (["姓名", "身份证号", "学习时长（分钟）"], "以分钟计"),
])
def test_files_without_the_columns_needed_are_refused_whole(db, office, tmp_path, header, message):  # noqa: F811
    with pytest.raises(UserError, match=message):
        import_hours(db, write_xlsx(tmp_path / "a.xlsx", [["张一", id_number(0), 3]], header), HoursImportOptions())
    with pytest.raises(UserError, match="没有数据行"):
        import_hours(db, write_xlsx(tmp_path / "b.xlsx", [], ["身份证号", "学时"]), HoursImportOptions())
    with pytest.raises(UserError, match="导入年度"):
        import_hours(db, write_xlsx(tmp_path / "c.xlsx", [[id_number(0), 3]], ["身份证号", "学时"]),
                     HoursImportOptions(year=1990))
    assert db.execute("SELECT count(*) FROM hours_records").fetchone()[0] == 5


def test_cancelling_leaves_nothing_written(db, office, tmp_path):  # noqa: F811
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1  # after the check, while writing

    with pytest.raises(Cancelled):
        import_hours(db, write_xlsx(tmp_path / "a.xlsx", mixed_rows()), HoursImportOptions(),
                     progress=Progress(is_cancelled=cancelled))
    assert db.execute("SELECT count(*) FROM hours_records").fetchone()[0] == 5


def test_header_words_and_years():
    assert [header_key(t) for t in ("公民身份号码", "学 时*", "网络学习学时", "完成时间", "学习平台", "干部类别", "出生日期")] == [
        "id_number", "hours", "hours", "date", "source", None, None]
    assert [year_value(v) for v in (2020, 2020.0, "2020年度", "２０２０", "19年", "1899")] == [2020, 2020, 2020, 2020, None, None]


def test_a_formula_without_its_saved_result_is_refused_not_read_as_empty(db, office, tmp_path):  # noqa: F811
    rows = [[1, "张一", id_number(0), "=4*5", date(2020, 3, 5), "中国干部网络学院", "课程甲"],
            [2, "王二", id_number(1), 8, date(2020, 3, 5), "中国干部网络学院", "课程乙"]]
    result = import_hours(db, write_xlsx(tmp_path / "公式.xlsx", rows), HoursImportOptions())
    refused = [row for row in result.rows if row.status == REFUSED]
    assert [row.line for row in refused] == [3] and "公式" in refused[0].reason
    assert result.count(IMPORTED) == 1
