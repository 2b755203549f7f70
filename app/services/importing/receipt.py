"""The receipt of an import, for the unit that sent the list: their rows as they sent them, each with
what became of it and, for the refused, what was wrong and how to put it right. The receipt travels,
so ID numbers in it are masked; the row number finds the row in the unit's own file."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.idcard import mask_id
from app.services.exports.xlsx import XlsxColumn, write_table
from app.services.importing.cells import cell_text
from app.services.importing.check import NEW_UNIT, RowCheck
from app.services.safety import audit
from app.storage.connection import Database

if TYPE_CHECKING:
    from app.services.importing.commit import ImportResult
    from app.services.importing.plan import ImportPlan

_DONE = {"add": "已新增", "update": "已更新", "keep": "已在档案中"}
_PLANNED = {"add": "将新增", "update": "将更新", "keep": "已在档案中"}
_LONGEST = 1000  # characters of a cell the receipt shows (Excel holds at most 32,767)


def outcome(row: RowCheck, committed: bool) -> str:
    """What became (or, before committing, will become) of a row, in a few words."""
    if row.rejected:
        return "未导入"
    text = (_DONE if committed else _PLANNED)[row.action]
    if row.enrol == "enrol":
        text += "，已加入名单" if committed else "，将加入名单"
    elif row.enrol == "already":
        text += "，已在名单中"
    return text


def explanation(row: RowCheck) -> str:
    """Why a row was refused, what to know about it (words kept as written, values taken from the ID
    number), and what was put right on the way."""
    parts = [row.reason()] if row.errors else []
    parts += row.warnings
    parts += row.remarks()
    if corrected := row.corrections():
        parts.append("已自动修正：" + "；".join(corrected))
    if row.notices.get("unit") == NEW_UNIT:
        parts.append(NEW_UNIT)
    return "；".join(part for part in parts if part)


def write_receipt(plan: ImportPlan, result: ImportResult | None, path: str | Path) -> Path:
    """Every data row of the sheet with two more columns: 导入结果 and 问题说明; refused cells in red."""
    width = max([len(plan.layout.headers), *(len(row.cells) for row in plan.rows[:200])], default=0)
    headers = [plan.layout.headers[i] if i < len(plan.layout.headers) and plan.layout.headers[i] else f"第{i + 1}列"
               for i in range(width)]
    columns = [XlsxColumn("原行号", 3, center=True)]
    columns += [XlsxColumn(header, _width(header, plan.rows, i), text=True) for i, header in enumerate(headers)]
    columns += [XlsxColumn("导入结果", 6), XlsxColumn("问题说明", 30)]
    committed = result is not None
    id_column = plan.layout.columns.get("id_number")
    rows, marks = [], {}
    for index, row in enumerate(plan.rows):
        cells = [_shown(cell_text(row.cells[i])) if i < len(row.cells) else "" for i in range(width)]
        if id_column is not None and id_column < width:
            cells[id_column] = mask_id(cells[id_column])
        rows.append([row.line, *cells, outcome(row, committed), explanation(row)])
        _mark(marks, index, row, plan.layout.columns, width)
    summary = result.summary() if committed else plan.summary() + "（预览，尚未导入）"
    subtitle = f"文件：{plan.file_name}　工作表：{plan.sheet.name}　{datetime.now():%Y-%m-%d %H:%M}　{summary}"
    if plan.warnings:
        subtitle += "　提示：" + "；".join(plan.warnings)
    return write_table(path, "导入回执", f"{Path(plan.file_name).stem} 导入回执", columns, rows,
                       subtitle=subtitle, marks=marks, landscape=True)


def export_receipt(db: Database, plan: ImportPlan, result: ImportResult | None, path: str | Path) -> Path:
    """Writes the receipt and notes it in the audit log."""
    saved = write_receipt(plan, result, path)
    audit.record(db, "导出导入回执", detail=f"{plan.file_name}：{len(plan.rows)}行，身份证号已隐去中间部分，保存为 {saved.name}")
    return saved


def _shown(text: str) -> str:
    """A cell as the receipt shows it: junk a unit pasted (a million characters) is cut short."""
    if len(text) <= _LONGEST:
        return text
    return f"{text[:_LONGEST]}…（共{len(text)}个字，以下从略）"


def _mark(marks: dict, index: int, row: RowCheck, columns: dict[str, int], width: int) -> None:
    for key in row.notices:
        if key in columns:
            marks[(index, columns[key] + 1)] = "notice"
    for key in row.errors:
        if key in columns:
            marks[(index, columns[key] + 1)] = "error"
    marks[(index, width + 1)] = "error" if row.rejected else ("notice" if row.warnings else "good")
    if row.rejected:
        marks[(index, 0)] = "error"


def _width(header: str, rows: list[RowCheck], column: int) -> float:
    longest = max([len(header), *(min(len(cell_text(r.cells[column])), 40) for r in rows[:200] if column < len(r.cells))])
    return min(max(longest * 0.6 + 1, 4), 20)
