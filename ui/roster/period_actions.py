"""What a double-click on a period does anywhere in the window: open its roster window (one per period)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.domain.errors import UserError
from ui.common import messages
from ui.roster.roster_window import RosterWindow
from ui.shell.session import Session

_open: dict[tuple[int, int], RosterWindow] = {}


def open_period(parent: QWidget | None, session: Session, period_id: int) -> RosterWindow | None:
    """Shows the roster window of the period, raising it when it is already open."""
    key = (id(session), period_id)
    window = _open.get(key)
    if window is not None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        return window
    try:
        window = RosterWindow(parent.window() if parent is not None else None, session, period_id)
    except UserError as problem:
        messages.error(parent, "无法打开名单", str(problem))
        return None
    _open[key] = window
    window.destroyed.connect(lambda *_: _open.pop(key, None))
    window.show()
    return window
