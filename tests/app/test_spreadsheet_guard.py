"""Hostile and broken spreadsheets are refused with a one-line reason before any parser sees them."""
import re
import zipfile

import openpyxl
import pytest
import xlwt

from app.services.safety.spreadsheet_guard import (
    MAX_PART_BYTES,
    UnsafeSpreadsheet,
    check_spreadsheet,
    uncached_formulas,
)


def xlsx(path, rows=(("姓名", "身份证号"), ("张三", "11010519491231002X"))):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


def rewrite(source, target, changes: dict[str, bytes], extra: dict[str, bytes] | None = None, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", method) as new:
        for info in old.infolist():
            new.writestr(info.filename, changes.get(info.filename, old.read(info)))
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def test_a_normal_workbook_passes(tmp_path):
    report = check_spreadsheet(xlsx(tmp_path / "名单.xlsx"))
    assert report.kind == "xlsx" and not report.has_macros


def test_empty_truncated_and_garbage_files(tmp_path):
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(UnsafeSpreadsheet, match="是空的"):
        check_spreadsheet(empty)
    whole = xlsx(tmp_path / "全.xlsx").read_bytes()
    cut = tmp_path / "断.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UnsafeSpreadsheet, match="不完整或已损坏"):
        check_spreadsheet(cut)
    text = tmp_path / "文本.xlsx"
    text.write_text("姓名,身份证号", encoding="utf-8")
    with pytest.raises(UnsafeSpreadsheet, match="不是有效的Excel文件"):
        check_spreadsheet(text)


def test_renamed_files_say_what_they_really_are(tmp_path):
    book = xlwt.Workbook()
    book.add_sheet("名单").write(0, 0, "姓名")
    old = tmp_path / "旧.xlsx"
    book.save(str(old))
    with pytest.raises(UnsafeSpreadsheet, match="实际是旧版.xls格式"):
        check_spreadsheet(old)
    new = tmp_path / "新.xls"
    new.write_bytes(xlsx(tmp_path / "x.xlsx").read_bytes())
    with pytest.raises(UnsafeSpreadsheet, match="实际是新版.xlsx格式"):
        check_spreadsheet(new)
    proper = tmp_path / "旧.xls"
    book.save(str(proper))
    assert check_spreadsheet(proper).kind == "xls"


def test_a_password_protected_workbook(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile  # a test dependency

    plain = xlsx(tmp_path / "明文.xlsx")
    locked = tmp_path / "加密.xlsx"
    with open(plain, "rb") as source, open(locked, "wb") as target:
        OOXMLFile(source).encrypt("123456", target)
    with pytest.raises(UnsafeSpreadsheet, match="设置了打开密码"):
        check_spreadsheet(locked)
    assert check_spreadsheet(plain).kind == "xlsx"


def test_a_zip_bomb_is_refused_from_the_directory_alone(tmp_path):
    plain = xlsx(tmp_path / "明文.xlsx")
    bomb = rewrite(plain, tmp_path / "炸弹.xlsx", {}, {"xl/sharedStrings.xml": b"<sst>" + b"\0" * (MAX_PART_BYTES + 1)})
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(UnsafeSpreadsheet, match="解压后异常庞大"):
        check_spreadsheet(bomb)


def test_xml_entity_tricks_are_refused(tmp_path):
    plain = xlsx(tmp_path / "明文.xlsx")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>')
    evil = rewrite(plain, tmp_path / "实体.xlsx", {}, {"xl/sharedStrings.xml": laughs})
    with pytest.raises(UnsafeSpreadsheet, match="不安全的XML"):
        check_spreadsheet(evil)


def test_a_sheet_claiming_a_million_rows_is_refused(tmp_path):
    plain = xlsx(tmp_path / "明文.xlsx")
    with zipfile.ZipFile(plain) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    huge = sheet.replace(b'<dimension ref="A1:B2"', b'<dimension ref="A1:B1048576"')
    assert huge != sheet
    with pytest.raises(UnsafeSpreadsheet, match="1,048,576行"):
        check_spreadsheet(rewrite(plain, tmp_path / "百万.xlsx", {"xl/worksheets/sheet1.xml": huge}))


def test_formulas_without_a_cached_value_are_reported(tmp_path):
    path = xlsx(tmp_path / "公式.xlsx", rows=(("姓名", "电话"), ("张三", "=13800000000+1"), ("李四", "13900000000")))
    check_spreadsheet(path)
    assert uncached_formulas(path) == {"Sheet": ["B2"]}
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    cached = sheet.replace(b"<f>13800000000+1</f>", b"<f>13800000000+1</f><v>13800000001</v>")
    assert uncached_formulas(rewrite(path, tmp_path / "有值.xlsx", {"xl/worksheets/sheet1.xml": cached})) == {}
    for n, empty in enumerate((b"<v/>", b"<v />", b"<v></v>")):  # as the writers leave a result never computed
        bare = re.sub(rb"(<f>13800000000\+1</f>)(<v ?/>|<v></v>)?", rb"\1" + empty, sheet)
        assert uncached_formulas(rewrite(path, tmp_path / f"空{n}.xlsx", {"xl/worksheets/sheet1.xml": bare})) == {
            "Sheet": ["B2"]}


def test_macros_are_noted_never_run(tmp_path):
    plain = xlsx(tmp_path / "明文.xlsx")
    report = check_spreadsheet(rewrite(plain, tmp_path / "宏.xlsm", {}, {"xl/vbaProject.bin": b"\0" * 100}))
    assert report.has_macros


def test_csv_and_other_files(tmp_path):
    csv = tmp_path / "名单.csv"
    csv.write_bytes("姓名,身份证号\n张三,11010519491231002X\n".encode("gbk"))
    assert check_spreadsheet(csv).kind == "csv"
    other = tmp_path / "照片.jpg"
    other.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    with pytest.raises(UnsafeSpreadsheet, match="不是Excel"):
        check_spreadsheet(other)
