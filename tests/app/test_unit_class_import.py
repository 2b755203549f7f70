"""A unit's own class (单位自办) filed from its sheet, through `import-unit-class`: the class and its dates read
from the title, labelled cells or columns; trainees matched by ID number (unknown ones created); bad rows
refused with their reasons; the hours reaching the trainees' ledgers; bad files and a second import refused
with nothing changed; exit codes 0 / 3 / 2 as the other imports."""
import sqlite3

from app.services.hours import ledger
from app.services.unit_classes.importer import import_unit_class
from app.services.unit_classes.sheet import class_name_of, date_range
from app.storage import tables
from tests.app.test_one_writer import dump
from tests.cli import run
from tests.roster_files import id_number
from tests.unit_class_files import trainee_rows, write_xlsx


def unit_people(path, unit_name: str, count: int) -> tuple[int, list[tuple[int, str, str]]]:
    reader = sqlite3.connect(path)
    unit = reader.execute("SELECT id FROM units WHERE name = ?", [unit_name]).fetchone()[0]
    found = reader.execute("SELECT id, name, id_number FROM people WHERE unit_id = ? ORDER BY id LIMIT ?",
                           [unit, count]).fetchall()
    reader.close()
    return unit, found


def test_dates_and_names_as_units_write_them():
    assert date_range("2020年6月8日至12日") == ("2020-06-08", "2020-06-12")
    assert date_range("2020.6.8-6.12") == ("2020-06-08", "2020-06-12")
    assert date_range("（2020年11月30日—12月4日）") == ("2020-11-30", "2020-12-04")
    assert date_range("2020-06-08至2020-06-12") == ("2020-06-08", "2020-06-12")
    assert date_range("没有日期") == ("", "")
    assert class_name_of("县财政局财务人员业务能力提升培训班学员名单（2020年6月8日至12日）") == "县财政局财务人员业务能力提升培训班"
    assert class_name_of("县卫生健康委疫情防控培训班参训人员名单") == "县卫生健康委疫情防控培训班"


def test_a_units_class_with_good_and_bad_rows(demo_path, tmp_path, capsys):
    unit, people = unit_people(demo_path, "县财政局", 3)
    (_, name, number), second, third = people
    newcomer = id_number("1990-03-07", 123, region="110101")
    rows = trainee_rows([(name, number), second[1:], ("新来的", newcomer)], 30)
    rows += [[4, "号码错", "110101199003071234", "科员", 30, ""],  # a wrong check digit
             [5, "改了名", third[2], "科员", 30, ""],  # the archive knows this number by another name
             [6, third[1], third[2], "科员", "三十", ""],  # hours that are no number
             [7, "", "", "", "", ""], ["合计", "", "", "", 150, ""]]  # an empty row and the total row: skipped
    path = write_xlsx(tmp_path / "财政局 自办班.xlsx", rows)
    untouched = dump(demo_path)
    code, out, _ = run(capsys, "import-unit-class", path, "--unit", unit, "--dry-run", "--db", demo_path)
    assert code == 3 and "检查结果（未写入）：共6行，可导入3人（90学时），其中1人档案中没有，将新建，未通过3行" in out
    assert dump(demo_path) == untouched
    code, out, _ = run(capsys, "import-unit-class", path, "--unit", unit, "--db", demo_path)
    assert code == 3, out
    assert "县财政局自办：县财政局政府采购业务培训班（2020-10-12至2020-10-16）" in out
    assert "班次名称取自标题" in out and "导入前的数据已备份" in out
    assert "第6行 号码错 110101********1234：身份证号码校验位不符" in out
    assert f"第7行 改了名 {third[2][:6]}********{third[2][-4:]}：姓名“改了名”与档案中此身份证号码的“{third[1]}”不符" in out
    assert f"第8行 {third[1]}" in out and "学时“三十”不是数字" in out
    from app.services import database

    with database.writing(demo_path) as db:
        filed = [c for c in tables.classes(db).all() if c.name == "县财政局政府采购业务培训班"]
        assert len(filed) == 1 and (filed[0].organiser_kind, filed[0].unit_id) == ("单位自办", unit)
        period = tables.periods(db).where("class_id = ?", [filed[0].id])[0]
        assert (period.start_date, period.end_date, period.status) == ("2020-10-12", "2020-10-16", "结班")
        seats = tables.enrollments(db).where("period_id = ?", [period.id])
        assert sorted((e.status, e.hours, e.unit_id) for e in seats) == [("结业", 30.0, unit)] * 3
        created = tables.people(db).where("id_number = ?", [newcomer])[0]
        assert (created.name, created.gender, created.birth_date, created.unit_id) == ("新来的", "男", "1990-03-07", unit)
        assert ledger.person_hours(db, created.id, 2020).classes == 30  # the new person's hours are in the ledger
        assert db.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0] == "导入单位自办班"
    again = dump(demo_path)
    code, _, err = run(capsys, "import-unit-class", path, "--unit", unit, "--db", demo_path)
    assert code == 2 and "已经导入过，未重复导入" in err and dump(demo_path) == again


def test_the_hours_of_a_units_class_reach_the_ledger(demo_db, tmp_path):
    unit = tables.units(demo_db).where("name = ?", ["县审计局"])[0]
    person = tables.people(demo_db).where("unit_id = ?", [unit.id])[0]
    before = ledger.person_hours(demo_db, person.id, 2020).classes
    path = write_xlsx(tmp_path / "审计局.xlsx", trainee_rows([(person.name, person.id_number)], "12学时"),
                      above=[["班次名称：", "审计业务培训班"], ["培训时间：2020年7月6日至7日"]])
    result = import_unit_class(demo_db, path, unit.id)
    assert (result.class_name, result.start, result.end, result.refused) == ("审计业务培训班", "2020-07-06", "2020-07-07", [])
    assert ledger.person_hours(demo_db, person.id, 2020).classes == before + 12


def test_the_class_and_dates_from_columns(demo_db, tmp_path):
    unit = tables.units(demo_db).where("name = ?", ["县审计局"])[0]
    people = tables.people(demo_db).where("unit_id = ?", [unit.id])[:2]
    header = ["姓名", "身份证号码", "班次名称", "开始日期", "结束日期", "学时"]
    rows = [[p.name, p.id_number, "审计业务培训班", "2020-07-06", "2020-07-08", 18] for p in people]
    path = write_xlsx(tmp_path / "列.xlsx", rows, header, above=[])
    result = import_unit_class(demo_db, path, unit.id, dry_run=True)
    assert (result.class_name, result.start, result.end, len(result.accepted)) == ("审计业务培训班", "2020-07-06", "2020-07-08", 2)
    rows[1][2] = "另一个班"
    path = write_xlsx(tmp_path / "两个班.xlsx", rows, header, above=[])
    code_reason = _refused(demo_db, path, unit.id)
    assert "“班次名称”一列有不同的内容" in code_reason and "一个文件只能是一个班次的名单" in code_reason


def _refused(db, path, unit_id) -> str:
    from app.domain.errors import UserError

    try:
        import_unit_class(db, path, unit_id)
    except UserError as error:
        return str(error)
    raise AssertionError("not refused")


def test_bad_files_change_nothing(demo_path, tmp_path, capsys):
    unit, people = unit_people(demo_path, "县财政局", 1)
    rows = trainee_rows([people[0][1:]])
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    cases = {
        broken: "不完整或已损坏",
        write_xlsx(tmp_path / "无表头.xlsx", rows, ["甲", "乙", "丙", "丁", "戊", "己"]): "没有找到表头",
        write_xlsx(tmp_path / "无日期.xlsx", rows, above=[["财务培训班学员名单"]]): "没有找到培训时间",
        write_xlsx(tmp_path / "无班次.xlsx", rows, above=[]): "没有找到班次名称",
        write_xlsx(tmp_path / "倒着.xlsx", rows, above=[["财务培训班（2020年6月12日至6月8日）"]]): "结束日期不能早于开始日期",
        write_xlsx(tmp_path / "全错.xlsx", trainee_rows([("某人", "123")])): "没有可以导入的学员",
    }
    before = dump(demo_path)
    for path, reason in cases.items():
        code, out, err = run(capsys, "import-unit-class", path, "--unit", unit, "--db", demo_path)
        assert code == 2 and reason in err, (path.name, err)
    good = write_xlsx(tmp_path / "好.xlsx", rows)
    code, _, err = run(capsys, "import-unit-class", good, "--unit", 9999, "--db", demo_path)
    assert code == 2 and "没有编号为9999的单位" in err
    assert dump(demo_path) == before
    code, out, _ = run(capsys, "import-unit-class", good, "--unit", unit, "--db", demo_path)
    assert code == 0 and "导入完成：共1行，已导入1人（30学时）" in out
