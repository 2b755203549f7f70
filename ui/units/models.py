"""The units page's columns."""
from __future__ import annotations

from ui.common.record_model import Column, RecordTableModel, attr


class UnitsModel(RecordTableModel):
    columns = (
        Column("顺序", attr("sort_order"), 4, numeric=True),
        Column("单位名称", attr("name"), 16),
        Column("单位类型", attr("kind"), 7),
        Column("人数", attr("people_count"), 4, numeric=True),
        Column("联系人", attr("contact_name"), 6),
        Column("联系电话", attr("contact_phone"), 11),
    )
