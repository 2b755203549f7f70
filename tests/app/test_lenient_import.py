"""Issue 14: units' real lists import whole. Driven through `python -m app import-roster` as the office runs it:
words written the units' way are made standard or kept as written with a note, birth dates in the units'
forms are read, and only rows whose person cannot be identified, that contradict themselves or are junk are
refused, each with its reason; going past a period's capacity is said, never silent."""
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from app.services import database
from tests.cli import run
from tests.roster_files import HEADER, id_number, person, write_csv, write_xlsx
from tests.writing import writable

COLUMN = {header: index for index, header in enumerate(HEADER)}


def stored(path: Path, number: str) -> dict:
    db = database.open_database(path)
    try:
        row = db.execute("SELECT p.*, coalesce(u.name, '') AS unit FROM people p LEFT JOIN units u ON u.id = p.unit_id"
                         " WHERE id_number = ?", [number]).fetchone()
        names = [d[0] for d in db.execute("SELECT p.*, '' AS unit FROM people p LIMIT 0").description]
        return dict(zip(names, row, strict=False)) if row else {}
    finally:
        db.close()


def snapshot(path: Path) -> dict:
    db = database.open_database(path)
    try:
        return {table: db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("people", "units", "enrollments", "quotas")}
    finally:
        db.close()


def receipt_notes(path: Path) -> dict[str, tuple[str, str]]:
    """Name -> (导入结果, 问题说明) for every row of a receipt."""
    sheet = load_workbook(path).active
    return {row[COLUMN["姓名"] + 1].value: (row[-2].value, row[-1].value or "") for row in sheet.iter_rows(min_row=4)}


# A county unit's list as it arrives: old and short ranks, short words, variants, a word nobody knows,
# birth dates in five hands. (name, birth in the ID number, order, the cells as the unit wrote them,
# what the archive must hold afterwards)
REAL_LIST = [
    ("赵科员", "1983-02-14", 11, dict(职级="科员", 民族="汉", 政治面貌="党员", 学历="本科", 性别="男性",
                                      出生日期="1983年2月14号"),
     dict(rank="一级科员", ethnicity="汉族", political_status="中共党员", education="大学本科", gender="男")),
    ("钱办事", "1972-09-30", 13, dict(职级="办事员", 民族="回", 政治面貌="预备党员", 学历="大专", 出生日期="72.9.30"),
     dict(rank="二级科员", ethnicity="回族", political_status="中共预备党员", education="大学专科",
          birth_date="1972-09-30")),
    ("孙正科", "1983-02-03", 15, dict(职级="正科", 学历="硕士", 政治面貌="团员", 出生日期="83.02"),
     dict(rank="正科级", education="研究生", political_status="共青团员")),
    ("李副处", "1983-02-20", 17, dict(职级="副处", 干部类别="村干部", 出生日期="1983.2"),
     dict(rank="副处级", cadre_category="村(社区)干部")),
    ("周乡科", "1979-11-05", 19, dict(职级="乡科级正职", 政治面貌="中国共产党党员", 出生日期="1979.11.05"),
     dict(rank="正科级", political_status="中共党员")),
    ("吴县处", "1970-01-08", 21, dict(职级="县处级副职", 出生日期="1970-1-8"),
     dict(rank="副处级")),
    ("郑一级", "1990-06-30", 23, dict(职级="1级主任科员", 出生日期="19900630", 学历=" 大学 本科 "),
     dict(rank="一级主任科员", education="大学本科")),
    ("王主任", "1975-03-15", 25, dict(职级="主任科员", 出生日期=datetime(1975, 3, 15)),
     dict(rank="主任科员", birth_date="1975-03-15")),
    ("冯穿青", "1988-08-08", 27, dict(民族="穿青人", 职级="副科", 出生日期="1988年8月"),
     dict(ethnicity="穿青人", rank="副科级")),
    ("陈科级", "1986-12-01", 29, dict(职级="科级", 出生日期="1986/12/1"),
     dict(rank="科级")),
    ("褚电话", "1991-04-04", 31, dict(手机号码="1381234", 出生日期="1991.4.4"),
     dict(phone="1381234")),
    ("卫不详", "1992-05-06", 33, dict(性别="不详", 出生日期="约1992年"),
     dict(gender="男", birth_date="1992-05-06")),
    ("蒋长职", "1968-07-07", 35, dict(现任职务="县委常委、" * 50, 出生日期="1968.7.7"),
     dict(post=("县委常委、" * 50)[:200])),
]


def real_list(tmp_path: Path) -> Path:
    rows = [person(name, birth, order, 工作单位="县财政局", **cells) for name, birth, order, cells, _ in REAL_LIST]
    return write_xlsx(tmp_path / "县财政局 2020年报送名单.xlsx", rows)


def test_a_real_list_imports_whole_with_words_made_standard_or_kept_with_a_note(capsys, demo_path, tmp_path):
    report = tmp_path / "回执.xlsx"
    before = snapshot(demo_path)
    code, out, err = run(capsys, "import-roster", real_list(tmp_path), "--db", demo_path, "--report", report)
    assert code == 0, out + err
    assert f"新增{len(REAL_LIST)}人" in out and "未导入0行" in out
    assert "不是标准名称，按原文保存" in out and "职级“主任科员”1行" in out and "民族“穿青人”1行" in out
    for name, birth, order, _, expected in REAL_LIST:
        held = stored(demo_path, id_number(birth, order))
        assert held["name"] == name and held["unit"] == "县财政局"
        assert {key: held[key] for key in expected} == expected, name
        assert held["birth_date"] == birth
    assert len(snapshot(demo_path)["units"]) == len(before["units"])
    notes = receipt_notes(report)
    assert all(result == "已新增" for result, _ in notes.values())
    assert "职级“主任科员”不是标准名称，已按原文保存（职级改革后为一级或二级主任科员，请核实）" in notes["王主任"][1]
    assert "民族“穿青人”不是标准名称，已按原文保存" in notes["冯穿青"][1]
    assert "职级“科级”不是标准名称" in notes["陈科级"][1]
    assert "职级已按规范写法改为“一级科员”（原为“科员”）" in notes["赵科员"][1]
    assert "联系电话“1381234”不像有效号码（手机号码应为11位，现为7位），已按原文保存" in notes["褚电话"][1]
    assert "性别“不详”无法识别，已按身份证号码填为男" in notes["卫不详"][1]
    assert "出生日期“约1992年”无法识别，已按身份证号码填为1992-05-06" in notes["卫不详"][1]
    assert "职务过长（共250个字），只保存了前200个字" in notes["蒋长职"][1]
    assert notes["孙正科"][1] == ("已自动修正：政治面貌已按规范写法改为“共青团员”（原为“团员”）；"
                                 "学历已按规范写法改为“研究生”（原为“硕士”）；职级已按规范写法改为“正科级”（原为“正科”）")


# Rows that really cannot be imported: (name, the cells that make it so, field, the reason given)
REFUSED = [
    ("甲性别", dict(性别="女"), "gender", "性别与身份证号码不符（号码显示为男）"),
    ("乙生日", dict(出生日期="1980.3.2"), "birth_date", "出生日期与身份证号码不符（号码显示为1980-02-03）"),
    ("丙两位", dict(出生日期="81.2.3"), "birth_date", "出生日期与身份证号码不符（号码显示为1980-02-03）"),
    ("丁号码", dict(公民身份号码="500236198002030000"), "id_number", "校验位"),
    ("", dict(), "name", "姓名不能为空"),
    ("=HYPERLINK(\"http://x\")", dict(), "name", "姓名以“=”开头，可能是公式，未导入"),
    ("@戊", dict(), "name", "姓名以“@”开头，可能是公式，未导入"),
    ("己" * 31, dict(), "name", "姓名过长（共31个字，最多30个字）"),
    ("\u200b\u202e", dict(), "name", "姓名只有空格或不可见字符"),
    ("庚长单位", dict(工作单位="县" + "很" * 100 + "局"), "unit", "单位名称过长（共102个字，最多100个字），未导入"),
    ("辛公式单位", dict(工作单位="+县新局"), "unit", "单位名称以“+”开头，可能是公式，未导入"),
]


def refused_list(tmp_path: Path) -> Path:
    rows = [person(name, "1980-02-03", 101 + 2 * i, **cells) for i, (name, cells, _, _) in enumerate(REFUSED)]
    return as_text(write_xlsx(tmp_path / "有误的名单.xlsx", rows))


def as_text(path: Path) -> Path:
    """Cells beginning with = + - @ saved as text, as Excel keeps them after a leading apostrophe (openpyxl
    would otherwise write them as formulas)."""
    book = load_workbook(path)
    for row in book.active.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.value, cell.data_type = str(cell.value), "s"
    book.save(path)
    return path


def test_rows_that_contradict_themselves_or_are_junk_are_refused_and_nothing_changes(capsys, demo_path, tmp_path):
    report = tmp_path / "回执.xlsx"
    before = snapshot(demo_path)
    code, out, _ = run(capsys, "import-roster", refused_list(tmp_path), "--db", demo_path, "--report", report)
    assert code == 3
    assert "新增0人" in out and f"未导入{len(REFUSED)}行" in out and "新建单位" not in out
    assert snapshot(demo_path) == before  # no person, no unit: the over-long and formula units were not created
    sheet = load_workbook(report).active
    lines = list(sheet.iter_rows(min_row=4))
    assert len(lines) == len(REFUSED)
    for line, (name, _, _field, reason) in zip(lines, REFUSED, strict=False):
        assert line[-2].value == "未导入" and reason in line[-1].value, (name, line[-1].value)
        assert f"第{line[0].value}行" in out
    assert "单位名称过长（共102个字" in out


def test_a_million_character_unit_name_is_refused_quickly_and_never_created(capsys, demo_path, tmp_path):
    row = person("壬巨单位", "1980-02-03", 41, 工作单位="局" * 1_000_000)
    path = write_csv(tmp_path / "巨.csv", [row], encoding="utf-8")
    before = snapshot(demo_path)
    started = datetime.now()
    code, out, _ = run(capsys, "import-roster", path, "--db", demo_path)
    assert code == 3 and "工作单位：单元格内容过长（1,000,000个字符" in out  # the reader leaves such a cell unread
    assert (datetime.now() - started).total_seconds() < 10
    assert snapshot(demo_path) == before and len(out) < 2000


def test_a_unit_name_over_100_characters_is_refused_and_the_receipt_shortens_it(capsys, demo_path, tmp_path):
    row = person("壬长单位", "1980-02-03", 41, 工作单位="局" * 5000)
    report = tmp_path / "回执.xlsx"
    before = snapshot(demo_path)
    code, out, _ = run(capsys, "import-roster", write_xlsx(tmp_path / "长.xlsx", [row]), "--db", demo_path,
                       "--report", report)
    assert code == 3 and "单位名称过长（共5000个字，最多100个字）" in out
    assert snapshot(demo_path) == before and "新建单位" not in out
    cell = load_workbook(report).active.cell(4, COLUMN["工作单位"] + 2).value
    assert cell.endswith("…（共5000个字，以下从略）") and len(cell) < 1100


def test_invisible_characters_are_taken_out_of_names_and_words_with_a_note(capsys, demo_path, tmp_path):
    rows = [person("张\u200b三\u202e", "1980-02-03", 51, 职级="一级\u200d科员", 工作单位="县财政局\ufeff")]
    report = tmp_path / "回执.xlsx"
    code, out, _ = run(capsys, "import-roster", write_xlsx(tmp_path / "a.xlsx", rows), "--db", demo_path,
                       "--report", report)
    assert code == 0 and "新建单位" not in out
    held = stored(demo_path, id_number("1980-02-03", 51))
    assert (held["name"], held["rank"], held["unit"]) == ("张三", "一级科员", "县财政局")
    assert "姓名已去掉不可见字符" in receipt_notes(report)["张\u200b三\u202e"][1]


def test_adding_beyond_a_periods_capacity_is_said_on_the_command_line_and_in_the_receipt(capsys, demo_path, tmp_path):
    db = writable(demo_path)
    period, capacity, enrolled = db.execute(
        """SELECT pe.id, pe.capacity, (SELECT count(*) FROM enrollments e WHERE e.period_id = pe.id
                                       AND e.status NOT IN ('已替换', '退学'))
           FROM periods pe WHERE pe.capacity > 0 ORDER BY pe.id LIMIT 1""").fetchone()
    db.execute("UPDATE periods SET capacity = ? WHERE id = ?", [enrolled + 2, period])
    db.conn.commit()
    db.close()
    rows = [person(f"容{'一二三四五'[i]}", "1985-05-05", 61 + 2 * i, 工作单位="县财政局") for i in range(5)]
    report = tmp_path / "回执.xlsx"
    code, out, _ = run(capsys, "import-roster", write_xlsx(tmp_path / "a.xlsx", rows), "--period", period,
                       "--db", demo_path, "--report", report)
    warning = f"本期容量{enrolled + 2}人，已有{enrolled}人，导入后将有{enrolled + 5}人，超出3人"
    assert code == 0 and "加入名单5人" in out  # a warning, not a refusal
    assert f"名额提示：{warning}" in out
    assert warning in load_workbook(report).active["A2"].value
    assert capacity >= 0


def test_a_capacity_not_reached_says_nothing(capsys, demo_path, tmp_path):
    db = writable(demo_path)
    period = db.execute("SELECT id FROM periods ORDER BY id LIMIT 1").fetchone()[0]
    db.execute("UPDATE periods SET capacity = 1000 WHERE id = ?", [period])
    db.conn.commit()
    db.close()
    rows = [person("容六", "1985-05-05", 71, 工作单位="县财政局")]
    code, out, _ = run(capsys, "import-roster", write_xlsx(tmp_path / "a.xlsx", rows), "--period", period,
                       "--db", demo_path, "--dry-run")
    assert code == 0 and "容量" not in out


def test_updating_never_puts_a_word_that_is_not_standard_over_a_standard_one(capsys, demo_path, tmp_path):
    number = id_number("1980-02-03", 81)
    first = [person("癸更新", "1980-02-03", 81, 工作单位="县财政局", 职级="二级主任科员", 民族="穿青人")]
    assert run(capsys, "import-roster", write_xlsx(tmp_path / "a.xlsx", first), "--db", demo_path)[0] == 0
    later = [person("癸更新", "1980-02-03", 81, 工作单位="县财政局", 职级="主任科员", 民族="汉", 学历="大专")]
    report = tmp_path / "回执.xlsx"
    code, out, _ = run(capsys, "import-roster", write_xlsx(tmp_path / "b.xlsx", later), "--mode", "update",
                       "--db", demo_path, "--report", report)
    assert code == 0 and "更新1人" in out and "职级“主任科员”" not in out
    held = stored(demo_path, number)
    assert (held["rank"], held["ethnicity"], held["education"]) == ("二级主任科员", "汉族", "大学专科")
    assert "职级“主任科员”不是标准名称，档案中已是“二级主任科员”，未更改" in receipt_notes(report)["癸更新"][1]
