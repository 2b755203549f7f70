"""The 课程表 tab of a period's window: the grid of days by half-days, the totals and shares under it, and its
tools (添加, 编辑, 删除; copying from another period or last year's; 导出Excel; 打印课程表). A closed period's
timetable, or one in a read-only database, is only shown."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import UserError
from app.domain.status import PeriodStatus
from app.services import roster as roster_service
from app.services.documents import DocumentRequest
from app.services.exports.timetable import export_timetable
from app.services.progress import Cancelled
from app.services.safety import error_log
from app.services.teaching import bookings, shares, timetable, timetable_copy, timetable_undo
from ui.common import messages
from ui.common.files import export_workbook
from ui.common.flow_layout import FlowLayout, group
from ui.common.keys import on_keys
from ui.common.tab_parts import tab_button
from ui.common.widgets import note
from ui.common.write_access import READ_ONLY_TIP, writable
from ui.documents import print_actions
from ui.shell.changes import Changed
from ui.shell.ops import run_op
from ui.timetable.import_dialog import open_timetable_import
from ui.timetable.timetable_edits import TimetableEdits
from ui.timetable.timetable_model import TimetableModel
from ui.timetable.timetable_view import TimetableView

RELOAD_ON = (Changed.TIMETABLE | Changed.TEACHING | Changed.PERIODS | Changed.ROSTER | Changed.CLASSES
             | Changed.SETTINGS)
CLOSED_NOTE = "本期已结班，课程表已锁定，只能查看、打印和导出；如需修改，请先“重新开班”。"
REPLACE_QUESTION = "本期已有{count}节课。用{source}的课程表替换吗？\n（替换前自动备份，也可用“撤销”（Ctrl+Z）恢复）"


class TimetableTab(TimetableEdits, QWidget):
    counted = Signal(int)  # how many sessions, for the tab's title

    def __init__(self, session, period_id: int, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.period_id, self.undo_stack = session, period_id, undo_stack
        self.period = roster_service.period_of(session.db, period_id)
        self.model = TimetableModel(self)
        self.view = TimetableView(self.model, self)
        self.view.add_requested.connect(self.add)
        self.view.edit_requested.connect(self.edit)
        self.view.dropped.connect(self.place)
        self.view.current_changed.connect(self._enable)
        self.totals, self.lock_note = QLabel(wordWrap=True), note()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.lock_note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals)
        self._menu_and_keys()
        session.changed.connect(self._data_changed)
        self.refresh()

    def _toolbar(self) -> FlowLayout:
        self.add_button = tab_button("添加课程…", lambda: self.add(), "在选中的半天添加一节课（或双击空白处）")
        self.edit_button = tab_button("编辑…", lambda: self.edit(), "修改选中的课（或双击它）")
        self.delete_button = tab_button("删除", self.delete, "删除选中的课（Del），可撤销")
        self.copy_other = tab_button("从其他期次复制…", self.copy_from_period, "按日期顺延复制另一期的课程表")
        self.copy_last_year = tab_button("从去年同班次复制", self.copy_from_last_year,
                                         "复制去年同名班次同一期（没有时为第1期）的课程表")
        self.export_button = tab_button("导出Excel…", self.export)
        self.print_button = tab_button("打印课程表…", self.print_timetable)
        self.write_buttons = [self.add_button, self.edit_button, self.delete_button, self.copy_other,
                              self.copy_last_year]
        copying = [self.copy_other, self.copy_last_year]
        importing = self._import_button()
        copying.append(importing)
        self.write_buttons.append(importing)
        bar = FlowLayout(last_to_the_right=True)
        bar.addWidget(group(self.add_button, self.edit_button, self.delete_button))
        bar.addWidget(group(*copying))
        bar.addWidget(group(self.export_button, self.print_button))
        return bar

    def _import_button(self) -> QPushButton:
        """导入课程表…: it joins the copying tools, greyed out with them."""
        return tab_button("导入课程表…", lambda: open_timetable_import(self.window(), self.session, self.period_id),
                          "导入党校或承办单位发来的 Excel 课程表")

    def _menu_and_keys(self) -> None:
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.actions_ = {}
        for text, slot, keys in (("添加课程…", lambda: self.add(), ()), ("编辑…", lambda: self.edit(), ()),
                                 ("复制", self.copy, (QKeySequence.StandardKey.Copy,)),
                                 ("粘贴", self.paste, (QKeySequence.StandardKey.Paste,)),
                                 ("删除", self.delete, ())):
            action = QAction(text, self.view)
            action.triggered.connect(slot)
            if keys:
                action.setShortcuts(list(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
            self.actions_[text] = action
        on_keys(self.view, (Qt.Key.Key_Delete,), self.delete)
        on_keys(self.view, (Qt.Key.Key_Return, Qt.Key.Key_Enter), self._open_current)

    def _open_current(self) -> None:
        if self.view.current_session() is not None:
            self.edit()
        elif self.view.currentIndex().isValid():
            self.add()

    def locked_reason(self) -> str:
        if not writable(self.session):
            return READ_ONLY_TIP
        return CLOSED_NOTE if PeriodStatus.is_closed(self.period.status) else ""

    def refresh(self) -> None:
        db = self.session.db
        self.period = roster_service.period_of(db, self.period_id)
        rows = timetable.timetable(db, self.period_id)
        self.model.set_timetable(timetable.days_of(self.period), rows, bookings.lecturer_conflicts(db, self.period_id))
        summary = shares.totals(rows)
        clashes = len(self.model.conflicts)
        hint = "：双击某个半天添加课程，或从其他期次、去年同班次复制" if not rows else ""
        self.totals.setText(summary.text() + hint +
                            (f"　⚠ {clashes}节课的授课人同一时段在其他期次授课（红框）" if clashes else ""))
        self.counted.emit(len(rows))
        reason = self.locked_reason()
        self.lock_note.setText(reason)
        self.lock_note.setVisible(bool(reason))
        self.view.editable = not reason
        self._enable()

    def _enable(self) -> None:
        reason = self.locked_reason()
        for button in self.write_buttons:
            button.setEnabled(not reason)
        has_current = self.view.current_session() is not None
        self.edit_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current and not reason)
        for text in ("添加课程…", "粘贴", "删除"):
            self.actions_[text].setEnabled(not reason)
        has_rows = bool(self.model.cells)
        self.export_button.setEnabled(has_rows)
        self.print_button.setEnabled(has_rows)

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()

    def session_count(self) -> int:
        return sum(len(group) for group in self.model.cells.values())

    # Copying a whole timetable

    def copy_from_period(self) -> None:
        if self._locked("从其他期次复制"):
            return
        sources = timetable_copy.source_periods(self.session.db, self.period_id)
        if not sources:
            messages.info(self, "从其他期次复制", "其他期次都还没有课程表。")
            return
        labels = [roster_service.period_title(p) for p in sources]
        chosen, ok = QInputDialog.getItem(self, "从其他期次复制", "复制哪一期的课程表（按日期顺延到本期）：", labels, 0, False)
        if ok and chosen:
            source = sources[labels.index(chosen)]
            self._replace_with(chosen, lambda db: timetable.copy_timetable(db, source.id, self.period_id))

    def copy_from_last_year(self) -> None:
        if self._locked("从去年同班次复制"):
            return
        source = timetable_copy.last_years_period(self.session.db, self.period_id)
        if source is None:
            year = int(self.period.start_date[:4]) - 1
            messages.info(self, "从去年同班次复制", f"没有找到{year}年的“{self.period.class_name}”。")
            return
        self._replace_with(roster_service.period_title(source),
                           lambda db: timetable_copy.copy_from_last_year(db, self.period_id)[1:])

    def _replace_with(self, source: str, work) -> None:
        """Asks before replacing sessions, copies in a worker (a backup comes first), then pushes the step."""
        count = self.session_count()
        if count and messages.choose(self, "复制课程表", REPLACE_QUESTION.format(count=count, source=source),
                                     ["替换", "取消"], default=1) != 0:
            return
        before = timetable_undo.period_snapshot(self.session.db, self.period_id)

        def done(result: tuple[int, int]) -> None:
            copied, left_out = result
            after = timetable_undo.period_snapshot(self.session.db, self.period_id)
            self.push(f"复制课程表：{source}", {**{k: None for k in after}, **before},
                      {**{k: None for k in before}, **after})
            text = f"已从{source}复制{copied}节课。"
            if left_out:
                text += f"\n本期较短，超出本期结束日期的{left_out}节课未复制。"
            messages.info(self, "复制课程表", text)

        self.copy_task = run_op(self, self.session, lambda db, progress: work(db), changed=Changed.TIMETABLE,
                                label="正在复制课程表…", on_done=done, on_error=self._copy_failed)

    def _copy_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        reason = str(error) if isinstance(error, UserError) else error_log.internal_error(error)
        messages.error(self, "未能复制课程表", f"{reason}\n\n课程表未作改动。")

    # Out of the program

    def export(self) -> None:
        export_workbook(self, "导出课程表", f"{self.period.class_name}第{self.period.number}期课程表.xlsx",
                        lambda path: export_timetable(self.session.db, self.period_id, path))

    def print_timetable(self):
        return print_actions.print_document(self, self.session, DocumentRequest("timetable", period_id=self.period_id))
