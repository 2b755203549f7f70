"""导入收回的问卷: choose many files at once; each is read and checked off the UI thread (with progress and
cancel), then listed with its outcome (可导入 with how many questionnaires, 未通过 with the reasons, 已导入过).
With a file refused the batch is not imported unless the office ticks 只导入检查通过的文件; the import is one
transaction after a backup."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.evaluation.importer import FILE_FILTER, EvaluationImport, analyse, commit
from ui.common import messages
from ui.common.files import OPEN, documents_folder, remember_folder
from ui.common.widgets import ElidedLabel, make_table
from ui.common.windows import fit_window
from ui.common.write_access import writable
from ui.evaluation.models import FileModel
from ui.shell.changes import NOTHING, Changed
from ui.shell.ops import run_op
from ui.shell.tasks import Task


def ask_files(parent: QWidget) -> list[Path]:
    """The files the user picked (empty when cancelled); tests replace this."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, "选择收回的评估问卷（可多选）", str(documents_folder(OPEN)), FILE_FILTER)
    if chosen:
        remember_folder(chosen[0], OPEN)
    return [Path(name) for name in chosen]


def open_evaluation_import(parent: QWidget, session, period_id: int) -> Task | None:
    paths = ask_files(parent)
    if not paths:
        return None

    def show(found: EvaluationImport) -> None:
        dialog = EvaluationImportDialog(parent, session, found)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return run_op(parent, session, lambda db, progress: analyse(db, period_id, paths, progress), changed=NOTHING,
                  label=f"正在读取{len(paths)}个问卷文件…", on_done=show)


class EvaluationImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, session, found: EvaluationImport):
        super().__init__(parent)
        self.session, self.found, self.task = session, found, None
        self.setWindowTitle(f"导入评估问卷 — {found.label}")
        layout = QVBoxLayout(self)
        layout.addWidget(ElidedLabel(f"{len(found.files)}个文件 → {found.label}（{found.form.scale}评分）",
                                     object_name="note"))
        self.model = FileModel(self)
        self.model.set_rows(found.files)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.good_only = QCheckBox(f"只导入检查通过的文件（{len(found.good)}个），未通过的{len(found.refused)}个改正后再导入",
                                   objectName="good_only")
        self.good_only.setVisible(bool(found.refused))
        self.good_only.toggled.connect(self._update)
        layout.addWidget(self.good_only)
        self.summary = QLabel(wordWrap=True, styleSheet="font-weight: bold;")
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.start_import)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(buttons, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)
        self._update()
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 72, self.fontMetrics().height() * 26)

    def _update(self) -> None:
        found = self.found
        text = found.summary()
        if found.refused and not self.good_only.isChecked():
            text += "。有文件未通过检查，本批不能导入：请改正后重新导入，或勾选只导入检查通过的文件。"
        elif not found.good:
            text += "。没有可导入的问卷。"
        else:
            text += "。"
        self.summary.setText(text)
        self.import_button.setEnabled(writable(self.session) and bool(found.good)
                                      and (not found.refused or self.good_only.isChecked()))

    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        good_only = self.good_only.isChecked()
        self.task = run_op(self, self.session,
                           lambda db, progress: commit(db, self.found, import_good=good_only, progress=progress),
                           changed=Changed.EVALUATION, label="正在导入评估问卷…", on_done=self._done)
        self.task.done.connect(self._update)

    def _done(self, found: EvaluationImport) -> None:
        text = f"{found.label}：{found.summary(done=True)}。"
        if found.backup is not None:
            text += f"\n导入前的数据已备份为 {found.backup.name}，可在“文件 → 恢复备份”中恢复。"
        messages.info(self.parentWidget() or self, "导入评估问卷", text)
        self.accept()
