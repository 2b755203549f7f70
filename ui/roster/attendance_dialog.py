"""考勤与结班: click or type to mark half-days, mark a whole half-day from a signed sign-in sheet,
see the flags, close the period out (or reopen it with a reason)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.domain.errors import UserError
from app.domain.status import PeriodStatus
from app.services import attendance, classes, closeout
from ui.common import messages
from ui.common.windows import remember_window
from ui.roster.attendance_model import AttendanceModel
from ui.shell.changes import Changed
from ui.shell.session import Session
from ui.shell.shortcuts import help_key

KEYS = {Qt.Key.Key_1: "出勤", Qt.Key.Key_Space: "出勤", Qt.Key.Key_2: "请假", Qt.Key.Key_3: "缺勤",
        Qt.Key.Key_Delete: "", Qt.Key.Key_Backspace: "", Qt.Key.Key_0: ""}


class AttendanceTable(QTableView):
    """Arrow keys move; 1 or Space = 出勤, 2 = 请假, 3 = 缺勤, 0 or Delete clears, then the next trainee."""

    def __init__(self, dialog: "AttendanceDialog"):
        super().__init__(dialog)
        self.dialog = dialog

    def keyPressEvent(self, event) -> None:
        mark = KEYS.get(Qt.Key(event.key()))
        index = self.currentIndex()
        if mark is not None and index.isValid() and self.dialog.model.slot_at(index.column()):
            self.dialog.set_mark(index, mark)
            below = index.siblingAtRow(min(index.row() + 1, self.model().rowCount() - 1))
            self.setCurrentIndex(below)
            return
        super().keyPressEvent(event)


class AttendanceDialog(QDialog):
    def __init__(self, session: Session, period_id: int, parent=None, order: str = "unit"):
        super().__init__(parent)
        self.session, self.period_id = session, period_id
        self.order = order  # the roster window's: both list the trainees alike
        self.model = AttendanceModel(self)
        self.table = self._make_table()
        self.status = QLabel(objectName="pageTitle", wordWrap=True)  # a long class name wraps, never widens
        self.flags_label = QLabel(wordWrap=True, objectName="note")
        self.mark_all = QPushButton("本半天全部出勤")
        self.mark_all.setToolTip("按已签字的签到表，把当前列中未登记的学员都记为出勤")
        self.close_button = QPushButton("结班…")
        self.reopen_button = QPushButton("重新开班…")
        done = QPushButton("关闭")
        self.mark_all.clicked.connect(self.mark_current_slot)
        self.close_button.clicked.connect(self.close_out)
        self.reopen_button.clicked.connect(self.reopen)
        done.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.mark_all, self.close_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        self.hint = QLabel("单击格子依次切换 出勤→请假→缺勤→空白；也可用方向键移动，按 1（或空格）出勤、2 请假、3 缺勤、0 清除。",
                           wordWrap=True, objectName="note")
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.flags_label)
        layout.addLayout(buttons)
        self.refresh()
        char = self.fontMetrics().horizontalAdvance("汉")
        remember_window(self, "attendance", char * 80, self.fontMetrics().height() * 34)
        help_key(self, "attendance")

    def _make_table(self) -> QTableView:
        table = AttendanceTable(self)
        table.setModel(self.model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # a half-day's header is "12/31" over "上": as wide as the widest date, whatever the month
        metrics = table.horizontalHeader().fontMetrics()
        table.horizontalHeader().setDefaultSectionSize(
            max(metrics.horizontalAdvance("12/31"), metrics.horizontalAdvance("汉") * 2) + 16)
        table.clicked.connect(self._clicked)
        return table

    def refresh(self) -> None:
        period = classes.get_period(self.session.db, self.period_id)
        sheet = attendance.sheet(self.session.db, self.period_id, self.order)
        flags = attendance.flags(self.session.db, self.period_id)
        self.model.set_sheet(sheet, flags)
        char = self.table.fontMetrics().horizontalAdvance("汉")
        self.table.setColumnWidth(0, char * 5)
        self.table.setColumnWidth(1, char * 8)
        closed = PeriodStatus.is_closed(period.status)
        name = classes.get_class(self.session.db, period.class_id).name
        self.period_name = f"{name} 第{period.number}期"
        self.setWindowTitle(f"考勤与结班 - {self.period_name}")
        self.status.setText(f"{name} 第{period.number}期　{period.start_date} 至 {period.end_date}　"
                            + ("已结班（名单和考勤已锁定）" if closed else f"状态：{period.status}"))
        self.flags_label.setText("提醒：" + "；".join(f"{f.person_name}{f.message}" for f in flags) if flags else "")
        self.flags_label.setVisible(bool(flags))
        for widget in (self.mark_all, self.close_button):
            widget.setEnabled(not closed and not self.session.read_only)
        self.reopen_button.setEnabled(closed and not self.session.read_only)
        self.hint.setVisible(not closed)

    def _clicked(self, index) -> None:
        if self.model.slot_at(index.column()) and self.mark_all.isEnabled():
            self.set_mark(index, self.model.next_mark(index))

    def set_mark(self, index, mark: str) -> None:
        slot = self.model.slot_at(index.column())
        trainee = self.model.trainee_at(index.row())
        if not self._try(lambda: attendance.set_mark(self.session.db, trainee.id, *slot, mark or None)):
            return
        self._changed(index)

    def mark_current_slot(self) -> None:
        index = self.table.currentIndex()
        slot = self.model.slot_at(index.column()) if index.isValid() else None
        if slot is None:
            messages.error(self, "整半天登记", "请先在表格中选中要登记的那半天（某一列）。")
            return
        if self._try(lambda: attendance.mark_slot(self.session.db, self.period_id, *slot)):
            self._changed(index)

    def close_out(self) -> None:
        basis = attendance.hours_basis(self.session.db, self.period_id)
        question = (f"结班“{self.period_name}”（{self.model.rowCount()}名学员）？\n\n将按出勤的半天为每人计入学时"
                    f"（{basis}），标记结业、退学或缺训，并锁定名单和考勤；之后要修改，须“重新开班”并说明原因。")
        if messages.choose(self, "结班", question, ["结班", "取消"], default=1) != 0:
            return
        result = self._try(lambda: closeout.close_out(self.session.db, self.period_id))
        if result:
            self._changed()
            messages.info(self, "结班", f"已结班：结业{result.completed}人，退学{result.withdrawn}人，"
                                        f"缺训{result.absent}人，共计入{result.hours:g}学时。")

    def reopen(self) -> None:
        reason, ok = QInputDialog.getText(self, "重新开班", "请说明重新开班的原因（将记入操作日志）：")
        if ok and self._try(lambda: closeout.reopen(self.session.db, self.period_id, reason)):
            self._changed()

    def _changed(self, index=None) -> None:
        self.refresh()
        if index is not None:
            self.table.setCurrentIndex(self.model.index(index.row(), index.column()))
        self.session.announce(Changed.ROSTER)

    def _try(self, work):
        try:
            return work() or True
        except UserError as problem:
            messages.error(self, "考勤", str(problem))
            return None
