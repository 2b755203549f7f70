"""Which column of a unit's sheet holds which field: header synonyms, and finding the header row
under title rows, merged cells and two-row headers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.services.importing.headers import HeaderWords

# field -> (label shown to the user, header words units use for it; the first is the template's)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("姓名", ("姓名", "名字", "学员姓名", "人员姓名")),
    "gender": ("性别", ("性别",)),
    "ethnicity": ("民族", ("民族",)),
    "birth_date": ("出生日期", ("出生日期", "出生年月", "出生年月日", "出生时间", "生日")),
    "id_number": ("身份证号码", ("身份证号码", "身份证号", "公民身份号码", "公民身份证号码", "身份证",
                              "证件号码", "身份号码")),
    "unit": ("工作单位", ("工作单位", "单位", "单位名称", "所在单位", "工作单位名称")),
    "post": ("职务", ("职务", "现任职务", "现职务", "职位", "岗位")),
    "rank": ("职级", ("职级", "现任职级", "职务层次", "职级层次", "级别", "职务级别")),
    "cadre_category": ("干部类别", ("干部类别", "人员类别", "干部类型", "类别")),
    "political_status": ("政治面貌", ("政治面貌", "党派")),
    "education": ("学历", ("学历", "文化程度", "最高学历", "全日制学历")),
    "phone": ("联系电话", ("联系电话", "手机", "手机号码", "手机号", "电话", "联系方式", "移动电话", "电话号码")),
    "key_problems": ("重点难点问题或典型案例", ("重点难点问题或典型案例", "重点难点问题", "重点难点问题或案例",
                                       "典型案例", "关注问题", "重点难点")),
    "notes": ("备注", ("备注", "说明")),
}
LABELS = {key: label for key, (label, _) in FIELDS.items()}
REQUIRED = ("name", "id_number")
_SEARCH_ROWS = 30
_HEADERS = HeaderWords(FIELDS)


def header_key(text: object) -> str | None:
    """The field a header cell names: exactly, without notes in brackets, or by its longest known word."""
    return _HEADERS.key(text)


@dataclass
class Layout:
    """Where the header is (0-based row index), where data starts, and each field's column."""
    header_row: int
    data_row: int
    headers: list[str]
    columns: dict[str, int] = field(default_factory=dict)

    @property
    def score(self) -> int:
        return len(self.columns)

    @property
    def usable(self) -> bool:
        return "name" in self.columns or "id_number" in self.columns


def _row_keys(row: list) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = header_key(cell)
        if key and key not in found:
            found[key] = index
    return found


def _text(cell: object) -> str:
    return cell.strip() if isinstance(cell, str) else ""


def _looks_like_data(cell: object) -> bool:
    """An ID number or a number: a row holding one is data, never a second header row."""
    return not isinstance(cell, str) or bool(re.fullmatch(r"\s*\d{6,}[\dXx]?\s*", cell))


def layout_at(rows: list[list], header_row: int) -> Layout:
    """The layout when the header is at header_row; a second header row below it is merged in."""
    top = [_text(cell) for cell in rows[header_row]] if header_row < len(rows) else []
    below = rows[header_row + 1] if header_row + 1 < len(rows) else []
    sub = {} if any(_looks_like_data(cell) for cell in below) else _row_keys(below)
    two_rows = bool(sub) and all(not top[i] or header_key(top[i]) is None or header_key(top[i]) == key
                                 for key, i in sub.items() if i < len(top))
    headers = list(top)
    if two_rows:
        for index, cell in enumerate(below):
            text = _text(cell)
            if text:
                while len(headers) <= index:
                    headers.append("")
                headers[index] = text
    return Layout(header_row, header_row + (2 if two_rows else 1), headers, _row_keys(headers))


def find_layout(rows: list[list]) -> Layout | None:
    """The most header-like of the first rows (most fields named, at least two and a name or an ID)."""
    best: Layout | None = None
    for index in range(min(len(rows), _SEARCH_ROWS)):
        if len(_row_keys(rows[index])) < 2:
            continue
        layout = layout_at(rows, index)
        if layout.usable and (best is None or layout.score > best.score):
            best = layout
    return best
