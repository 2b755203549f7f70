"""Which column of a timetable holds what: header synonyms, and the header row found under titles and notes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.errors import UserError
from app.services.importing.headers import HeaderWords
from app.services.importing.reader import Sheet

# field -> (label shown to the user, header words Party schools and hosts use for it)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "day": ("日期", ("日期", "上课日期", "授课日期", "月日", "日期星期", "日期(星期)")),
    "half": ("时段", ("时段", "上下午", "半天", "时间段")),
    "time": ("时间", ("时间", "上课时间", "授课时间", "起止时间", "具体时间", "开始时间", "起始时间")),
    "end": ("结束时间", ("结束时间", "终止时间", "下课时间")),
    "topic": ("教学内容", ("教学内容", "课程名称", "课程内容", "课程", "专题", "专题名称", "课题", "内容", "教学专题",
                       "培训内容", "学习内容", "授课内容", "课程安排", "教学安排", "主要内容")),
    "lecturer": ("授课人", ("授课人", "主讲人", "授课教师", "教师", "主讲", "授课", "讲课人", "主讲教师", "授课老师",
                         "老师", "师资", "授课专家", "主讲嘉宾")),
    "post": ("职务职称", ("职务职称", "授课人职务", "职务", "职称", "主讲人职务", "授课人职务职称", "单位及职务",
                      "职务/职称", "工作单位及职务", "授课人单位及职务")),
    "unit": ("授课人单位", ("授课人单位", "单位", "工作单位", "所在单位", "主讲人单位")),
    "place": ("地点", ("地点", "教学地点", "上课地点", "授课地点", "教室", "场地", "培训地点", "活动地点")),
    "form": ("教学形式", ("教学形式", "形式", "类别", "授课形式", "课程类别", "教学方式", "课程类型", "方式")),
    "hours": ("学时", ("学时", "课时", "学时数", "课时数")),
    "notes": ("备注", ("备注", "说明")),
}
LABELS = {key: label for key, (label, _) in FIELDS.items()}
REQUIRED = ("day", "topic")
_SEARCH_ROWS = 30
# only exact headers name the lecturer's unit: 承办单位 or 责任单位 is whoever runs the session
_HEADERS = HeaderWords(FIELDS, noise=re.compile(r"[\s*＊:：、]|[(（][^)）]*[)）]"), sentence=10, exact_only=("unit",))


def header_key(text: object) -> str | None:
    """The field a header cell names: exactly, without notes in brackets, or by the longest word it holds."""
    return _HEADERS.key(text)


@dataclass
class TimetableLayout:
    """The header's row (0-based) and each field's column (0-based)."""
    header_row: int
    columns: dict[str, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # field -> the header as the file writes it

    @property
    def labels(self) -> list[str]:
        return [LABELS[key] for key in FIELDS if key in self.columns]

    def mapping(self) -> list[tuple[str, str]]:
        """(the file's header, the field it is read as), in the file's column order."""
        return [(self.headers[key], LABELS[key]) for key in sorted(self.columns, key=self.columns.get)]


def _row_layout(index: int, row: list) -> TimetableLayout:
    layout = TimetableLayout(index)
    for column, cell in enumerate(row):
        key = header_key(cell)
        if key and key not in layout.columns:
            layout.columns[key] = column
            layout.headers[key] = re.sub(r"\s+", "", str(cell))
    if "day" not in layout.columns and "time" in layout.columns:  # 时间: 3月2日上午, 3月2日 8:30-11:30
        layout.columns["day"], layout.headers["day"] = layout.columns["time"], layout.headers["time"]
    return layout


def find_layout(sheet: Sheet) -> TimetableLayout | None:
    """The most header-like of the first rows: the one naming most fields, with a date and a topic."""
    best: TimetableLayout | None = None
    for index, row in enumerate(sheet.rows[:_SEARCH_ROWS]):
        layout = _row_layout(index, row)
        if all(key in layout.columns for key in REQUIRED) and (best is None or len(layout.columns) > len(best.columns)):
            best = layout
    return best


def choose_sheets(sheets: list[Sheet], file_name: str) -> list[tuple[Sheet, TimetableLayout]]:
    """Every sheet with a header (a timetable per week is common), the shown ones; the hidden ones only
    when no shown sheet has one."""
    found = [(sheet, layout) for sheet in sheets if (layout := find_layout(sheet)) is not None]
    shown = [(sheet, layout) for sheet, layout in found if not sheet.hidden]
    if not found:
        raise UserError(f"“{file_name}”的前{_SEARCH_ROWS}行中找不到课程表的表头（应有“日期”和“教学内容”"
                        "（或“课程名称”“专题”）两列），请检查是否选对了文件")
    return shown or found
