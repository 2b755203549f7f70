"""What a double-click on a period does anywhere in the window: open its roster window (one per period);
on a class, the same for the one of its periods chosen from a menu."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.domain.errors import UserError
from app.services import classes
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


def open_class_period(parent: QWidget, session: Session, class_id: int, at: QPoint) -> RosterWindow | None:
    """A class's period: its only one at once, else the one chosen from a menu at `at` (global)."""
    found = classes.list_periods(session.db, class_id=class_id)
    if not found:
        messages.info(parent, "打开名单", "这个班次还没有排期，没有名单可打开。")
        return None
    if len(found) == 1:
        return open_period(parent, session, found[0].id)
    menu = QMenu(parent)
    menu.addSection("打开哪一期的名单？")
    for period in found:
        action = QAction(f"第{period.number}期　{period.start_date} 至 {period.end_date}　{period.status}　"
                         f"{period.enrolled}人", menu)
        action.setData(period.id)
        menu.addAction(action)
    chosen = menu.exec(at)
    menu.deleteLater()
    return open_period(parent, session, chosen.data()) if chosen is not None else None
