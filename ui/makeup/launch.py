"""Opening the 补训 window (one per session), on a class when asked from one."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.makeup.makeup_window import MakeupWindow
from ui.shell.session import Session

_open: dict[int, MakeupWindow] = {}


def open_makeup(parent: QWidget | None, session: Session, class_id: int | None = None) -> MakeupWindow:
    """Shows the window, raised if already open; a class given selects it in the class filter."""
    window = _open.get(id(session))
    if window is None:
        window = MakeupWindow(parent.window() if parent is not None else None, session, class_id)
        _open[id(session)] = window
        window.destroyed.connect(lambda *_: _open.pop(id(session), None))
    elif class_id is not None:
        window.class_box.setCurrentIndex(max(window.class_box.findData(class_id), 0))
    window.show()
    window.showNormal()
    window.raise_()
    window.activateWindow()
    return window
