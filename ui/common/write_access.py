"""Whether the open database may be written: not when another computer holds it or it lies where nothing can
be written (the session is read-only)."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtWidgets import QWidget

READ_ONLY_TIP = "数据库是只读打开的（正由另一台电脑使用，或位于只读的位置），只能查看"


def writable(session) -> bool:
    return not getattr(session, "read_only", False)


def enable_writes(session, widgets: Iterable[QWidget]) -> None:
    """Buttons that write are greyed out, with the reason as their tooltip, while the database is read-only."""
    can = writable(session)
    for widget in widgets:
        widget.setEnabled(can)
        if not can:
            widget.setToolTip(READ_ONLY_TIP)
