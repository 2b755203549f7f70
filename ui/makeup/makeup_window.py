"""The 补训 window: the 待补训 of roll-call classes (点名调训) filtered by class and unit, with 安排补训…,
取消安排, 免补训…, 撤销免补训 (each a step on the window's undo stack), 导出Excel and 打印补训通知.

A window of its own rather than a tenth page of the navigation (which fits nine at 150%): the office comes
to it from where the question arises, the 班次 page, the 期次 page and a roster window, each opening it on
that class; it stays open beside them and follows their changes."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.services import classes, units
from app.services.documents import DocumentRequest
from app.services.makeup import items, writes
from ui.common import messages
from ui.common.flow_layout import FlowLayout, group
from ui.common.undo import push, undo_buttons
from ui.common.widgets import elided_heading, make_table, note
from ui.common.windows import remember_columns, remember_window
from ui.common.write_access import enable_writes
from ui.documents import print_actions
from ui.makeup.choices import LinkDialog, WaiveDialog
from ui.makeup.models import MakeupModel
from ui.shell.changes import Changed
from ui.shell.session import Session
from ui.shell.shortcuts import window_keys
from ui.stats import stats_export

RELOAD_ON = Changed.ROSTER | Changed.CLASSES | Changed.PEOPLE | Changed.UNITS | Changed.PERIODS
NO_ROLL_CALL = "还没有标为“点名调训”的班次：在班次表单的“基本信息”中勾选“点名调训”后，其未完成培训的学员列在这里。"


class MakeupWindow(QWidget):
    def __init__(self, parent: QWidget | None, session: Session, class_id: int | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle("补训 — 点名调训班次的待补训人员")
        self.title, self.facts = elided_heading("待补训人员"), note()
        self.facts.setWordWrap(True)
        self.class_box, self.unit_box = QComboBox(), QComboBox()
        self.waived = QCheckBox("显示已免补训")
        self.model = MakeupModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.link)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        self.undo_action, self.redo_action, buttons = undo_buttons(self.undo_stack, self)
        for button in buttons:
            header.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addLayout(self._filters())
        layout.addWidget(self.facts)
        layout.addLayout(self._buttons())
        layout.addWidget(self.table, 1)
        self._fill_filters(class_id)
        session.changed.connect(self._data_changed)
        session.database_changed.connect(self.close)
        remember_columns(self.table, "makeup")
        remember_window(self, "makeup", 1000, 600)
        window_keys(self, "roster")
        self.refresh()

    def _filters(self) -> FlowLayout:
        row = FlowLayout()
        for box in (self.class_box, self.unit_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
            box.currentIndexChanged.connect(self.refresh)
        self.waived.toggled.connect(self.refresh)
        row.addWidget(group(self.class_box, self.unit_box, self.waived))
        return row

    def _buttons(self) -> FlowLayout:
        self.link_button = QPushButton("安排补训…", toolTip="把选中的学员安排到一个期次补训（本班次后续期次排在前面）")
        self.unlink_button = QPushButton("取消安排", toolTip="取消尚未开始的补训安排，学员回到待补训")
        self.waive_button = QPushButton("免补训…", toolTip="说明原因后不再要求补训（如已调离、退休）")
        self.unwaive_button = QPushButton("撤销免补训", toolTip="恢复为待补训")
        self.write_buttons = [self.link_button, self.unlink_button, self.waive_button, self.unwaive_button]
        for button, slot in zip(self.write_buttons, (self.link, self.unlink, self.waive, self.unwaive), strict=True):
            button.clicked.connect(slot)
        self.export_button = QPushButton("导出Excel…")
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton("打印补训通知")
        menu = QMenu(self.print_button)
        for text, slot in (("选中学员所在单位…", self.print_unit), ("全部单位…", self.print_all)):
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.print_button.setMenu(menu)
        self.print_menu = menu
        row = FlowLayout(last_to_the_right=True)
        row.addWidget(group(*self.write_buttons))
        row.addWidget(group(self.export_button, self.print_button))
        return row

    def _fill_filters(self, class_id: int | None) -> None:
        db = self.session.db
        for box, first, choices, keep in (
                (self.class_box, "全部点名调训班次",
                 [(c.name, c.id) for c in classes.list_classes(db) if c.roll_call], class_id),
                (self.unit_box, "全部单位", [(u.name, u.id) for u in units.list_units(db)], None)):
            keep = box.currentData() if keep is None else keep
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for text, value in choices:
                box.addItem(text, value)
            box.setCurrentIndex(max(box.findData(keep), 0))
            box.blockSignals(False)

    def refresh(self) -> None:
        chosen = self.selected()
        found = items.items(self.session.db, self.class_box.currentData(), self.unit_box.currentData(),
                            include_waived=self.waived.isChecked())
        self.model.set_rows(found)
        self.facts.setText(self._summary(found) if self.class_box.count() > 1 else NO_ROLL_CALL)
        if chosen is not None:
            self.select(chosen.enrollment_id)
        self._update_buttons()

    @staticmethod
    def _summary(found: list) -> str:
        states = Counter(f.state for f in found)
        text = f"待补训{states[items.DUE] + states[items.LINKED]}人，其中已安排补训{states[items.LINKED]}人"
        if states[items.WAIVED]:
            text += f"；已免补训{states[items.WAIVED]}人"
        return text + "。补训期次结业即完成补训，不再列出。"

    def select(self, enrollment_id: int) -> bool:
        for row, found in enumerate(self.model.records()):
            if found.enrollment_id == enrollment_id:
                self.table.selectRow(row)
                return True
        return False

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        found = self.selected()
        state = found.state if found else None
        for button, when in zip(self.write_buttons, (items.DUE, items.LINKED, items.DUE, items.WAIVED), strict=True):
            button.setEnabled(state == when)
        enable_writes(self.session, [b for b in self.write_buttons if b.isEnabled()] if found else [])
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & (Changed.CLASSES | Changed.UNITS):
            self._fill_filters(None)
        if kinds & RELOAD_ON:
            self.refresh()

    def _changed(self) -> None:
        self.session.announce(Changed.ROSTER)

    def _attempt(self, title: str, work) -> bool:
        try:
            work()
        except UserError as problem:
            messages.error(self, title, str(problem))
            return False
        finally:
            self._changed()
        return True

    def link(self, *_) -> None:
        found = self.selected()
        if found is None or found.state != items.DUE or not self.link_button.isEnabled():
            return
        dialog = LinkDialog(self, self.session.db, found)
        if not dialog.exec() or dialog.period_id() is None:
            return
        self.link_to(found, dialog.period_id())

    def _refreshing(self, work):
        """An undo or redo that shows the list as it is afterwards, whether or not it could be made."""
        def run() -> None:
            try:
                work()
            finally:
                self._changed()
        return run

    def link_to(self, found, period_id: int) -> None:
        db, made = self.session.db, {}

        def do() -> None:
            made["done"] = writes.link(db, found.enrollment_id, period_id)
        if not self._attempt("安排补训", do):
            return
        push(self.undo_stack, f"安排补训：{found.line.person_name}",
             self._refreshing(lambda: writes.unlink(db, made["done"].enrollment.id)), self._refreshing(do), self)
        if made["done"].warnings:
            messages.info(self, "安排补训", "已安排。请注意：\n" + "\n".join(made["done"].warnings))

    def unlink(self) -> None:
        found = self.selected()
        if found is None or found.makeup is None:
            return
        db, period_id, kept = self.session.db, found.makeup.period_id, {"id": found.makeup.enrollment_id}
        if not self._attempt("取消安排", lambda: writes.unlink(db, kept["id"])):
            return

        def relink() -> None:
            kept["id"] = writes.link(db, found.enrollment_id, period_id).enrollment.id
        push(self.undo_stack, f"取消补训安排：{found.line.person_name}", self._refreshing(relink),
             self._refreshing(lambda: writes.unlink(db, kept["id"])), self)

    def waive(self) -> None:
        found = self.selected()
        if found is None or found.state != items.DUE:
            return
        dialog = WaiveDialog(self, found)
        if not dialog.exec():
            return
        self.waive_with(found, dialog.reason.text())

    def waive_with(self, found, reason: str) -> None:
        db, enrollment_id = self.session.db, found.enrollment_id
        if self._attempt("免补训", lambda: writes.waive(db, enrollment_id, reason)):
            push(self.undo_stack, f"免补训：{found.line.person_name}",
                 self._refreshing(lambda: writes.unwaive(db, enrollment_id)),
                 self._refreshing(lambda: writes.waive(db, enrollment_id, reason)), self)

    def unwaive(self) -> None:
        found = self.selected()
        if found is None or found.state != items.WAIVED:
            return
        db, enrollment_id, reason = self.session.db, found.enrollment_id, found.line.makeup_note
        if self._attempt("撤销免补训", lambda: writes.unwaive(db, enrollment_id)):
            push(self.undo_stack, f"撤销免补训：{found.line.person_name}",
                 self._refreshing(lambda: writes.waive(db, enrollment_id, reason)),
                 self._refreshing(lambda: writes.unwaive(db, enrollment_id)), self)

    def export(self) -> None:
        scope = "、".join(box.currentText() for box in (self.class_box, self.unit_box))
        table = stats_export.view_table(self.table, "待补训", "点名调训班次待补训人员", subtitle=scope)
        stats_export.export(self, self.session.db, [table], personal=True)

    def print_unit(self) -> None:
        found = self.selected()
        if found is None or found.line.unit_id is None:
            messages.info(self, "打印补训通知", "请先选择一位学员，打印其所在单位的补训通知。")
            return
        print_actions.print_document(self, self.session, DocumentRequest("makeup-notice", unit_id=found.line.unit_id))

    def print_all(self) -> None:
        years = Counter(f.makeup.start_date[:4] for f in items.items(self.session.db) if f.makeup)
        if not years:
            messages.info(self, "打印补训通知", "还没有安排补训期次的学员：先选择学员“安排补训…”，再打印补训通知。")
            return
        year = int(max(years))  # the latest year with make-ups arranged: the notices still to send
        print_actions.print_document(self, self.session, DocumentRequest("makeup-notice", year=year))
