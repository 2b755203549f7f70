"""Reading an hours sheet (the online college's export, another institution's list): which column holds
what, found under any title rows, and each cell made into the value an hours record holds."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.birth_dates import read_birth
from app.domain.errors import UserError
from app.domain.text import clean, to_halfwidth
from app.services.hours.ledger import FIRST_YEAR, KINDS, LAST_YEAR
from app.services.importing.cells import cell_text
from app.services.importing.reader import Sheet

# field -> (label shown to the user, header words used for it)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("姓名", ("姓名", "学员姓名", "人员姓名", "名字")),
    "id_number": ("身份证号码", ("身份证号码", "身份证号", "公民身份号码", "公民身份证号码", "身份证", "证件号码",
                              "身份证件号码")),
    "hours": ("学时", ("学时", "学习时长", "学时数", "获得学时", "完成学时", "已获学时", "总学时", "学时合计",
                     "合计学时", "累计学时")),
    "year": ("年度", ("年度", "年份", "学习年度", "培训年度")),
    "date": ("日期", ("日期", "完成日期", "学习日期", "完成时间", "获得日期", "结业日期", "培训日期")),
    "source": ("来源", ("来源", "学习平台", "平台", "培训机构", "举办单位", "主办单位", "学时来源", "培训单位")),
    "kind": ("类别", ("类别", "学习类别", "学时类别", "培训类别", "培训类型", "学习方式", "学习类型")),
    "notes": ("备注", ("备注", "课程名称", "课程", "培训项目", "项目名称", "班次名称", "培训名称", "说明")),
}
REQUIRED = ("id_number", "hours")
KIND_WORDS = {
    **dict.fromkeys(("网络学习", "网络培训", "网上学习", "在线学习", "网络", "线上学习", "线上", "网络学院"), "网络学习"),
    **dict.fromkeys(("集中培训", "脱产培训", "集中学习", "面授", "线下培训", "线下", "调训"), "集中培训"),
    **dict.fromkeys(("其他", "其它"), "其他"),
}
TOTAL_WORDS = ("合计", "总计", "小计")
_SEARCH_ROWS = 30
_NOTE = re.compile(r"[(（][^)）]*[)）]")
_EXACT = {word: key for key, (_, words) in FIELDS.items() for word in words}


@dataclass
class HoursLayout:
    header_row: int  # 0-based
    columns: dict[str, int]  # field -> 0-based column

    @property
    def labels(self) -> list[str]:
        return [FIELDS[key][0] for key in FIELDS if key in self.columns]


def _bare(text: str) -> str:
    return _NOTE.sub("", re.sub(r"[\s*＊:：]", "", to_halfwidth(text)))


def header_key(text: object) -> str | None:
    """The field a header cell names, without spaces, colons, stars or a note in brackets."""
    if not isinstance(text, str):
        return None
    bare = _bare(text)
    key = _EXACT.get(bare) or ("hours" if bare.endswith(("学时", "学时数")) and len(bare) <= 8 else None)
    if key == "hours" and "分钟" in text:
        raise UserError(f"“{text.strip()}”一列以分钟计，请先换算为学时再导入")
    return key


def _row_columns(row: list) -> dict[str, int]:
    """Each field's first column in a header row; an exact header word wins over one merely ending in 学时."""
    exact: dict[str, int] = {}
    loose: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = header_key(cell)
        if key is not None:
            (exact if _bare(cell) in _EXACT else loose).setdefault(key, index)
    return {**loose, **exact}


def find_layout(sheet: Sheet) -> HoursLayout | None:
    """The header row among the first rows: the one naming most fields, with an ID number and hours."""
    best: HoursLayout | None = None
    for index, row in enumerate(sheet.rows[:_SEARCH_ROWS]):
        columns = _row_columns(row)
        if all(key in columns for key in REQUIRED) and (best is None or len(columns) > len(best.columns)):
            best = HoursLayout(index, columns)
    return best


def choose_sheet(sheets: list[Sheet], file_name: str) -> tuple[Sheet, HoursLayout]:
    """The first sheet with a header, a shown sheet before a hidden one."""
    for sheet in sorted(sheets, key=lambda sheet: sheet.hidden):
        layout = find_layout(sheet)
        if layout is not None:
            return sheet, layout
    raise UserError(f"“{file_name}”中没有找到表头：应有“身份证号码”和“学时”两列")


def year_value(value: object) -> int | None:
    """2020, 2020.0, "2020", "2020年", "2020年度"; None when it is not a year."""
    match = re.fullmatch(r"(\d{4})(?:\.0+)?年?度?", clean(to_halfwidth(cell_text(value))).replace(" ", ""))
    return int(match.group(1)) if match and FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR else None


def kind_value(value: object) -> str | None:
    text = clean(cell_text(value)).replace(" ", "")
    return KIND_WORDS.get(text)


def date_value(value: object) -> str:
    """A date as ISO text (2020-05-08) from what a sheet holds: Excel dates, 2020/5/8, 2020年5月8日, 20200508."""
    if value in (None, ""):
        return ""
    return read_birth(value) or clean(to_halfwidth(cell_text(value))).replace(" ", "")


def kind_error(text: str) -> str:
    return f"类别“{text}”应为{'、'.join(KINDS)}之一"
