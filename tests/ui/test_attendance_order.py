"""考勤与结班 lists the trainees in the order the roster window shows them."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services import periods
from tests.ui.helpers import when_dialog_opens
from ui.roster.period_actions import open_period


def test_the_attendance_sheet_follows_the_rosters_order(qtbot, window):
    period = next(e for e in periods.entries(window.session.db) if e.label == "县管副职领导干部进修班 第2期")
    roster = open_period(window, window.session, period.id)
    attendance_button = next(b for b in roster.findChildren(QPushButton) if b.text() == "考勤与结班…")
    seen = []
    for text in ("按姓氏笔画", "按姓名拼音", "按单位顺序"):
        roster.order.setCurrentIndex(roster.order.findText(text))
        shown = [line.name for line in roster.model.records() if line.active]

        def look(dialog, shown=shown):
            seen.append([dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())] == shown)
            dialog.accept()
        when_dialog_opens(look)
        qtbot.mouseClick(attendance_button, Qt.MouseButton.LeftButton)
    assert seen == [True, True, True]
    roster.close()
