"""期次: the class's periods in a table, the selected one's fields under it, add / delete / archive (each a step
on the form's undo stack; typing in a field has the field's own undo), and a saved period's roster (打开名单,
or a double-click)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFormLayout, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain import vocab
from app.domain.models import PeriodRow
from app.services import classes
from ui.classes.class_tabs import form_layout, scrolling
from ui.classes.period_drafts import PeriodDraftsModel
from ui.common import messages
from ui.common.fields import Fields
from ui.common.undo import inserted, push, removed
from ui.common.widgets import make_table, note


class PeriodsTab(QWidget):
    changed = Signal()
    roster_wanted = Signal(int)  # a saved period's id: the form closes and its roster window opens

    def __init__(self, db, class_fields: Fields, periods: list[PeriodRow]):
        super().__init__()
        self.db, self.class_fields = db, class_fields
        self.undo_stack: QUndoStack | None = None  # the class form's
        self.removed_ids: list[int] = []
        self.model = PeriodDraftsModel(self)
        self.model.set_rows([replace(p) for p in periods])
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3 + 30)
        self.fields = Fields(self._period_edited)
        self.editor = self._editor()
        self.archive_button = QPushButton("归档本期")
        self.roster_button = QPushButton("打开名单", toolTip="关闭本表单，打开本期的学员名单（也可双击期次）")
        layout = QVBoxLayout(self)
        layout.addLayout(self._planned_row(class_fields))
        layout.addWidget(self.table, 2)
        layout.addLayout(self._buttons())
        layout.addWidget(scrolling(self.editor), 3)
        self.table.selectionModel().selectionChanged.connect(self._show_current)
        self.table.doubleClicked.connect(self.open_roster)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show_current()

    @staticmethod
    def _planned_row(class_fields: Fields) -> QHBoxLayout:
        row = QHBoxLayout()
        form = QFormLayout()
        form.addRow("计划期数", class_fields.number("planned_periods", 99, " 期"))
        row.addLayout(form)
        form = QFormLayout()
        form.addRow("每期人数", class_fields.number("trainees_per_period", 9999, " 人"))
        row.addLayout(form)
        row.addStretch(1)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (("添加期次", lambda: self.add_period()), ("删除本期", self.remove_period)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.archive_button.clicked.connect(self.toggle_archived)
        row.addWidget(self.archive_button)
        self.roster_button.clicked.connect(self.open_roster)
        row.addWidget(self.roster_button)
        row.addStretch(1)
        row.addWidget(note("状态：筹备 → 通知 → 报名 → 开班 → 结班"))
        return row

    def _editor(self) -> QWidget:
        f = self.fields
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        left, right = QWidget(), QWidget()
        form = form_layout(left)
        form.addRow("期次", f.number("number", 99))
        form.addRow("开始日期", f.date("start_date"))
        form.addRow("结束日期", f.date("end_date"))
        form.addRow("状态", f.choice("status", [(s, s) for s in vocab.words("period_statuses")]))
        form = form_layout(right)
        form.addRow("报到时间", f.line("report_time", "如 2020-03-02 08:30"))
        form.addRow("报到地点", f.line("report_place"))
        form.addRow("培训地点", f.line("place", "不填则用班次的培训地点"))
        form.addRow("容量", f.number("capacity", 9999, " 人"))
        grid.addWidget(left, 0, 0)
        grid.addWidget(right, 0, 1)
        notes = QWidget()
        form_layout(notes).addRow("备注", f.line("notes"))
        grid.addWidget(notes, 1, 0, 1, 2)
        return box

    def reload(self, periods: list[PeriodRow]) -> None:
        """The periods as stored now (the class form reloaded), none removed."""
        self.removed_ids.clear()
        self.model.set_rows([replace(p) for p in periods])
        self.select(periods[0].id if periods else None)

    def periods(self) -> list[PeriodRow]:
        return self.model.records()

    def current_row(self) -> int:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].row() if indexes else -1

    def select(self, period_id: int | None) -> None:
        for row, period in enumerate(self.periods()):
            if period.id == period_id:
                self.table.selectRow(row)

    def _show_current(self) -> None:
        row = self.current_row()
        self.editor.setEnabled(row >= 0)
        saved = row >= 0 and self.periods()[row].id is not None
        self.archive_button.setEnabled(saved)
        self.roster_button.setEnabled(saved)  # a new period has no roster until the class is saved
        if row >= 0:
            period = self.periods()[row]
            self.fields.load(period)
            self.archive_button.setText("恢复本期" if period.archived else "归档本期")
        self.changed.emit()

    def open_roster(self, *_) -> None:
        row = self.current_row()
        if row >= 0 and self.periods()[row].id is not None:
            self.roster_wanted.emit(self.periods()[row].id)

    def _period_edited(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        before, after = self.periods()[row], self.fields.read(self.periods()[row])
        if after.start_date != before.start_date and after.report_time[:10] == before.start_date:
            after = replace(after, report_time=after.start_date + after.report_time[10:])  # report on the first day
            self.fields.load(after)
        self.model.replace_row(row, after)
        self.changed.emit()

    def add_period(self) -> None:
        """A new period after the last one, as long as the class's 学制, for the planned number of trainees."""
        periods = self.periods()
        last_end = max((p.end_date for p in periods), default="")
        start = date.fromisoformat(last_end) + timedelta(days=1) if last_end else date.today()
        place = periods[-1].report_place if periods else ""
        number = max((p.number for p in periods), default=0) + 1
        length = max(1, self.class_fields.bindings["length_days"].get())
        period = PeriodRow(class_id=0, number=number, start_date=start.isoformat(),
                           end_date=(start + timedelta(days=length - 1)).isoformat(), report_place=place,
                           capacity=self.class_fields.bindings["trainees_per_period"].get())
        row = self._put(len(periods), period)
        inserted(self.undo_stack, f"添加第{number}期", self._take, self._put, row, self)

    def remove_period(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        period = self.periods()[row]
        if period.id and (count := classes.enrollment_count(self.db, period_id=period.id)):
            text = (f"第{period.number}期已有{count}条学员记录，不能删除。\n\n"
                    "可以归档：该期不再出现在日历和各类名单中，学员记录全部保留，需要时还可恢复。")
            if messages.choose(self, "不能删除", text, ["归档本期", "取消"]) == 0:
                self._archive_step(row, True)
            return
        removed(self.undo_stack, f"删除第{period.number}期", self._take, self._put, row, self._take(row), self)

    def _take(self, row: int) -> PeriodRow:
        """Takes the row's period out (a saved one is deleted when the form is saved)."""
        period = self.periods()[row]
        if period.id:
            self.removed_ids.append(period.id)
        self.model.set_rows(self.periods()[:row] + self.periods()[row + 1:])
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self._show_current()
        return period

    def _put(self, row: int, period: PeriodRow) -> int:
        if period.id in self.removed_ids:
            self.removed_ids.remove(period.id)
        self.model.set_rows(self.periods()[:row] + [period] + self.periods()[row:])
        self.table.selectRow(row)
        self._show_current()
        return row

    def toggle_archived(self) -> None:
        row = self.current_row()
        if row >= 0:
            self._archive_step(row, not self.periods()[row].archived)

    def _archive_step(self, row: int, archived: bool) -> None:
        self._set_archived(row, archived)
        push(self.undo_stack, f"{'归档' if archived else '恢复'}第{self.periods()[row].number}期",
             lambda: self._set_archived(row, not archived), lambda: self._set_archived(row, archived), self)

    def _set_archived(self, row: int, archived: bool) -> None:
        self.model.replace_row(row, replace(self.periods()[row], archived=archived))
        self.table.selectRow(row)
        self._show_current()

    def show_messages(self, errors: dict[str, str], warnings: dict[int, dict[str, list[str]]]) -> None:
        """errors keyed "periods.0.end_date"; warnings per row, then per field."""
        by_row: dict[int, dict[str, str]] = {}
        for key, text in errors.items():
            if key.startswith("periods."):
                _, row, field = key.split(".")
                by_row.setdefault(int(row), {})[field] = text
        self.model.set_marks({row: list(found.values()) for row, found in by_row.items()},
                             {row: [t for texts in found.values() for t in texts] for row, found in warnings.items()})
        row = self.current_row()
        self.fields.show(by_row.get(row, {}), warnings.get(row, {}))
