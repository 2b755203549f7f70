"""The needs survey on the command line: survey-template writes the form, import-survey takes many filled forms
(exit 0 all imported, 3 some refused with every reason listed and the rest imported, 2 none importable or no
survey, a dry run writing nothing), a second return replacing the first, and survey --json the tally."""
from __future__ import annotations

import json
import sqlite3

from openpyxl import load_workbook

from app.services.survey.form import SHEET
from tests.cli import run
from tests.survey_files import fill


def query(path, sql, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def returns_of(path, year=2021):
    return query(path, """SELECT u.name, r.source, r.note FROM survey_returns r JOIN units u ON u.id = r.unit_id
                          JOIN surveys s ON s.id = r.survey_id WHERE s.year = ? ORDER BY u.name""", [year])


def dump(path):
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def blank(capsys, demo_path, tmp_path):
    code, out, err = run(capsys, "survey-template", "--year", 2021, "-o", tmp_path / "调研 表.xlsx", "--db", demo_path)
    assert code == 0, err
    assert out.strip() == f"调研表已保存：{tmp_path / '调研 表.xlsx'}"
    return tmp_path / "调研 表.xlsx"


def topics(path):
    sheet = load_workbook(path)[SHEET]
    return [sheet.cell(r, 3).value for r in range(1, sheet.max_row + 1)
            if str(sheet.cell(r, 1).value or "").startswith("topic:")]


def test_template_import_and_tally(capsys, demo_path, tmp_path):
    form = blank(capsys, demo_path, tmp_path)
    a, b = topics(form)[:2]
    before = json.loads(run(capsys, "survey", "--year", 2021, "--json", "--db", demo_path)[1])
    files = [fill(form, tmp_path / "宣传部.xlsx", "县委宣传部", {a: {"people": {"公务员": 40}, "months": ("8月",)}}),
             fill(form, tmp_path / "编办.xlsx", "县委编办", {b: {"people": {"党政领导干部": 2}, "months": ("8月", "12月")}})]
    unchanged = dump(demo_path)
    code, out, err = run(capsys, "import-survey", *files, "--year", 2021, "--dry-run", "--db", demo_path)
    assert code == 0, err
    assert "宣传部.xlsx：县委宣传部：1个专题，共40人" in out and "检查结果（未写入）：可导入2个单位的调研表" in out
    assert dump(demo_path) == unchanged
    code, out, err = run(capsys, "import-survey", *files, "--year", 2021, "--db", demo_path)
    assert code == 0, err
    assert "导入完成：导入2个单位的调研表" in out and "导入前的数据已备份" in out
    code, out, err = run(capsys, "survey", "--year", 2021, "--json", "--db", demo_path)
    assert code == 0, err
    after = json.loads(out)
    assert after["returned"] == before["returned"] + 2 and after["people"] == before["people"] + 42
    top = after["topics"][0]
    assert top["topic"] == a and top["people"] == before_people(before, a) + 40
    assert after["months"][7] == {"month": 8, "requests": 2, "people": 42}
    assert after["months"][11] == {"month": 12, "requests": before["months"][11]["requests"] + 1,
                                   "people": before["months"][11]["people"] + 2}
    assert "县委宣传部" not in after["not_returned"] and len(after["not_returned"]) == len(before["not_returned"]) - 2
    code, out, _ = run(capsys, "survey", "--year", 2021, "--db", demo_path)
    assert code == 0 and out.splitlines()[1] == "排名\t培训专题\t需求人数\t提出单位数\t集中月份"
    assert out.splitlines()[2].startswith(f"1\t{a}\t")


def before_people(record, topic):
    return next((t["people"] for t in record["topics"] if t["topic"] == topic), 0)


def test_a_second_return_replaces_the_first(capsys, demo_path, tmp_path):
    form = blank(capsys, demo_path, tmp_path)
    a = topics(form)[0]
    second = fill(form, tmp_path / "财政局（修改）.xlsx", "县财政局", {a: {"people": {"公务员": 1}}})
    code, out, err = run(capsys, "import-survey", second, "--year", 2021, "--db", demo_path)
    assert code == 0, err
    assert "（替换了9月11日导入的调研表（县财政局需求调研表（修改）.xlsx））" in out
    assert ("县财政局", "财政局（修改）.xlsx", "替换了9月11日导入的调研表（县财政局需求调研表（修改）.xlsx）") in returns_of(demo_path)
    record = json.loads(run(capsys, "survey", "--year", 2021, "--json", "--db", demo_path)[1])
    finance = next(u for u in record["by_unit"] if u["unit"] == "县财政局")
    assert (finance["people"], finance["topics"]) == (1, 1)


def test_refused_files_are_listed_the_good_ones_imported(capsys, demo_path, tmp_path):
    form = blank(capsys, demo_path, tmp_path)
    a = topics(form)[0]
    good = fill(form, tmp_path / "好.xlsx", "县委宣传部", {a: {"people": {"公务员": 2}}})
    unknown = fill(form, tmp_path / "不明.xlsx", "县外单位", {a: {"people": {"公务员": 2}}})
    bad_row = fill(form, tmp_path / "错行.xlsx", "县委编办", {a: {"people": {"公务员": "很多"}}})
    code, out, err = run(capsys, "import-survey", unknown, good, bad_row, tmp_path / "没有.xlsx", "--year", 2021,
                         "--db", demo_path)
    assert code == 3, err
    assert "不明.xlsx：未通过\n  填报单位“县外单位”不在单位名录中" in out
    assert "错行.xlsx：未通过\n  第" in out and "“公务员”人数应为0至9999的整数（现为“很多”）" in out
    assert "没有.xlsx：未通过\n  找不到文件" in out
    assert "导入完成：导入1个单位的调研表，未通过3个文件" in out
    names = [r[0] for r in returns_of(demo_path)]
    assert "县委宣传部" in names and "县委编办" not in names


def test_nothing_importable_or_no_survey_exits_2_and_writes_nothing(capsys, demo_path, tmp_path):
    form = blank(capsys, demo_path, tmp_path)
    before = dump(demo_path)
    code, out, err = run(capsys, "import-survey", form, "--year", 2021, "--db", demo_path)
    assert code == 2 and "没有填写填报单位" in out and err.strip() == "错误：没有可导入的调研表，数据库未作改动"
    code, out, err = run(capsys, "import-survey", form, "--year", 2030, "--db", demo_path)
    assert code == 2 and err.startswith("错误：还没有2030年的需求调研")
    code, _, err = run(capsys, "survey", "--year", 2030, "--db", demo_path)
    assert code == 2 and "还没有2030年的需求调研" in err
    code, _, err = run(capsys, "survey-template", "--year", 2030, "-o", tmp_path / "x.xlsx", "--db", demo_path)
    assert code == 2 and not (tmp_path / "x.xlsx").exists()
    assert dump(demo_path) == before


def test_a_dry_run_with_a_refused_file_exits_3_and_writes_nothing(capsys, demo_path, tmp_path):
    form = blank(capsys, demo_path, tmp_path)
    a = topics(form)[0]
    good = fill(form, tmp_path / "好.xlsx", "县委宣传部", {a: {"people": {"公务员": 2}}})
    before = dump(demo_path)
    code, out, _ = run(capsys, "import-survey", good, form, "--year", 2021, "--dry-run", "--db", demo_path)
    assert code == 3 and "检查结果（未写入）：可导入1个单位的调研表，未通过1个文件" in out
    assert dump(demo_path) == before
