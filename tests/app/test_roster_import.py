"""Importing units' lists through the service: every rule of the wizard, without Qt."""
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.errors import UserError
from app.domain.models import Person
from app.services import people, quotas
from app.services import roster as roster_service
from app.services.importing.check import CREATE_UNIT, SKIP_UNIT
from app.services.importing.pipeline import (
    analyse,
    choose_sheet,
    commit,
    import_file,
    read_source,
    suggest_unit,
    unknown_units,
)
from app.services.importing.plan import ImportOptions
from app.services.importing.receipt import write_receipt
from app.services.importing.template import write_template
from app.services.progress import Cancelled, Progress
from app.storage import tables
from tests.roster_files import (
    BAD_ROWS,
    HEADER,
    NOTED_ROWS,
    fullwidth_row,
    good_rows,
    person,
    write_csv,
    write_xls,
    write_xlsx,
)

COUNTED = ("people", "enrollments", "units", "quotas", "audit_log")


def snapshot(db) -> dict:
    return {table: db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in COUNTED}


def plan_for(db, path, **options):
    sheet, layout = choose_sheet(read_source(path))
    return analyse(db, Path(path).name, sheet, layout, ImportOptions(**options))


def period_id(db, status="筹备") -> int:
    return db.execute("SELECT id FROM periods WHERE status = ? ORDER BY start_date LIMIT 1", [status]).fetchone()[0]


@pytest.fixture
def mixed(tmp_path) -> Path:
    rows = good_rows(4) + [row for row, _, _ in BAD_ROWS + NOTED_ROWS] + [fullwidth_row(), good_rows(1)[0]]
    return write_xlsx(tmp_path / "县委办 报送名单.xlsx", rows)


def test_every_bad_cell_is_marked_with_its_reason(demo_db, mixed):
    plan = plan_for(demo_db, mixed)
    by_name = {row.values["name"]: row for row in plan.rows}
    for row, field, word in BAD_ROWS:
        checked = by_name[row[1]]
        assert checked.action == "reject"
        assert word in checked.errors[field], (row[1], checked.errors)
    for row, field, word in NOTED_ROWS:
        checked = by_name[row[1]]
        assert checked.action == "add" and not checked.errors
        assert word in checked.notices[field] and checked.values[field] == row[HEADER.index("手机号码")]
    duplicate = plan.rows[-1]
    assert duplicate.rejected and "与第3行重复" in duplicate.errors["id_number"]
    assert [row.action for row in plan.rows[:4]] == ["add"] * 4
    assert len(plan.rows) == 4 + len(BAD_ROWS) + len(NOTED_ROWS) + 2  # the note under the table is not a row


def test_full_width_characters_and_stray_spaces_are_normalised_not_refused(demo_db, mixed):
    row = next(r for r in plan_for(demo_db, mixed).rows if r.values["name"] == "王五")
    assert not row.rejected and row.action == "add"
    assert row.values["id_number"].isascii() and len(row.values["id_number"]) == 18
    assert set(row.notices) >= {"name", "id_number", "unit"}
    assert row.unit_id is not None


def test_units_and_listed_values_written_the_units_way(demo_db, tmp_path):
    rows = [person("冯正科", "1980-02-03", 121, 职级="正科", 学历="本科", 政治面貌="党员", 民族="汉",
                   出生日期="1980.02.03", 性别="男性")]
    row = plan_for(demo_db, write_xlsx(tmp_path / "a.xlsx", rows)).rows[0]
    assert not row.errors
    assert (row.values["rank"], row.values["education"], row.values["political_status"], row.values["ethnicity"],
            row.values["gender"]) == ("正科级", "大学本科", "中共党员", "汉族", "男")
    assert "原为" in row.notices["rank"]


def test_unknown_units_are_listed_suggested_mapped_or_created(demo_db, tmp_path):
    rows = [person("甲", "1980-01-01", 11, 工作单位="县委办"), person("乙", "1980-01-01", 13, 工作单位="县新成立局")]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    sheet, layout = choose_sheet(read_source(path))
    assert unknown_units(demo_db, sheet, layout) == {"县委办": 1, "县新成立局": 1}
    assert suggest_unit("县委办", tables.units(demo_db).where()).name == "县委办公室"
    office = suggest_unit("县委办", tables.units(demo_db).where()).id
    plan = plan_for(demo_db, path, unit_choices={"县委办": office, "县新成立局": CREATE_UNIT})
    assert [row.rejected for row in plan.rows] == [False, False]
    result = commit(demo_db, plan)
    assert result.units_created == ["县新成立局"]
    assert people.by_id_number(demo_db, plan.rows[0].values["id_number"]).unit_name == "县委办公室"
    assert people.by_id_number(demo_db, plan.rows[1].values["id_number"]).unit_name == "县新成立局"
    skipped = plan_for(demo_db, write_xlsx(tmp_path / "b.xlsx", [person("丙", "1980-01-01", 15, 工作单位="外县局")]),
                       unit_choices={"外县局": SKIP_UNIT})
    assert "不导入" in skipped.rows[0].errors["unit"]


@pytest.mark.parametrize("writer, name", [(write_xls, "名单.xls"), (write_csv, "名单.csv")])
def test_old_xls_and_gbk_csv_read_like_xlsx(demo_db, tmp_path, writer, name):
    rows = good_rows(3) + [BAD_ROWS[2][0]]
    plan = plan_for(demo_db, writer(tmp_path / name, rows))
    assert [row.action for row in plan.rows] == ["add", "add", "add", "reject"]
    assert plan.rows[0].values["name"] == rows[0][1]


def test_utf8_csv_with_byte_order_mark(demo_db, tmp_path):
    plan = plan_for(demo_db, write_csv(tmp_path / "名单.csv", good_rows(2), encoding="utf-8-sig"))
    assert [row.values["unit"] if "unit" in row.values else row.unit_id for row in plan.rows][0] is not None
    assert [row.action for row in plan.rows] == ["add", "add"]


def test_the_sheet_with_the_header_is_chosen(demo_db, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", good_rows(2), extra_sheet=True)
    sheet, layout = choose_sheet(read_source(path))
    assert sheet.name == "名单" and layout.header_row == 1 and layout.columns["id_number"] == 5


def test_a_two_row_header_under_merged_cells(demo_db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["学员名单"])
    sheet.append(["姓名", "身份证号码", "工作单位", "联系方式", None])
    sheet.append([None, None, None, "手机", "座机"])
    sheet.merge_cells("D2:E2")
    for column in "ABC":
        sheet.merge_cells(f"{column}2:{column}3")
    row = good_rows(1)[0]
    sheet.append([row[1], row[5], row[6], row[12], "023-57720001"])
    book.save(tmp_path / "a.xlsx")
    sheet_, layout = choose_sheet(read_source(tmp_path / "a.xlsx"))
    assert (layout.header_row, layout.data_row) == (1, 3)
    assert layout.columns == {"name": 0, "id_number": 1, "unit": 2, "phone": 3}


def test_no_header_and_unreadable_files_are_refused(demo_db, tmp_path):
    book = Workbook()
    book.active.append(["随便", "写点", "什么"])
    book.save(tmp_path / "a.xlsx")
    with pytest.raises(UserError, match="找不到表头"):
        choose_sheet(read_source(tmp_path / "a.xlsx"))
    (tmp_path / "坏.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(UserError, match="不是有效的Excel文件"):
        read_source(tmp_path / "坏.xlsx")
    with pytest.raises(UserError, match="不支持"):
        read_source(tmp_path / "a.docx")


def test_modes_for_people_already_in_the_archive(demo_db, tmp_path):
    someone = people.search_people(demo_db)[5]
    changed = person(someone.name, someone.birth_date, 1, 现任职务="新职务", 工作单位=someone.unit_name,
                     公民身份号码=someone.id_number, 性别=someone.gender, 职级=someone.rank,
                     干部类别=someone.cadre_category, 政治面貌=someone.political_status, 学历=someone.education,
                     民族=someone.ethnicity, 手机号码=someone.phone)
    new = good_rows(1)[0]
    path = write_xlsx(tmp_path / "a.xlsx", [changed, new])
    add = plan_for(demo_db, path, mode="add")
    assert [r.action for r in add.rows] == ["keep", "add"]
    update = plan_for(demo_db, path, mode="update")
    assert [r.action for r in update.rows] == ["update", "reject"]
    assert update.rows[0].changes == {"post": (someone.post, "新职务")}
    assert "仅更新" in update.rows[1].reason()
    both = plan_for(demo_db, path, mode="add-update")
    result = commit(demo_db, both)
    assert (result.added, result.updated) == (1, 1)
    assert people.get_person(demo_db, someone.id).post == "新职务"


def test_a_known_id_number_under_another_name_is_refused(demo_db, tmp_path):
    someone = people.search_people(demo_db)[0]
    row = person("别人", someone.birth_date, 1, 公民身份号码=someone.id_number, 性别=someone.gender)
    plan = plan_for(demo_db, write_xlsx(tmp_path / "a.xlsx", [row]), mode="add-update")
    assert "登记为“" + someone.name in plan.rows[0].errors["name"]


def test_into_a_period_with_double_booking_already_on_roster_and_quotas(demo_db, tmp_path):
    target = period_id(demo_db, "报名")
    period = roster_service.period_of(demo_db, target)
    on_roster = roster_service.roster(demo_db, target)[0]
    busy = demo_db.execute(
        """SELECT e.person_id FROM enrollments e JOIN periods p ON p.id = e.period_id
           WHERE p.id <> ? AND p.start_date <= ? AND p.end_date >= ? LIMIT 1""",
        [target, period.end_date, period.start_date]).fetchone()
    rows = [_row_of(demo_db, on_roster.person_id, "如何抓落实"), *good_rows(3)]
    if busy:
        rows.append(_row_of(demo_db, busy[0]))
    quotas.save_quotas(demo_db, target, {tables.units(demo_db).where("name = '县委办公室'")[0].id: 0})
    plan = plan_for(demo_db, write_xlsx(tmp_path / "a.xlsx", rows), period_id=target)
    assert plan.rows[0].enrol == "already" and "已在本期名单" in plan.rows[0].warnings[0]
    assert [r.enrol for r in plan.rows[1:4]] == ["enrol"] * 3
    if busy:
        assert "多头调训" in plan.rows[-1].warnings[0]
    assert any("县委办公室" in warning and "超出" in warning for warning in plan.warnings)
    result = commit(demo_db, plan)
    assert result.already == 1 and result.enrolled == len(rows) - 1
    lines = {line.person_id: line for line in roster_service.roster(demo_db, target)}
    assert lines[on_roster.person_id].key_problems == "如何抓落实"
    new = people.by_id_number(demo_db, rows[1][5])
    assert lines[new.id].key_problems == "如何做好基层减负" and lines[new.id].status == "拟选调"


def _row_of(db, person_id: int, problems: str = "") -> list:
    p = people.get_person(db, person_id)
    unit = tables.units(db).get(p.unit_id).name
    return person(p.name, p.birth_date, 1, 公民身份号码=p.id_number, 性别=p.gender, 工作单位=unit,
                  重点难点问题或典型案例=problems)


def test_cancelling_the_commit_leaves_the_database_as_it_was(demo_db, mixed):
    plan = plan_for(demo_db, mixed, period_id=period_id(demo_db), unit_choices={"县新成立办公室": CREATE_UNIT})
    before = snapshot(demo_db)
    calls = []

    def cancel_late():
        calls.append(1)
        return len(calls) > 2
    with pytest.raises(Cancelled):
        commit(demo_db, plan, Progress(is_cancelled=cancel_late))
    assert snapshot(demo_db) == before
    result = commit(demo_db, plan)  # the plan is unchanged and can still be committed
    assert result.added == 7 and result.units_created == ["县新成立办公室"]


def test_a_failure_half_way_rolls_everything_back(demo_db, mixed, monkeypatch):
    plan = plan_for(demo_db, mixed, period_id=period_id(demo_db))
    before = snapshot(demo_db)
    monkeypatch.setattr("app.services.importing.commit._Writer.enrol", lambda self, period: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        commit(demo_db, plan)
    assert snapshot(demo_db) == before


def test_import_file_creates_unknown_units_and_dry_run_writes_nothing(demo_db, mixed):
    before = snapshot(demo_db)
    plan, result = import_file(demo_db, mixed, ImportOptions(), dry_run=True)
    assert result is None and snapshot(demo_db) == before
    assert plan.count("add") == 7  # 县新成立办公室 will be created, so its row passes
    plan, result = import_file(demo_db, mixed, ImportOptions())
    assert result.added == 7 and result.rejected == 5 and result.units_created == ["县新成立办公室"]


def test_the_receipt_lists_every_row_with_its_outcome(demo_db, mixed, tmp_path):
    plan, result = import_file(demo_db, mixed, ImportOptions())
    path = write_receipt(plan, result, tmp_path / "回执" / "回执.xlsx")
    sheet = load_workbook(path).active
    assert "导入回执" in sheet["A1"].value and "新增7人" in sheet["A2"].value
    header = [cell.value for cell in sheet[3]]
    assert header[0] == "原行号" and header[1:len(HEADER) + 1] == HEADER and header[-2:] == ["导入结果", "问题说明"]
    lines = {}
    for row in sheet.iter_rows(min_row=4):
        lines.setdefault(row[2].value, row)
    scientific = lines["钱科学"]
    assert scientific[-2].value == "未导入" and "科学计数法" in scientific[-1].value
    assert scientific[HEADER.index("公民身份号码") + 1].fill.fgColor.rgb.endswith("F8D0CC")
    assert lines[good_rows(1)[0][1]][-2].value == "已新增" and lines[good_rows(1)[0][1]][0].value == 3
    assert sheet.freeze_panes == "A4"


def test_formula_like_text_stays_text(demo_db, tmp_path):
    rows = [person("甲", "1980-01-01", 11, 现任职务="=HYPERLINK(\"x\")", 重点难点问题或典型案例="+1 -2 @3")]
    plan, result = import_file(demo_db, write_xlsx(tmp_path / "a.xlsx", rows), ImportOptions())
    sheet = load_workbook(write_receipt(plan, result, tmp_path / "r.xlsx")).active
    cells = [cell for cell in sheet[4] if isinstance(cell.value, str) and cell.value[:1] in "=+"]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_the_template_reads_back_as_a_list(demo_db, tmp_path):
    path = write_template(tmp_path / "模板.xlsx")
    book = load_workbook(path)
    sheet = book["学员名单"]
    assert book["可选值"].sheet_state == "hidden"
    assert sheet.protection.sheet and not sheet["B4"].protection.locked and sheet["B3"].protection.locked
    assert {str(dv.sqref).split(":")[0] for dv in sheet.data_validations.dataValidation} == {
        "C4", "D4", "I4", "J4", "K4", "L4"}
    assert sheet["F4"].number_format == "@"
    row = good_rows(1)[0]
    for column, value in zip("BCDEFGHIJKLMN", [row[i] for i in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)], strict=False):
        sheet[f"{column}4"] = value
    book.save(path)
    plan = plan_for(demo_db, path)
    assert [r.action for r in plan.rows] == ["add"] and plan.rows[0].values["key_problems"] == row[13]


def test_an_empty_name_or_id_is_refused(demo_db, tmp_path):
    rows = [person("", "1980-01-01", 11), person("无号", "1980-01-01", 13, 公民身份号码="")]
    plan = plan_for(demo_db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert plan.rows[0].errors["name"] == "姓名不能为空"
    assert plan.rows[1].errors["id_number"] == "身份证号码不能为空"


def test_existing_people_keep_what_an_empty_cell_would_blank(demo_db, tmp_path):
    someone = people.save_person(demo_db, Person(name="赵一", id_number=good_rows(1)[0][5], post="科长",
                                                 phone="13900000001"))
    row = person("赵一", "1980-01-10", 101, 现任职务="", 手机号码="")
    plan = plan_for(demo_db, write_xlsx(tmp_path / "a.xlsx", [row]), mode="update")
    assert "post" not in plan.rows[0].changes and "phone" not in plan.rows[0].changes
    commit(demo_db, plan)
    assert people.get_person(demo_db, someone.id).post == "科长"
