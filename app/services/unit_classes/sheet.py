"""Reading a unit's sheet of its own class (单位自办): the class's name and dates, from a title row
("xx县财政局财务人员业务培训班学员名单（2020年6月8日至12日）"), from labelled cells ("班次名称：…", "培训时间：…")
or from columns, and the trainees' columns (姓名, 身份证号码, 学时, 职务, 备注) under them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from app.domain.errors import UserError
from app.domain.text import clean, to_halfwidth
from app.services.hours import columns as hours_columns
from app.services.importing.cells import cell_text
from app.services.importing.reader import Sheet

# field -> header words, beside the hours sheet's 姓名, 身份证号码 and 学时
CLASS_WORDS = {
    "class_name": ("班次名称", "培训班名称", "班次", "培训班", "培训项目", "项目名称", "培训名称", "培训班次"),
    "start": ("开始日期", "开班日期", "起始日期", "开始时间", "开班时间"),
    "end": ("结束日期", "结班日期", "结业日期", "结束时间", "结业时间"),
    "dates": ("培训时间", "培训日期", "举办时间", "起止时间", "起止日期", "培训起止时间"),
    "post": ("职务", "职务职级", "现任职务"),
    "notes": ("备注", "说明"),
}
_WORD_KEY = {word: key for key, words in CLASS_WORDS.items() for word in words}
_TITLE_ENDS = ("参训学员名单", "参训人员名单", "学员学时登记表", "学员学时统计表", "学时登记表", "学时统计表",
               "学员花名册", "花名册", "学员名单", "人员名单", "名单", "登记表", "统计表")
_SEARCH_ROWS = 30
_FULL = r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?"
_TO = r"\s*(?:至|到|—+|-|–|~|～)\s*"
_RANGE = re.compile(_FULL + _TO + r"(?:(\d{4})\s*[年./-]\s*)?(?:(\d{1,2})\s*[月./-]\s*)?(\d{1,2})\s*日?")
_ONE = re.compile(_FULL)


@dataclass
class UnitClassLayout:
    header_row: int  # 0-based
    columns: dict[str, int]  # name, id_number, hours (always), class_name, start, end, dates, post, notes
    class_name: str = ""  # from the title or a labelled cell; a column's value wins row by row when given
    start: str = ""
    end: str = ""
    found_in: list[str] = field(default_factory=list)  # where the name and dates were read, for the preview

    @property
    def labels(self) -> list[str]:
        names = {"name": "姓名", "id_number": "身份证号码", "hours": "学时", "class_name": "班次名称",
                 "start": "开始日期", "end": "结束日期", "dates": "培训时间", "post": "职务", "notes": "备注"}
        return [label for key, label in names.items() if key in self.columns]


def _bare(text: object) -> str:
    return re.sub(r"[\s*＊:：]", "", to_halfwidth(cell_text(text)))


def _columns(row: list) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = _WORD_KEY.get(_bare(cell))
        if key is None:  # 学时 in minutes is refused there, with its reason
            key = hours_columns.header_key(cell)
            key = key if key in ("name", "id_number", "hours") else None
        if key is not None:
            found.setdefault(key, index)
    return found


def date_range(text: str) -> tuple[str, str]:
    """("2020-06-08", "2020-06-12") from 2020年6月8日至12日, 2020.6.8-6.12, 2020-06-08至2020-06-12; ("", "")
    when the text holds no range (one date gives the same day twice)."""
    text = to_halfwidth(text)
    match = _RANGE.search(text)
    try:
        if match:
            year, month, day, year2, month2, day2 = match.groups()
            start = date(int(year), int(month), int(day))
            end = date(int(year2 or year), int(month2 or month), int(day2))
            return start.isoformat(), end.isoformat()
        one = _ONE.search(text)
        if one:
            day = date(*(int(part) for part in one.groups())).isoformat()
            return day, day
    except ValueError:
        raise UserError(f"“{clean(text)}”中的培训时间不是有效日期") from None
    return "", ""


def class_name_of(title: str) -> str:
    """A title row made a class's name: the date in brackets and 学员名单 and the like taken off."""
    name = re.sub(r"[(（][^)）]*\d[^)）]*[)）]", "", clean(title))
    name = _RANGE.sub("", to_halfwidth(name)) if _RANGE.search(to_halfwidth(name)) else name
    name = name.strip(" ：:，,")
    for ending in _TITLE_ENDS:
        if name.endswith(ending) and len(name) > len(ending):
            return name.removesuffix(ending).strip(" ：:，,")
    return name


def _labelled(rows: list[list], layout: UnitClassLayout) -> None:
    """Cells above the header: "班次名称：X" in one cell or X in the next; "培训时间：…"; else the title."""
    titles = []
    for row in rows:
        texts = [clean(cell_text(cell)) for cell in row]
        for index, text in enumerate(texts):
            if not text:
                continue
            labelled = re.match(r"^([^:：]{1,12})[:：]\s*(.*)$", text)
            label, rest = labelled.groups() if labelled else (text, "")
            key = _WORD_KEY.get(_bare(label))
            value = clean(rest) or next((t for t in texts[index + 1:] if t), "")
            if key == "class_name" and value and not layout.class_name:
                layout.class_name = value
                layout.found_in.append("班次名称取自表头上方的“班次名称”")
            elif key in ("dates", "start") and value and not layout.start:
                layout.start, layout.end = date_range(value) if key == "dates" else (hours_columns.date_value(value),
                                                                                      layout.end)
                layout.found_in.append("培训时间取自表头上方的“培训时间”")
            elif key == "end" and value:
                layout.end = hours_columns.date_value(value)
            elif key is None and not _WORD_KEY.get(_bare(text)):
                titles.append(text)
    if titles and not layout.class_name:
        layout.class_name = class_name_of(titles[0])
        layout.found_in.append(f"班次名称取自标题“{titles[0]}”")
    if titles and not layout.start:
        start, end = date_range(" ".join(titles))
        if start:
            layout.start, layout.end = start, end
            layout.found_in.append("培训时间取自标题")


def find_layout(sheet: Sheet) -> UnitClassLayout | None:
    """The header row (with 身份证号码 and 学时) among the first rows, and what the rows above it say."""
    for index, row in enumerate(sheet.rows[:_SEARCH_ROWS]):
        columns = _columns(row)
        if "id_number" in columns and "hours" in columns:
            layout = UnitClassLayout(index, columns)
            _labelled(sheet.rows[:index], layout)
            return layout
    return None


def choose_sheet(sheets: list[Sheet], file_name: str) -> tuple[Sheet, UnitClassLayout]:
    for sheet in sorted(sheets, key=lambda sheet: sheet.hidden):
        layout = find_layout(sheet)
        if layout is not None:
            return sheet, layout
    raise UserError(f"“{file_name}”中没有找到表头：应有“身份证号码”和“学时”两列")
