"""The calendar page's controls: view switch, previous / today / next, the filters and the actions."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.widgets import heading, note

VIEWS = ("月", "周", "年")


def _combo(name: str) -> QComboBox:
    combo = QComboBox(objectName=name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(7)
    return combo


class CalendarToolbar(QWidget):
    view_chosen = Signal(int)
    step = Signal(int)  # -1 back, 0 today, 1 forward
    filters_changed = Signal()

    def __init__(self, undo_buttons: list[QToolButton], parent=None):
        super().__init__(parent)
        self.count_label = note()
        self.range_label = QLabel(objectName="calendarRange")
        self.views = QButtonGroup(self)
        self.plan_filter, self.kind_filter, self.host_filter = _combo("plan"), _combo("kind"), _combo("host")
        self.undo_button, self.redo_button = undo_buttons  # the page's stack: moves dragged on the grid
        self.export_button = QPushButton("导出 .ics…")
        self.print_button = QPushButton("打印本月…")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._top_row())
        layout.addLayout(self._filter_row())

    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(heading("日历"))
        row.addSpacing(8)
        row.addWidget(self.range_label)
        row.addSpacing(8)
        for step, text, tip, keys in ((-1, "◀", "上一页", "PgUp"), (0, "今天", "回到今天", "Home"),
                                      (1, "▶", "下一页", "PgDown")):
            button = QToolButton(text=text, toolTip=f"{tip}（{keys}）")
            button.setShortcut(QKeySequence(keys))
            button.clicked.connect(lambda _=False, s=step: self.step.emit(s))
            row.addWidget(button)
        row.addSpacing(8)
        for index, text in enumerate(VIEWS):
            button = QToolButton(text=text, checkable=True, toolTip=f"{text}视图")
            self.views.addButton(button, index)
            row.addWidget(button)
        self.views.button(0).setChecked(True)
        self.views.idClicked.connect(self.view_chosen)
        row.addSpacing(8)
        row.addWidget(self.count_label, 1)
        return row

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, combo in (("计划", self.plan_filter), ("类型", self.kind_filter), ("承办", self.host_filter)):
            row.addWidget(QLabel(label))
            row.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.filters_changed)
        row.addSpacing(8)
        for button in (self.undo_button, self.redo_button, self.export_button, self.print_button):
            row.addWidget(button)
        return row

    def fill_filters(self, choices: dict[str, list]) -> None:
        """Refills the filters (another database, new classes), keeping what was chosen where it still exists."""
        lists = ((self.plan_filter, "全部计划", choices["plans"]), (self.kind_filter, "全部类型",
                 [(k, k) for k in choices["kinds"]]), (self.host_filter, "全部承办单位", [(h, h) for h in choices["hosts"]]))
        for combo, everything, items in lists:
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
                combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)  # long plan titles
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
