"""Files damaged or odd in each way issue 14 names, through the command line as the office runs it:
byte-damaged workbooks, .xls files whose structure would make the parser run away, giant CSV fields,
Excel's "Unicode 文本", empty and all-NUL files, lists on hidden sheets, and the safety net."""
import codecs
import re
import struct
import zipfile
import zlib
from datetime import date, timedelta

import pytest
import xlwt
from openpyxl import Workbook

from app.domain.errors import UserError
from app.services import database
from app.services.importing import pipeline
from app.services.importing.pipeline import read_source
from app.services.safety.spreadsheet_guard import UnsafeSpreadsheet
from app.services.safety.xls_guard import MAX_CELLS
from tests.app.test_spreadsheet_guard import rewrite
from tests.cli import run
from tests.roster_files import HEADER, good_rows, write_csv, write_xls, write_xlsx

pytestmark = pytest.mark.sqlite_only(reason="damaged SQLite files, quick_check and the restore of a file")

DAMAGED = "不完整或已损坏（可能下载、复制时中断），请让单位重新发送"


def import_dry(capsys, demo_path, path, *extra) -> tuple[int, str, str]:
    return run(capsys, "import-roster", path, "--dry-run", "--db", demo_path, *extra)


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误："), err
    assert not re.search(r"[A-Za-z]{4,}", re.sub(r"Excel|WPS|Unicode|UTF|GBK|xlsx|xls|csv|txt", "", lines[0])), err
    return lines[0]


# ---- the builders (the fuzz test's real-console runs use them too) ----

def spoiled_zip_data(tmp_path):
    """A list whose sheet's compressed data is spoiled at its start: zlib fails inside the guard."""
    path = write_xlsx(tmp_path / "损坏 名单.xlsx", good_rows(30))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 2, start + 40, 3):
        data[offset] ^= 0xA5
    path.write_bytes(bytes(data))
    return path


def impossible_date(tmp_path, value: bytes = b"-1e308", duration: bool = False):
    """A birth date cell holding a number no date can be: the parser's date code panics (in Rust); as a
    duration (a cell formatted [h]:mm) a number past Python's timedelta is an OverflowError."""
    rows = [row[:4] + [timedelta(days=3) if duration else date.fromisoformat(row[4])] + row[5:]
            for row in good_rows(3)]
    plain = write_xlsx(tmp_path / "明文.xlsx", rows)
    with zipfile.ZipFile(plain) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    spoiled = re.sub(rb'(<c r="E3"[^>]*><v>)[^<]*', rb"\g<1>" + value, sheet, count=1)
    assert spoiled != sheet
    return rewrite(plain, tmp_path / "出生日期 名单.xlsx", {"xl/worksheets/sheet1.xml": spoiled})


def truncated_xls(tmp_path):
    whole = write_xls(tmp_path / "完整.xls", good_rows(40)).read_bytes()
    path = tmp_path / "中断 名单.xls"
    path.write_bytes(whole[:len(whole) * 2 // 3])
    return path


def csv_with_huge_field(tmp_path, size: int = 200_000):
    rows = good_rows(3)
    rows[1][HEADER.index("姓名")] = "张" * size
    return write_csv(tmp_path / "超长 名单.csv", rows)


def xls_patched(tmp_path, name: str, patch) -> object:
    """An .xls from xlwt with patch(bytearray, header fields) applied to its compound file."""
    path = write_xls(tmp_path / name, good_rows(5))
    data = bytearray(path.read_bytes())
    patch(data)
    path.write_bytes(bytes(data))
    return path


# ---- byte damage and parser failures: one line in the office's words ----

def test_spoiled_compressed_data_is_one_line_not_a_zlib_traceback(capsys, demo_path, tmp_path):
    path = spoiled_zip_data(tmp_path)
    with pytest.raises(UnsafeSpreadsheet) as refused:
        read_source(path)
    assert isinstance(refused.value.__cause__, zlib.error)  # the failure the issue saw escape
    code, out, err = import_dry(capsys, demo_path, path)
    assert code == 2 and out == "" and one_line(err) == f"错误：“损坏 名单.xlsx”{DAMAGED}"


def test_a_parser_panic_or_overflow_is_one_line_in_chinese(capsys, demo_path, tmp_path):
    code, _, err = import_dry(capsys, demo_path, impossible_date(tmp_path))  # a Rust panic in calamine
    assert code == 2 and one_line(err) == f"错误：“出生日期 名单.xlsx”{DAMAGED}"
    code, _, err = import_dry(capsys, demo_path, impossible_date(tmp_path, b"1e10", duration=True))
    assert code == 2 and "中有无法识别的日期或数值" in one_line(err)


def test_the_parsers_english_never_reaches_the_user(capsys, demo_path, tmp_path, monkeypatch):
    """Whatever calamine says past the guard (here its compound-file error), the user reads Chinese."""
    from python_calamine import CalamineError

    from app.services.importing import reader

    def failing(path):
        raise CalamineError("Cfb error: Sector 4294967040 points past end of file")

    monkeypatch.setattr(reader.CalamineWorkbook, "from_path", failing)
    code, _, err = import_dry(capsys, demo_path, write_xls(tmp_path / "名单.xls", good_rows(2)))
    assert code == 2 and one_line(err) == f"错误：“名单.xls”{DAMAGED}"
    assert "Sector" not in err


def test_a_truncated_xls_is_refused_before_the_parser(capsys, demo_path, tmp_path):
    code, _, err = import_dry(capsys, demo_path, truncated_xls(tmp_path))
    assert code == 2 and one_line(err) == f"错误：“中断 名单.xls”{DAMAGED}"


def test_xls_structures_that_would_run_the_parser_out_of_memory_are_refused(tmp_path):
    """Each of these made calamine ask for gigabytes or loop for ever: the process died without a word."""
    def far_cell(data):  # the first person's name (a LabelSst record at B3) moved to row 65535, column 65536
        record = data.index(struct.pack("<HHHH", 0x00FD, 10, 2, 1))
        data[record + 4:record + 8] = struct.pack("<HH", 0xFFFE, 0xFFFF)

    def fat_length(data):
        data[44:48] = struct.pack("<I", 0x7FFF_FFFF)

    def looping_directory(data):
        directory, fat = struct.unpack_from("<I", data, 48)[0], struct.unpack_from("<I", data, 76)[0]
        at = 512 + fat * 512 + directory * 4
        data[at:at + 4] = struct.pack("<I", directory)

    cases = [(far_cell, "数据范围过大（65,535行×65,536列"), (fat_length, "不完整或已损坏"),
             (looping_directory, "不完整或已损坏")]
    for patch, reason in cases:
        with pytest.raises(UnsafeSpreadsheet, match=re.escape(reason)):
            read_source(xls_patched(tmp_path, f"{patch.__name__}.xls", patch))


def test_an_xlsx_whose_cells_span_too_far_is_refused(tmp_path):
    book = Workbook()
    book.active.append(HEADER)
    for row in good_rows(3):
        book.active.append(row)
    book.active.cell(row=MAX_CELLS // 16384 + 2, column=16384, value="远处")
    book.save(tmp_path / "远处.xlsx")
    with pytest.raises(UnsafeSpreadsheet, match=r"数据范围过大（307行×16,384列"):
        read_source(tmp_path / "远处.xlsx")


# ---- CSV and text lists ----

def test_a_field_past_the_csv_modules_limit_is_a_bad_cell_not_an_error(capsys, demo_path, tmp_path):
    code, out, err = import_dry(capsys, demo_path, csv_with_huge_field(tmp_path))
    assert code == 3 and err == ""
    assert "新增2人" in out and "单元格内容过长（200,000个字符" in out
    assert len(out) < 2000  # the megabyte name is never printed


@pytest.mark.parametrize("encoding, bom, suffix", [("utf-16-le", codecs.BOM_UTF16_LE, ".txt"),
                                                   ("utf-16-be", codecs.BOM_UTF16_BE, ".txt"),
                                                   ("utf-16-le", b"", ".txt"), ("utf-8", b"", ".csv"),
                                                   ("utf-8", codecs.BOM_UTF8, ".csv"), ("gb18030", b"", ".csv")])
def test_excels_unicode_text_and_other_encodings_are_read(capsys, demo_path, tmp_path, encoding, bom, suffix):
    """Excel's "Unicode 文本" is tab-separated UTF-16 LE with a byte-order mark, saved as .txt."""
    delimiter = "\t" if suffix == ".txt" else ";"
    text = "\r\n".join(delimiter.join(map(str, row)) for row in [HEADER, *good_rows(4)]) + "\r\n"
    path = tmp_path / f"名单{suffix}"
    path.write_bytes(bom + text.encode(encoding))
    code, out, err = import_dry(capsys, demo_path, path)
    assert code == 0, err
    assert "共4行，新增4人" in out


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n\t", b"\0" * 4096, codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                     "\r\n".encode("utf-16"), b",,,\r\n,,,\r\n"])
def test_an_empty_or_all_nul_file_says_there_is_no_data(capsys, demo_path, tmp_path, content):
    path = tmp_path / "空白.csv"
    path.write_bytes(content)
    code, out, err = import_dry(capsys, demo_path, path)
    assert code == 2 and out == "" and "文件中没有数据" in one_line(err)


def test_a_header_with_no_rows_under_it_is_not_reported_as_imported(capsys, demo_path, tmp_path):
    code, out, err = import_dry(capsys, demo_path, write_csv(tmp_path / "只有表头.csv", []))
    assert code == 2 and "共0行" not in out and "文件中没有数据" in one_line(err) and "表头（第1行）下没有数据行" in err


def test_binary_junk_named_csv_is_refused_in_the_offices_words(capsys, demo_path, tmp_path):
    path = tmp_path / "照片.csv"
    path.write_bytes(bytes(range(256)) * 40)
    code, _, err = import_dry(capsys, demo_path, path)
    assert code == 2 and "不是文本格式的名单" in one_line(err)


# ---- hidden sheets ----

def hidden_xlsx(tmp_path, state: str, with_visible_list: bool = False):
    book = Workbook()
    book.active.title = "说明"
    book.active["A1"] = "请勿修改"
    if with_visible_list:
        book.active.append(HEADER)
        book.active.append(good_rows(1)[0])
    sheet = book.create_sheet("名单")
    sheet.append(HEADER)
    for row in good_rows(3):
        sheet.append(row)
    sheet.sheet_state = state
    path = tmp_path / f"{state}.xlsx"
    book.save(path)
    return path


def hidden_xls(tmp_path):
    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("说明").write(0, 0, "请勿修改")
    sheet = book.add_sheet("名单")
    for row_index, row in enumerate([HEADER, *good_rows(3)]):
        for column, value in enumerate(row):
            sheet.write(row_index, column, value)
    sheet.visibility = 1
    path = tmp_path / "隐藏.xls"
    book.save(str(path))
    return path


@pytest.mark.parametrize("build", [lambda p: hidden_xlsx(p, "hidden"), lambda p: hidden_xlsx(p, "veryHidden"),
                                   hidden_xls], ids=["xlsx hidden", "xlsx very hidden", "xls hidden"])
def test_a_list_only_on_a_hidden_sheet_is_read_and_says_so(capsys, demo_path, tmp_path, build):
    code, out, err = import_dry(capsys, demo_path, build(tmp_path))
    assert code == 0, err
    assert "工作表“名单”" in out and "提示：名单在隐藏的工作表“名单”中，已读取" in out and "新增3人" in out


def test_a_shown_list_is_chosen_before_a_hidden_one(capsys, demo_path, tmp_path):
    code, out, _ = import_dry(capsys, demo_path, hidden_xlsx(tmp_path, "hidden", with_visible_list=True))
    assert code == 0 and "工作表“说明”" in out and "隐藏" not in out and "新增1人" in out


def test_the_hours_import_finds_a_hidden_sheet_too(capsys, demo_path, tmp_path):
    db = database.open_database(demo_path)
    (name, number), = db.execute("SELECT name, id_number FROM people LIMIT 1").fetchall()
    db.close()
    book = Workbook()
    book.active["A1"] = "说明"
    sheet = book.create_sheet("学时")
    sheet.append(["姓名", "身份证号码", "学时", "年度"])
    sheet.append([name, number, 6, 2020])
    sheet.sheet_state = "hidden"
    book.save(tmp_path / "学时.xlsx")
    code, out, err = run(capsys, "import-hours", tmp_path / "学时.xlsx", "--dry-run", "--db", demo_path)
    assert code == 0, err
    assert "提示：名单在隐藏的工作表“学时”中，已读取" in out and "可导入1条" in out


# ---- the safety net ----

def test_an_unforeseen_failure_is_one_line_and_its_traceback_is_logged(capsys, demo_path, tmp_path, monkeypatch, home):
    def broken(*args, **kwargs):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(pipeline, "analyse", broken)
    code, out, err = import_dry(capsys, demo_path, write_xlsx(tmp_path / "名单.xlsx", good_rows(2)))
    log = home / "logs" / "error.log"
    assert code == 2 and out == ""
    assert err.strip() == f"错误：程序内部错误，操作未完成，数据未作改动；详细信息已写入日志：{log}"
    assert "RuntimeError: something nobody foresaw" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_a_user_error_is_still_its_own_message(capsys, demo_path, tmp_path):
    with pytest.raises(UserError, match="没有名为"):
        read_source(write_xlsx(tmp_path / "a.xlsx", good_rows(1)), "无此表")
