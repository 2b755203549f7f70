"""The 待补训 list's table: each trainee of a roll-call class who did not complete, why, and what is done."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.makeup import items
from ui.common.record_model import Column, RecordTableModel
from ui.roster.roster_models import MUTED_BRUSH


def _done(found) -> str:
    if found.waived:
        return f"免补训：{found.line.makeup_note}"
    return found.makeup_title


class MakeupModel(RecordTableModel):
    """Rows are app.services.makeup.items.MakeupItem."""

    columns = (
        Column("姓名", lambda f: f.line.person_name, 5),
        Column("工作单位", lambda f: f.line.unit_name, 9),
        Column("未完成的期次", lambda f: f.missed_title, 15, elide_middle=True),
        Column("原因", lambda f: f.reason.split("（")[0], 7),
        Column("状态", lambda f: f.state, 6),
        Column("补训期次 / 免补训原因", _done, 17, elide_middle=True),
        Column("职务", lambda f: f.line.post, 6),
        Column("培训时间", lambda f: f"{f.line.start_date} 至 {f.line.end_date[5:]}", 10),
    )
    REASON_COLUMN = 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and 0 <= index.row() < len(self._rows):
            found = self._rows[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole and found.state == items.WAIVED:
                return MUTED_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.REASON_COLUMN:
                return found.reason  # with the hours of leave against the limit
        return super().data(index, role)
