"""导入课程表: choose the Excel a Party school or host sent, see the columns found, the sessions as they will be
stored and the rows left out with their reasons, confirm replacing a timetable the period has, and import
(read and written off the UI thread, in one transaction, after a backup)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.services import roster
from app.services.teaching.timetable_import.pipeline import (
    FILE_FILTER,
    PlannedSession,
    TimetableImport,
    analyse,
    commit,
    planned,
)
from app.services.teaching.timetable_import.rows import IMPORTED
from ui.common import messages
from ui.common.files import ask_open_file
from ui.common.widgets import ElidedLabel, make_table, note
from ui.common.windows import fit_window
from ui.common.write_access import enable_writes, writable
from ui.shell.changes import NOTHING, Changed
from ui.shell.ops import run_op
from ui.shell.session import Session
from ui.shell.tasks import Task
from ui.timetable.import_models import LeftOutRowsModel, PlannedSessionsModel

BANNER_STYLE = "color: #7f1d1d; background: #fdecea; border: 1px solid #f5c2c0; padding: 5px;"


def ask_file(parent: QWidget) -> Path | None:
    """The file the user picked (None when cancelled), from the folder last opened; tests replace this."""
    return ask_open_file(parent, "选择课程表文件", FILE_FILTER)


def open_timetable_import(parent: QWidget, session: Session, period_id: int) -> Task | None:
    """Asks for the file, reads it off the UI thread, then shows what will be imported."""
    try:
        roster.ensure_open(session.db, period_id)  # said before a file is chosen for nothing
    except UserError as problem:
        messages.error(parent, "无法导入课程表", str(problem))
        return None
    path = ask_file(parent)
    if path is None:
        return None

    def read(db, progress):
        found = analyse(db, path, period_id, progress)
        return found, planned(db, found)

    def show(result: tuple[TimetableImport, list[PlannedSession]]) -> None:
        dialog = TimetableImportDialog(parent, session, *result)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal without a nested event loop inside the task's signal

    return run_op(parent, session, read, changed=NOTHING, label="正在读取课程表…", on_done=show)


class TimetableImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session, found: TimetableImport,
                 sessions: list[PlannedSession]):
        super().__init__(parent)
        self.session, self.found, self.task = session, found, None
        self.setWindowTitle(f"导入课程表 — {found.period_title}")
        layout = QVBoxLayout(self)
        layout.addWidget(ElidedLabel(f"{found.file_name}（{found.source}）→ {found.period_title}", object_name="note"))
        for text in ["识别的列：" + "、".join(f"{header}→{label}" if header != label else label
                                         for header, label in found.layout.mapping()),
                     *(f"提示：{text}" for text in found.notes)]:
            label = note(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.sessions_model, self.left_out_model = PlannedSessionsModel(self), LeftOutRowsModel(self)
        self.sessions_model.set_rows(sessions)
        self.left_out_model.set_rows([row for row in found.rows if row.status != IMPORTED])
        self.tabs = QTabWidget()
        self.tabs.addTab(self._table(self.sessions_model, 4), f"将导入的课程（{len(sessions)}节）")
        self.tabs.addTab(self._table(self.left_out_model, 3), f"未导入的行（{self.left_out_model.rowCount()}行）")
        if found.refused:
            self.tabs.setCurrentIndex(1)
        layout.addWidget(self.tabs, 1)
        self.summary = QLabel(self._summary(), wordWrap=True)
        self.summary.setStyleSheet("font-weight: bold;" + (BANNER_STYLE if found.existing else ""))
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self._buttons(), 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 88, self.fontMetrics().height() * 34)

    def _summary(self) -> str:
        text = ("⚠ " if self.found.existing else "") + self.found.summary()
        text += "（替换前自动备份）。" if self.found.existing else "。"
        if self.found.refused:
            text += "未通过的行不导入。"
        if typed := self.found.typed_lecturers:
            text += f"不在师资库的授课人：{'、'.join(typed[:5])}{'等' if len(typed) > 5 else ''}（按所写姓名保存）。"
        return text

    def _table(self, model, stretch: int):
        table = make_table(model, model.columns, self)
        table.setSortingEnabled(False)
        table.horizontalHeader().setSectionResizeMode(len(model.columns) - 1, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
        return table

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("替换并导入" if self.found.existing else "导入",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.start_import)
        buttons.rejected.connect(self.reject)
        enable_writes(self.session, [self.import_button])
        return buttons

    def start_import(self) -> None:
        found = self.found
        if found.existing:
            question = (f"{found.period_title}已有课程表（{found.existing}节课）。\n用“{found.file_name}”中的"
                        f"{len(found.sessions)}节课替换它吗？替换前会自动备份数据库，可从备份恢复。")
            if messages.choose(self, "替换课程表", question, ["替换", "取消"], default=1) != 0:
                return
        self.import_button.setEnabled(False)
        self.task = run_op(self, self.session,
                           lambda db, progress: commit(db, found, replace=bool(found.existing), progress=progress),
                           changed=Changed.TIMETABLE, label="正在导入课程表…", on_done=self._done)
        self.task.done.connect(lambda: self.import_button.setEnabled(writable(self.session)))  # after a failure

    def _done(self, found: TimetableImport) -> None:
        text = f"{found.period_title}：{found.summary(done=True)}。"
        if found.backup is not None:
            text += f"\n导入前的数据已备份为 {found.backup.name}，可在“文件 → 恢复备份”中恢复。"
        messages.info(self.parentWidget() or self, "导入课程表", text)
        self.accept()
