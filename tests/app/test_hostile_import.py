"""Hostile and broken files in the real import path: refused before any parser, from the service and the
command line; formulas without a result are bad cells with a reason; macros are noted, never run."""
import re
import zipfile

import pytest

from app.domain.errors import UserError
from app.services import database
from app.services.importing import reader
from app.services.importing.pipeline import import_file, read_source
from app.services.importing.plan import ImportOptions
from app.services.safety.spreadsheet_guard import MAX_PART_BYTES, UnsafeSpreadsheet
from tests.app.test_roster_import import plan_for, snapshot
from tests.app.test_spreadsheet_guard import rewrite
from tests.cli import run
from tests.roster_files import HEADER, good_rows, person, write_csv, write_xlsx

PHONE, ID = HEADER.index("手机号码"), HEADER.index("公民身份号码")


def bomb(tmp_path):
    """An ordinary list plus shared strings that would expand far past the limit."""
    plain = write_xlsx(tmp_path / "明文.xlsx", good_rows(2))
    return rewrite(plain, tmp_path / "炸弹 名单.xlsx", {}, {"xl/sharedStrings.xml": b"<sst>" + b"\0" * (MAX_PART_BYTES + 1)})


def entity_trick(tmp_path):
    plain = write_xlsx(tmp_path / "明文.xlsx", good_rows(2))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE z [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>')
    return rewrite(plain, tmp_path / "实体.xlsx", {}, {"xl/sharedStrings.xml": laughs})


def test_hostile_files_are_refused_by_the_import_before_any_parser(demo_db, tmp_path, monkeypatch):
    def parser_must_not_run(*args, **kwargs):
        raise AssertionError("the parser saw a hostile file")

    monkeypatch.setattr(reader.CalamineWorkbook, "from_path", parser_must_not_run)
    before = snapshot(demo_db)
    for path, reason in ((bomb(tmp_path), "解压后异常庞大"), (entity_trick(tmp_path), "不安全的XML")):
        with pytest.raises(UnsafeSpreadsheet, match=reason):
            import_file(demo_db, path, ImportOptions())
    assert snapshot(demo_db) == before


def test_the_command_line_exits_2_with_the_one_line_reason(capsys, demo_path, tmp_path):
    before = database.counts(database.open_database(demo_path))
    code, out, err = run(capsys, "import-roster", bomb(tmp_path), "--db", demo_path)
    assert code == 2 and out == ""
    assert err.startswith("错误：“炸弹 名单.xlsx”解压后异常庞大") and len(err.strip().splitlines()) == 1
    renamed = tmp_path / "旧格式.xlsx"
    renamed.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, _, err = run(capsys, "import-roster", renamed, "--db", demo_path)
    assert code == 2 and "实际是旧版.xls格式" in err and len(err.strip().splitlines()) == 1
    db = database.open_database(demo_path)
    assert database.counts(db) == before
    db.close()


def damaged_sheet(tmp_path):
    """A list whose sheet data was spoiled in transit, past the part's first bytes the guard reads."""
    path = write_xlsx(tmp_path / "中断 名单.xlsx", good_rows(300))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    end = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size
    for offset in range(end - 200, end - 150):
        data[offset] ^= 0x55
    path.write_bytes(bytes(data))
    return path


def test_a_sheet_damaged_in_transit_gets_the_guards_reason_not_the_parsers(capsys, demo_path, tmp_path):
    before = database.counts(database.open_database(demo_path))
    code, out, err = run(capsys, "import-roster", damaged_sheet(tmp_path), "--db", demo_path)
    assert code == 2 and out == ""
    assert err.strip() == "错误：“中断 名单.xlsx”不完整或已损坏（可能下载、复制时中断），请让单位重新发送"
    db = database.open_database(demo_path)
    assert database.counts(db) == before
    db.close()


def test_too_many_rows_are_refused_whatever_the_format(demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 5)  # the real cap is 100,000 rows
    for path in (write_xlsx(tmp_path / "多.xlsx", good_rows(6)), write_csv(tmp_path / "多.csv", good_rows(6))):
        with pytest.raises(UnsafeSpreadsheet, match="超过5行上限"):
            read_source(path)


def test_formulas_without_a_result_are_never_read_as_empty(demo_db, tmp_path):
    """A phone the file holds no value for leaves the phone out, with the reason; a name or ID refuses."""
    phone_formula = person("张公式", "1981-02-03", 21)
    phone_formula[PHONE] = "=13800000000+1"
    id_formula = person("", "1982-03-04", 23)  # name and ID both formulas: the row must not vanish as blank
    id_formula[HEADER.index("姓名")], id_formula[ID] = "=B5", "=CONCATENATE(\"5002\",\"36\")"
    rows = [good_rows(1)[0], phone_formula, id_formula]
    plan = plan_for(demo_db, write_xlsx(tmp_path / "公式.xlsx", rows))
    assert [row.line for row in plan.rows] == [3, 4, 5]
    good, phone, unnamed = plan.rows
    assert not good.rejected
    assert not phone.rejected and phone.values["phone"] == "" and phone.values["name"] == "张公式"
    assert "单元格M4是公式" in phone.notices["phone"] and "该项未导入" in phone.notices["phone"]
    assert unnamed.rejected and {"name", "id_number"} <= set(unnamed.errors)
    assert "单元格F5是公式" in unnamed.errors["id_number"]


def test_a_formula_with_its_result_reads_as_the_result(demo_db, tmp_path):
    row = person("李缓存", "1983-04-05", 25)
    row[PHONE] = "=13900000000+1"
    path = write_xlsx(tmp_path / "有值.xlsx", [row])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    # openpyxl writes the empty result as <v /> or, when lxml is installed, as <v></v>
    cached = re.sub(rb"<f>13900000000\+1</f><v ?/>|<f>13900000000\+1</f><v></v>",
                    b"<f>13900000000+1</f><v>13900000001</v>", sheet)
    assert cached != sheet
    plan = plan_for(demo_db, rewrite(path, tmp_path / "有值2.xlsx", {"xl/worksheets/sheet1.xml": cached}))
    assert not plan.rows[0].rejected and plan.rows[0].values["phone"] == "13900000001"


def test_macros_are_noted_in_the_plan_and_by_the_command_line(capsys, demo_path, tmp_path):
    plain = write_xlsx(tmp_path / "明文.xlsx", good_rows(2))
    macro = rewrite(plain, tmp_path / "带宏.xlsm", {}, {"xl/vbaProject.bin": b"\0" * 200})
    sheets = read_source(macro)
    assert sheets[0].notes == [reader.MACRO_NOTE]
    code, out, _ = run(capsys, "import-roster", macro, "--db", demo_path, "--dry-run")
    assert code == 0 and "提示：文件含有宏" in out and "不会运行宏" in out


def test_a_sheet_name_that_is_not_found_still_says_so(demo_db, tmp_path):
    with pytest.raises(UserError, match="没有名为"):
        read_source(write_xlsx(tmp_path / "a.xlsx", good_rows(1)), "无此表")
