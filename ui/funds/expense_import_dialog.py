"""导入支出: choose the finance office's sheet, see each row (imported, refused with its reason, skipped), and
import the good rows (read and written off the UI thread, one transaction after a backup)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from app.services.funds.expense_import import FILE_FILTER, ExpenseImport, analyse, commit
from ui.common import messages
from ui.common.files import ask_open_file
from ui.common.widgets import ElidedLabel, make_table, note
from ui.common.windows import fit_window
from ui.common.write_access import enable_writes, writable
from ui.funds.funds_models import ExpenseRowsModel
from ui.shell.changes import NOTHING, Changed
from ui.shell.ops import run_op
from ui.shell.tasks import Task


def ask_file(parent: QWidget) -> Path | None:
    """The file the user picked (None when cancelled); tests replace this."""
    return ask_open_file(parent, "选择支出明细文件", FILE_FILTER)


def open_expense_import(parent: QWidget, session, period_id: int) -> Task | None:
    path = ask_file(parent)
    if path is None:
        return None

    def show(found: ExpenseImport) -> None:
        dialog = ExpenseImportDialog(parent, session, found)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return run_op(parent, session, lambda db, progress: analyse(db, path, period_id, progress), changed=NOTHING,
                  label="正在读取支出明细…", on_done=show)


class ExpenseImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, session, found: ExpenseImport):
        super().__init__(parent)
        self.session, self.found, self.task = session, found, None
        self.setWindowTitle(f"导入支出 — {found.period_label}")
        layout = QVBoxLayout(self)
        layout.addWidget(ElidedLabel(f"{found.file_name}（工作表“{found.sheet_name}”）→ {found.period_label}",
                                     object_name="note"))
        layout.addWidget(note("识别的列：" + "、".join(found.columns)))
        self.model = ExpenseRowsModel(self)
        self.model.set_rows(found.rows)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(len(self.model.columns) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        text = found.summary() + ("。未通过的行不导入。" if found.refused else "。")
        self.summary = QLabel(text, wordWrap=True, styleSheet="font-weight: bold;")
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.start_import)
        buttons.rejected.connect(self.reject)
        enable_writes(session, [self.import_button])
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(buttons, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 70, self.fontMetrics().height() * 26)

    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        self.task = run_op(self, self.session, lambda db, progress: commit(db, self.found, progress),
                           changed=Changed.FUNDS, label="正在导入支出…", on_done=self._done)
        self.task.done.connect(lambda: self.import_button.setEnabled(writable(self.session)))

    def _done(self, found: ExpenseImport) -> None:
        text = f"{found.period_label}：{found.summary(done=True)}。"
        if found.backup is not None:
            text += f"\n导入前的数据已备份为 {found.backup.name}，可在“文件 → 恢复备份”中恢复。"
        messages.info(self.parentWidget() or self, "导入支出", text)
        self.accept()
