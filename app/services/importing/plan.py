"""What an import will do, before anything is written: the options the clerk chose, and the plan (every row
checked, with what importing it will do). The pipeline makes the plan; commit writes it; receipt reports it."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.services.importing.check import RowCheck
from app.services.importing.columns import LABELS, Layout
from app.services.importing.reader import Sheet

MODES = {"add": "仅新增", "add-update": "新增并更新", "update": "仅更新"}


@dataclass
class ImportOptions:
    mode: str = "add"
    period_id: int | None = None
    unit_choices: dict[str, int] = field(default_factory=dict)  # unknown unit as written -> unit id or CREATE_UNIT
    default_unit_id: int | None = None  # for rows that leave the unit empty
    create_units: bool = False  # units not chosen for are created (the command line) instead of refused


@dataclass
class ImportPlan:
    """What importing a sheet would do, row by row; nothing has been written yet."""
    file_name: str
    sheet: Sheet
    layout: Layout
    options: ImportOptions
    rows: list[RowCheck]
    warnings: list[str] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        """What to know about the file as a whole (macros it holds, which are never run)."""
        return self.sheet.notes

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def to_enrol(self) -> int:
        return sum(1 for row in self.rows if row.enrol == "enrol" and not row.rejected)

    def kept_words(self) -> dict[str, int]:
        """Each word kept as written (not a standard one), as "职级“主任科员”", with how many imported rows hold it."""
        found: dict[str, int] = {}
        for row in self.rows:
            if not row.rejected:
                for key, word in row.kept.items():
                    label = f"{LABELS[key]}“{word}”"
                    found[label] = found.get(label, 0) + 1
        return found

    def kept_note(self, shown: int = 10) -> str:
        """The words kept as written, for the preview and the command line; empty when there are none."""
        kept = self.kept_words()
        if not kept:
            return ""
        words = "、".join(f"{word}{count}行" for word, count in list(kept.items())[:shown])
        more = f"等{len(kept)}种" if len(kept) > shown else ""
        return f"以下写法不是标准名称，按原文保存（可在“设置 → 名称规范化”中对应为标准名称）：{words}{more}"

    def summary(self) -> str:
        parts = [f"共{len(self.rows)}行", f"新增{self.count('add')}人", f"更新{self.count('update')}人",
                 f"已在档案不变{self.count('keep')}人"]
        if self.options.period_id is not None:
            parts.append(f"加入名单{self.to_enrol}人")
        parts.append(f"未通过{self.count('reject')}行")
        return "，".join(parts)
