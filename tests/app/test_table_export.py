"""Saving the window's tables as .xlsx: one sheet each, text kept as text, lists of people logged."""
from openpyxl import load_workbook

from app.services.exports.tables import ExportTable, export_tables
from app.services.exports.xlsx import XlsxColumn
from app.services.safety import audit

COLUMNS = [XlsxColumn("姓名", 5, text=True), XlsxColumn("学时", 4)]


def test_each_table_is_a_sheet_and_a_formula_stays_text(db, tmp_path):
    tables = [ExportTable("学时档案", "2020年学时档案", COLUMNS, [["=SUM(A1)", 12.5], ["张一", 90]], "导出于2020-12-31"),
              ExportTable("按单位", "2020年培训统计（按单位）", COLUMNS, [["县委办公室", 3]])]
    saved = export_tables(db, tmp_path / "统计 表", tables)
    assert saved.name == "统计 表.xlsx"
    book = load_workbook(saved)
    assert book.sheetnames == ["学时档案", "按单位"]
    sheet = book["学时档案"]
    assert [sheet["A1"].value, sheet["A2"].value, sheet["A3"].value] == ["2020年学时档案", "导出于2020-12-31", "姓名"]
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=4)] == [["=SUM(A1)", 12.5], ["张一", 90]]
    assert sheet["A4"].data_type == "s"
    assert audit.entries(db) == []  # not a list of people: nothing to log


def test_a_list_of_people_is_logged_by_what_it_held(db, tmp_path):
    export_tables(db, tmp_path / "a.xlsx", [ExportTable("应训未训", "2020年应训未训", COLUMNS, [["张一", 3], ["王二", 4]])],
                  personal=True)
    logged = audit.entries(db)
    assert [(e["action"], e["detail"]) for e in logged] == [("导出Excel", "2020年应训未训（2行：姓名、学时） → a.xlsx")]
