"""Whether the open database may be written: not when another computer holds it or it lies where nothing can
be written (the session is read-only)."""
from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtWidgets import QDialog, QWidget

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


def edit_settings(parent: QWidget, session, title: str, make_dialog: Callable[[], QDialog], changed) -> bool:
    """A settings dialog (经费标准, 讲课费标准 ...) run modal, unless the database is read-only; when it saved,
    the pages hear `changed`."""
    from ui.common import messages

    if not writable(session):
        messages.info(parent, title, READ_ONLY_TIP)
        return False
    dialog = make_dialog()
    saved = bool(dialog.exec())
    dialog.deleteLater()
    if saved:
        session.announce(changed)
    return saved
