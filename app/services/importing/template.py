"""The blank submission template units fill in: a locked header, an instructions row, dropdowns for
the listed fields, and text-formatted number columns so Excel never turns an ID into 1.1E+17."""
from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.domain import vocab
from app.services.exports.xlsx import XlsxColumn, add_table, new_workbook, save

ROWS = 300  # prepared, unlocked rows for the unit to fill
COLUMNS = [
    XlsxColumn("序号", 2.5, center=True), XlsxColumn("姓名", 5), XlsxColumn("性别", 3), XlsxColumn("民族", 4),
    XlsxColumn("出生日期", 6, text=True), XlsxColumn("身份证号码", 10, text=True), XlsxColumn("工作单位", 11),
    XlsxColumn("职务", 9), XlsxColumn("职级", 6), XlsxColumn("干部类别", 7), XlsxColumn("政治面貌", 6),
    XlsxColumn("学历", 5), XlsxColumn("联系电话", 7, text=True), XlsxColumn("重点难点问题或典型案例", 16),
    XlsxColumn("备注", 6),
]
LISTS = {"性别": vocab.words("genders"), "民族": vocab.words("ethnic_groups"), "职级": vocab.ranks(),
         "干部类别": vocab.words("cadre_categories"), "政治面貌": vocab.words("political_statuses"),
         "学历": vocab.words("educations")}
INSTRUCTIONS = ("填写说明：1. 姓名、身份证号码、工作单位必须填写；2. 身份证号码填18位，本列已设为文本，请勿改成数字格式；"
                "3. 性别、民族、职级、干部类别、政治面貌、学历请从下拉列表中选择；4. 出生日期如 1985-06-01；"
                "5. 请收集每位学员关心关注的重点难点问题或典型案例，填在“重点难点问题或典型案例”一列；"
                "6. 请勿修改表头，勿增删列，填好后将本表报送组织部。")


def write_template(path: str | Path, title: str = "参训学员信息报送表") -> Path:
    book = new_workbook()
    sheet = add_table(book, "学员名单", title, COLUMNS, ([""] * len(COLUMNS) for _ in range(ROWS)),
                      subtitle=INSTRUCTIONS, landscape=True)
    sheet.row_dimensions[2].height = 48
    sheet.cell(2, 1).font = Font(name="宋体", size=10, color="B3261E")
    sheet.cell(2, 1).alignment = Alignment(wrap_text=True, vertical="center")
    _dropdowns(book, sheet)
    for row in sheet.iter_rows(min_row=4, max_row=ROWS + 3):
        for cell in row:
            cell.protection = Protection(locked=False)
    _protect(sheet)
    return save(book, path)


def _dropdowns(book, sheet) -> None:
    """Each list lives in a hidden sheet and feeds the column's dropdown (inline lists are capped at 255 characters)."""
    lists = book.create_sheet("可选值")
    headers = [column.header for column in COLUMNS]
    for index, (header, words) in enumerate(LISTS.items(), start=1):
        letter = get_column_letter(index)
        lists.cell(1, index, header)
        for offset, word in enumerate(words, start=2):
            lists.cell(offset, index, word)
        rule = DataValidation(type="list", formula1=f"'可选值'!${letter}$2:${letter}${len(words) + 1}",
                              allow_blank=True, showErrorMessage=True, errorTitle="请从列表中选择",
                              error=f"{header}请从下拉列表中选择")
        target = get_column_letter(headers.index(header) + 1)
        rule.add(f"{target}4:{target}{ROWS + 3}")
        sheet.add_data_validation(rule)
    lists.sheet_state = "hidden"


def _protect(sheet) -> None:
    """The title, instructions and header are locked; rows can still be added, sized and sorted."""
    protection = sheet.protection
    protection.sheet = True
    for option in ("formatColumns", "formatRows", "formatCells", "insertRows", "deleteRows", "sort", "autoFilter"):
        setattr(protection, option, False)
