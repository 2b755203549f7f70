"""The Excel form units fill in (需求调研表): title and instructions, 填报单位 (a dropdown of the units, typing
allowed) and 联系人及电话, a row per topic with how many people per cadre category and a first and second
preferred month (dropdowns), rows for topics the unit adds, and a box for comments.

Everything but the cells to fill is locked. Column A is hidden and holds the keys the import maps rows back
by: the survey's year (survey:2021), which row holds the unit, the contact, the header, each listed topic
(topic:12), each row for a topic of the unit's own (extra) and the comments (comments). A form that lost its
keys (copied into another workbook) is still read by its labels and headers."""
from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.domain.quality_records import NeedsSurvey, SurveyTopic
from app.domain.survey import ANY_MONTH, MAX_PEOPLE, MONTH_WORDS, categories
from app.services import units as unit_service
from app.services.exports.xlsx import FONT, new_workbook, put, save
from app.services.survey.surveys import survey_for, topics
from app.storage.connection import Database

SHEET = "需求调研表"
EXTRA_ROWS = 8
KEY_COLUMN = 1  # A, hidden
UNIT_LABEL, CONTACT_LABEL, COMMENTS_LABEL = "填报单位", "联系人及电话", "意见建议"
TOPIC_HEADER, FIRST_MONTH, SECOND_MONTH, NOTES_HEADER = "培训专题", "首选月份", "备选月份", "备注"
EXTRA_NOTE = "（单位自填专题）"
INSTRUCTIONS = ("填写说明：1. 请先选择或填写填报单位，并填写联系人及电话；2. 在各专题对应的干部类别下填写希望参加培训的人数"
                "（整数，不需要的不填）；3. 首选、备选月份从下拉列表中选择；4. 表中未列出的专题请填在“单位自填专题”行；"
                "5. 对培训内容、方式、时间等的意见建议请写在表末；6. 请勿增删行列、勿修改表头，填好后按时报送组织部。")

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E7E9EE")
_FILL_IN = PatternFill("solid", fgColor="FFFDE7")  # the cells a unit fills
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(vertical="center", wrap_text=True)
_TOP_LEFT = Alignment(vertical="top", wrap_text=True)


def columns() -> list[str]:
    """The form's header from column B: 序号, 培训专题, one per cadre category, the months and 备注."""
    return ["序号", TOPIC_HEADER, *categories(), FIRST_MONTH, SECOND_MONTH, NOTES_HEADER]


def write_form(db: Database, year: int, path: str | Path) -> Path:
    survey = survey_for(db, year)
    return build_form(survey, topics(db, survey.id), [u.name for u in unit_service.list_units(db)], path)


def build_form(survey: NeedsSurvey, listed: list[SurveyTopic], unit_names: list[str], path: str | Path) -> Path:
    book = new_workbook()
    sheet = book.create_sheet(SHEET)
    heads = columns()
    last = len(heads) + 1  # column B is the first shown
    first_category, month_column = 4, 4 + len(categories())
    _title(sheet, survey, last)
    _labelled(sheet, 3, "unit", UNIT_LABEL, last)
    contact_row = _labelled(sheet, 4, "contact", CONTACT_LABEL, last)
    header_row = _header(sheet, 5, heads, first_category, month_column)
    row = header_row + 1
    topic_rows = []
    for number, topic in enumerate(listed, start=1):
        _topic_row(sheet, row, f"topic:{topic.id}", str(number), topic.topic, last, locked_topic=True)
        topic_rows.append(row)
        row += 1
    for number in range(1, EXTRA_ROWS + 1):
        _topic_row(sheet, row, "extra", f"自填{number}", "", last, locked_topic=False)
        row += 1
    last_topic_row = row - 1
    comments_row = row
    _comments(sheet, comments_row, last)
    _validations(book, sheet, header_row + 1, last_topic_row, first_category, month_column, unit_names, contact_row)
    _layout(sheet, heads, header_row, comments_row)
    _protect(sheet)
    return save(book, path)


def _title(sheet, survey: NeedsSurvey, last: int) -> None:
    put(sheet, 1, KEY_COLUMN, f"survey:{survey.year}:{survey.id}")
    put(sheet, 1, 2, form_title(survey))
    sheet.merge_cells(start_row=1, start_column=2, end_row=1, end_column=last)
    sheet.cell(1, 2).font = Font(name="方正小标宋简体", size=18)
    sheet.cell(1, 2).alignment = _CENTER
    sheet.row_dimensions[1].height = 34
    text = INSTRUCTIONS + (f"报送时限：{survey.deadline}。" if survey.deadline else "")
    put(sheet, 2, 2, text)
    sheet.merge_cells(start_row=2, start_column=2, end_row=2, end_column=last)
    sheet.cell(2, 2).font = Font(name=FONT, size=10, color="B3261E")
    sheet.cell(2, 2).alignment = _LEFT
    sheet.row_dimensions[2].height = 48


def form_title(survey: NeedsSurvey) -> str:
    title = survey.title or f"{survey.year}年度干部教育培训需求调研"
    return title if title.endswith("表") else f"{title}表"


def _labelled(sheet, row: int, key: str, label: str, last: int) -> int:
    put(sheet, row, KEY_COLUMN, key)
    put(sheet, row, 2, f"{label}：")
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
    value = sheet.cell(row, 4)
    sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=last)
    for column in range(2, last + 1):
        sheet.cell(row, column).border = _BORDER
    sheet.cell(row, 2).font = Font(name=FONT, bold=True)
    sheet.cell(row, 2).alignment = Alignment(horizontal="right", vertical="center")
    value.font, value.fill, value.alignment = Font(name=FONT, size=12), _FILL_IN, _LEFT
    value.protection = Protection(locked=False)
    sheet.row_dimensions[row].height = 24
    return row


def _header(sheet, row: int, heads: list[str], first_category: int, month_column: int) -> int:
    """Two header rows: 需参训人数（按干部类别） over the categories; each other heading merged down both."""
    put(sheet, row, KEY_COLUMN, "group")
    put(sheet, row + 1, KEY_COLUMN, "header")
    put(sheet, row, first_category, "需参训人数（按干部类别，单位：人）")
    sheet.merge_cells(start_row=row, start_column=first_category, end_row=row, end_column=month_column - 1)
    for index, head in enumerate(heads, start=2):
        put(sheet, row + 1, index, head)
        if not first_category <= index < month_column:
            put(sheet, row, index, head)
            sheet.merge_cells(start_row=row, start_column=index, end_row=row + 1, end_column=index)
    for r in (row, row + 1):
        for index in range(2, len(heads) + 2):
            cell = sheet.cell(r, index)
            cell.font, cell.fill, cell.border, cell.alignment = Font(name=FONT, bold=True), _HEADER_FILL, _BORDER, _CENTER
    sheet.row_dimensions[row + 1].height = 44
    return row + 1


def _topic_row(sheet, row: int, key: str, number: str, topic: str, last: int, locked_topic: bool) -> None:
    put(sheet, row, KEY_COLUMN, key)
    put(sheet, row, 2, number)
    put(sheet, row, 3, topic if topic else None)
    for column in range(2, last + 1):
        cell = sheet.cell(row, column)
        cell.border, cell.font = _BORDER, Font(name=FONT, size=11)
        cell.alignment = _CENTER if column != 3 else _LEFT
        if column >= 4 or (column == 3 and not locked_topic):
            cell.protection = Protection(locked=False)
            cell.fill = _FILL_IN
    sheet.row_dimensions[row].height = 30


def _comments(sheet, row: int, last: int) -> None:
    put(sheet, row, KEY_COLUMN, "comments")
    put(sheet, row, 2, f"{COMMENTS_LABEL}（对培训内容、方式、时间等）")
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
    sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=last)
    for column in range(2, last + 1):
        sheet.cell(row, column).border = _BORDER
    sheet.cell(row, 2).font = Font(name=FONT, bold=True)
    sheet.cell(row, 2).alignment = _CENTER
    box = sheet.cell(row, 4)
    box.protection, box.fill, box.alignment = Protection(locked=False), _FILL_IN, _TOP_LEFT
    sheet.row_dimensions[row].height = 90


def _validations(book, sheet, top: int, bottom: int, first_category: int, month_column: int,
                 unit_names: list[str], contact_row: int) -> None:
    people = DataValidation(type="whole", operator="between", formula1="0", formula2=str(MAX_PEOPLE),
                            allow_blank=True, showErrorMessage=True, errorTitle="人数",
                            error=f"请填写0至{MAX_PEOPLE}之间的整数")
    people.add(f"{get_column_letter(first_category)}{top}:{get_column_letter(month_column - 1)}{bottom}")
    months = DataValidation(type="list", formula1='"' + ",".join((*MONTH_WORDS, ANY_MONTH)) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="月份", error="请从下拉列表中选择月份")
    months.add(f"{get_column_letter(month_column)}{top}:{get_column_letter(month_column + 1)}{bottom}")
    sheet.add_data_validation(people)
    sheet.add_data_validation(months)
    if unit_names:
        lists = book.create_sheet("单位名录")
        for index, name in enumerate(unit_names, start=1):
            put(lists, index, 1, name)
        lists.sheet_state = "hidden"
        units = DataValidation(type="list", formula1=f"'单位名录'!$A$1:$A${len(unit_names)}", allow_blank=True,
                               showErrorMessage=True, errorStyle="warning", errorTitle="填报单位",
                               error="单位名录中没有这个名称：请尽量从下拉列表中选择本单位")
        units.add(f"D{contact_row - 1}")
        sheet.add_data_validation(units)


def _layout(sheet, heads: list[str], header_row: int, comments_row: int) -> None:
    sheet.column_dimensions["A"].hidden = True
    widths = {"序号": 6, TOPIC_HEADER: 36, FIRST_MONTH: 9, SECOND_MONTH: 9, NOTES_HEADER: 14}
    for index, head in enumerate(heads, start=2):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(head, 8.5)
    sheet.freeze_panes = sheet.cell(header_row + 1, 4)
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row - 1}:{header_row}"
    sheet.print_area = f"B1:{get_column_letter(len(heads) + 1)}{comments_row}"
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def _protect(sheet) -> None:
    """The structure is locked (no rows or columns added or removed, the key column stays hidden); the cells
    to fill are open, and rows may be made taller for a long comment."""
    protection = sheet.protection
    protection.sheet = True
    for option in ("formatRows", "formatCells"):
        setattr(protection, option, False)
