"""Opening the 需求调研 window (one per session), on a year when asked from a plan."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.shell.session import Session
from ui.survey.survey_window import SurveyWindow

_open: dict[int, SurveyWindow] = {}


def open_survey(parent: QWidget | None, session: Session, year: int | None = None) -> SurveyWindow:
    """Shows the window, raised if already open; a year given (that has a survey) is shown."""
    window = _open.get(id(session))
    if window is None:
        window = SurveyWindow(parent.window() if parent is not None else None, session, year)
        _open[id(session)] = window
        window.destroyed.connect(lambda *_: _open.pop(id(session), None))
    elif year is not None and window.year_box.findData(year) >= 0 and not window.dirty:
        window.year_box.setCurrentIndex(window.year_box.findData(year))
    window.show()
    window.showNormal()
    window.raise_()
    window.activateWindow()
    return window
