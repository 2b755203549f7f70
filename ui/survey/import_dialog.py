"""导入调研表: the units' returned forms, many at once. Read off the UI thread (progress, cancel), each file shown
with what becomes of it (导入, 未通过 with every fault, 被取代 by a later file of its unit, a return it replaces),
then the good ones written in one transaction after a backup."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.survey.importer import FILE_FILTER, SurveyImport, analyse, commit
from ui.common import messages
from ui.common.files import OPEN, documents_folder, remember_folder
from ui.common.widgets import make_table, note
from ui.common.windows import fit_window
from ui.common.write_access import enable_writes, writable
from ui.shell.changes import NOTHING, Changed
from ui.shell.ops import run_op
from ui.shell.tasks import Task
from ui.survey.models import FilesModel


def ask_files(parent: QWidget) -> list[Path]:
    """The files the user picked, in the order the dialog gives them ([] when cancelled); tests replace this."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, "选择各单位报送的需求调研表（可多选）", str(documents_folder(OPEN)),
                                             FILE_FILTER)
    if chosen:
        remember_folder(chosen[0], OPEN)
    return [Path(path) for path in chosen]


def open_survey_import(parent: QWidget, session, year: int, on_imported=None) -> Task | None:
    paths = ask_files(parent)
    if not paths:
        return None

    def show(found: SurveyImport) -> None:
        dialog = SurveyImportDialog(parent, session, found, on_imported)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return run_op(parent, session, lambda db, progress: analyse(db, year, paths, progress), changed=NOTHING,
                  label=f"正在读取{len(paths)}个调研表…", on_done=show)


class SurveyImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, session, found: SurveyImport, on_imported=None):
        super().__init__(parent)
        self.session, self.found, self.task, self.on_imported = session, found, None, on_imported
        self.setWindowTitle(f"导入需求调研表 — {found.year}年")
        layout = QVBoxLayout(self)
        explained = note("同一单位报送多份的，只计一份：本次导入中以列表中靠后的文件为准；此前已导入的，"
                         "由本次导入的替换，并在说明中注明。有问题的文件整份不导入，原因逐条列出。")
        explained.setWordWrap(True)
        layout.addWidget(explained)
        self.model = FilesModel(self)
        self.model.set_rows(found.files)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(len(self.model.columns) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        text = found.summary() + ("。未通过的文件不导入，请该单位改正后重新报送。" if found.refused else "。")
        self.summary = QLabel(text, wordWrap=True, styleSheet="font-weight: bold;")
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.start_import)
        buttons.rejected.connect(self.reject)
        self.import_button.setEnabled(bool(found.good))
        enable_writes(session, [self.import_button] if found.good else [])
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(buttons, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 60, self.fontMetrics().height() * 26)

    def start_import(self) -> None:
        if not self.found.good:
            return
        self.import_button.setEnabled(False)
        self.task = run_op(self, self.session, lambda db, progress: commit(db, self.found, progress),
                           changed=Changed.SURVEY, label="正在导入调研表…", on_done=self._done)
        self.task.done.connect(lambda: self.import_button.setEnabled(writable(self.session) and not self.found.written))

    def _done(self, found: SurveyImport) -> None:
        text = f"{found.year}年需求调研：{found.summary(done=True)}。"
        if found.backup is not None:
            text += f"\n导入前的数据已备份为 {found.backup.name}，可在“文件 → 恢复备份”中恢复。"
        messages.info(self.parentWidget() or self, "导入需求调研表", text)
        if self.on_imported is not None:
            self.on_imported()
        self.accept()
