"""The Excel form trainees fill in (one sheet, anonymous): every question in a locked cell, the answer cells
open with a dropdown of the scale, and hidden keys (the evaluation and period in A1 or A3, each line's item,
session and aspect in the hidden column A or row 3) so the import maps each answer back even when the
question text was edited. Two shapes: one workbook per trainee (a question per row, "form"), or the
office's summary sheet with a row per trainee ("table")."""
from __future__ import annotations

import hashlib
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.domain import evaluation as scales
from app.domain.errors import UserError
from app.services.evaluation.forms import PeriodForm, period_form
from app.services.exports.xlsx import FONT, new_workbook, put, save
from app.storage.connection import Database

MARKER = "TDEVAL"
SHAPES = {"form": "每人一份（一题一行）", "table": "汇总表（每位学员一行）"}
TABLE_ROWS = 120
SHEET_NAME = "评估问卷"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = PatternFill("solid", fgColor="E7E9EE")
_ANSWER = PatternFill("solid", fgColor="FFFBE6")
_WRAP = Alignment(vertical="center", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


KEY_MARK = "#"  # a hidden key is never a number a trainee typed


def cell_key(key: str) -> str:
    return KEY_MARK + key


def questions_digest(form: PeriodForm) -> str:
    """Tells the questions issued apart from those of an earlier issue that got the same row ids."""
    words = "|".join(f"{item.id}:{item.kind}:{item.text}" for item in form.items)
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:8]


def marker(form: PeriodForm) -> str:
    return f"{MARKER}:{form.evaluation.id}:{form.info.period.id}:{questions_digest(form)}"


def instructions(form: PeriodForm, shape: str) -> str:
    where = "“评价”列" if shape == "form" else "各题下方的单元格"
    return (f"本问卷不记名。请在{where}中从下拉列表选择（{scales.scale_hint(form.scale)}），意见建议直接填写。"
            "题目已锁定，请勿修改或增删行列；填好后保存，交班主任或发回组织部。")


def write_template(db: Database, period_id: int, path: str | Path, shape: str = "form") -> Path:
    """Issues the period's form if it was not yet, and writes its Excel form."""
    if shape not in SHAPES:
        raise UserError(f"问卷样式应为{'或'.join(SHAPES)}")
    form = period_form(db, period_id)
    if not form.issued:
        raise UserError("只读方式打开时不能生成Excel问卷（问卷须先发放，才能在导入时对上题目）")
    book = new_workbook()
    sheet = book.create_sheet(SHEET_NAME)
    (_form_sheet if shape == "form" else _table_sheet)(sheet, form)
    sheet.protection.sheet = True  # no password: the office can unlock it (审阅 → 撤销工作表保护)
    for option in ("formatColumns", "formatRows", "formatCells"):
        setattr(sheet.protection, option, False)
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return save(book, path)


def _dropdown(form: PeriodForm) -> DataValidation:
    words = ",".join(scales.options(form.scale))
    return DataValidation(type="list", formula1=f'"{words}"', allow_blank=True, showErrorMessage=True,
                          errorTitle="请从列表中选择", error=f"请选择：{scales.scale_hint(form.scale)}")


def _styled(cell, *, head: bool = False, center: bool = False, answer: bool = False):
    cell.border = _BORDER
    cell.font = Font(name=FONT, bold=head, size=11)
    cell.alignment = _CENTER if center or head else _WRAP
    if head:
        cell.fill = _HEAD
    if answer:
        cell.fill = _ANSWER
        cell.protection = Protection(locked=False)
    return cell


def _title(sheet, form: PeriodForm, shape: str, last_column: int) -> None:
    first = 2 if shape == "form" else 1
    put(sheet, 1, first, form.title).font = Font(name=FONT, size=16, bold=True)
    sheet.cell(1, first).alignment = _CENTER
    sheet.merge_cells(start_row=1, start_column=first, end_row=1, end_column=last_column)
    note = put(sheet, 2, first, instructions(form, shape))
    note.font, note.alignment = Font(name=FONT, size=10, color="B3261E"), _WRAP
    sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=last_column)
    sheet.row_dimensions[1].height, sheet.row_dimensions[2].height = 30, 36


def _form_sheet(sheet, form: PeriodForm) -> None:
    """A: hidden keys; B 序号, C 类别, D 评估内容, E 评价."""
    _title(sheet, form, "form", 5)
    put(sheet, 1, 1, marker(form))
    for column, (text, width) in enumerate((("键", 8), ("序号", 6), ("类别", 12), ("评估内容", 52), ("评价", 16)),
                                           start=1):
        _styled(put(sheet, 3, column, text), head=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.column_dimensions["A"].hidden = True
    rule = _dropdown(form)
    sheet.add_data_validation(rule)
    for number, line in enumerate(form.lines, start=1):
        row = 3 + number
        put(sheet, row, 1, cell_key(line.key))
        _styled(put(sheet, row, 2, number), center=True)
        _styled(put(sheet, row, 3, line.section), center=True)
        _styled(put(sheet, row, 4, line.label))
        _styled(sheet.cell(row, 5), answer=True, center=line.scored)
        if line.scored:
            rule.add(f"E{row}")
        else:
            sheet.row_dimensions[row].height = 90
    sheet.freeze_panes = "B4"
    sheet.print_title_rows = "3:3"


def _table_sheet(sheet, form: PeriodForm) -> None:
    """A 序号, then a column per line; row 3 (hidden) holds the keys, row 4 the questions."""
    lines = form.lines
    _title(sheet, form, "table", max(len(lines) + 1, 4))
    put(sheet, 3, 1, marker(form))
    sheet.row_dimensions[3].hidden = True
    _styled(put(sheet, 4, 1, "序号"), head=True)
    sheet.column_dimensions["A"].width = 6
    rule = _dropdown(form)
    sheet.add_data_validation(rule)
    for column, line in enumerate(lines, start=2):
        letter = get_column_letter(column)
        put(sheet, 3, column, cell_key(line.key))
        _styled(put(sheet, 4, column, line.label if line.session else f"{line.section}：{line.item.text}"), head=True)
        sheet.column_dimensions[letter].width = 14 if line.scored else 40
        if line.scored:
            rule.add(f"{letter}5:{letter}{TABLE_ROWS + 4}")
    sheet.row_dimensions[4].height = 96
    for offset in range(TABLE_ROWS):
        row = 5 + offset
        _styled(put(sheet, row, 1, offset + 1), center=True)
        for column, line in enumerate(lines, start=2):
            _styled(sheet.cell(row, column), answer=True, center=line.scored)
    sheet.freeze_panes = "B5"
    sheet.print_title_rows = "4:4"
