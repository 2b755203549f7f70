"""导入单位自办班… (the 班次 page): pick a unit's sheet, choose the unit, see the class, its dates and every row
(who is matched, who will be created, who is refused and why) before anything is written; then import as an
operation (off the UI thread, after a backup) and see the result in the same window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout

from app.services import units
from app.services.unit_classes.importer import REFUSED, UnitClassImport, import_unit_class
from ui.common.files import ask_open_file
from ui.common.record_model import Column, RecordTableModel, attr
from ui.common.widgets import make_table
from ui.common.windows import fit_window
from ui.shell.changes import NOTHING, Changed
from ui.shell.ops import run_op
from ui.shell.session import Session

FILE_FILTER = "单位名单 (*.xlsx *.xls *.xlsm *.csv *.txt);;所有文件 (*)"
WRITTEN = Changed.CLASSES | Changed.ROSTER | Changed.PEOPLE | Changed.HOURS
_RED = "#b3261e"
EXPLAINED = ("名单应有“身份证号码”和“学时”两列；班次名称和培训时间写在标题中（如“…培训班学员名单（2020年6月8日至12日）”）"
             "或另列。导入后本班次为单位自办、已结班，学员结业，学时计入各人的学时档案；档案中没有的人员按姓名和身份证号码新建。")
CHOOSE = "请选择举办的单位：随后列出班次和每一行的检查结果，确认后再导入。<br>" + EXPLAINED


def ask_file(parent) -> Path | None:
    """The file the user picked (None when cancelled); tests replace this."""
    return ask_open_file(parent, "选择单位自办班的名单", FILE_FILTER)


def outcome(row) -> str:
    return f"{row.status}：{row.reason}" if row.reason else row.status


class TraineeRowsModel(RecordTableModel):
    columns = (
        Column("行号", attr("line"), 3, numeric=True),
        Column("姓名", attr("name"), 5),
        Column("身份证号码", attr("masked_id"), 10),
        Column("学时", attr("hours"), 3, numeric=True),
        Column("结果", outcome, 16),  # a refused row's reasons, wrapped: never scrolled to
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self.record(index.row()).status == REFUSED:
            return Qt.GlobalColor.darkRed
        return super().data(index, role)


class UnitClassImportDialog(QDialog):
    def __init__(self, parent, session: Session, path: Path):
        super().__init__(parent)
        self.session, self.path = session, path
        self.result: UnitClassImport | None = None
        self.imported = False
        self.setWindowTitle("导入单位自办班")
        self.unit = QComboBox()
        self.unit.addItem("（请选择举办的单位）", None)
        for unit in units.list_units(session.db):
            self.unit.addItem(unit.name, unit.id)
        self.unit.currentIndexChanged.connect(self.check)
        self.unit.setToolTip(EXPLAINED)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"文件：{path.name}", wordWrap=True), 1)
        top.addWidget(QLabel("举办单位"))
        top.addWidget(self.unit)
        self.heading = QLabel(wordWrap=True)
        self.notes = QLabel(objectName="note", wordWrap=True)
        self.model = TraineeRowsModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notes, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 56, self.fontMetrics().height() * 30)
        self._show(None, CHOOSE)
        named = [unit for unit in units.list_units(session.db) if unit.name in path.stem]
        if named:  # 县财政局财务培训班.xlsx: the unit its name begins with, checked at once
            self.unit.setCurrentIndex(self.unit.findData(max(named, key=lambda unit: len(unit.name)).id))

    def unit_id(self) -> int | None:
        return self.unit.currentData()

    def check(self) -> None:
        """The preview: a dry run, nothing written."""
        unit_id = self.unit_id()
        if unit_id is None:
            self._show(None, CHOOSE)
            return
        self.import_button.setEnabled(False)
        self.task = run_op(self, self.session, lambda db, progress: import_unit_class(
            db, self.path, unit_id, dry_run=True, progress=progress), changed=NOTHING, label="正在检查名单…",
            on_done=lambda result: self._show(result), on_error=self._failed)

    def start_import(self) -> None:
        unit_id = self.unit_id()
        if self.result is None or unit_id is None:
            return
        self.import_button.setEnabled(False)
        self.task = run_op(self, self.session, lambda db, progress: import_unit_class(
            db, self.path, unit_id, progress=progress), changed=WRITTEN, label="正在导入单位自办班…",
            on_done=self._imported, on_error=self._failed)

    def _imported(self, result: UnitClassImport) -> None:
        self.imported = True
        self._show(result)
        self.unit.setEnabled(False)
        if result.backup is not None:
            self.notes.setText(f"导入前的数据已备份为 {result.backup.name}，可在“文件 → 恢复备份”中恢复。")

    def _failed(self, error: BaseException) -> None:
        self._show(None, str(error), error=True)

    def _show(self, result: UnitClassImport | None, message: str = "", error: bool = False) -> None:
        self.result = result
        self.model.set_rows(result.rows if result else [])
        if self.model.rowCount() <= 500:
            self.table.resizeRowsToContents()
        if result is None:
            self.heading.setText(f'<span style="color:{_RED}">{message}</span>' if error else message)
            self.notes.setText("")
        else:
            done = "导入完成" if not result.dry_run else "检查结果（尚未导入）"
            self.heading.setText(f"<b>{result.heading()}</b><br>{done}：{result.summary()}。")
            self.notes.setText("；".join(result.notes))
        self.notes.setVisible(bool(self.notes.text()))
        writable = not self.session.read_only
        self.import_button.setEnabled(bool(result and result.dry_run and result.accepted and writable))


def import_unit_class_file(parent, session: Session) -> UnitClassImportDialog | None:
    path = ask_file(parent)
    if path is None:
        return None
    dialog = UnitClassImportDialog(parent, session, path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
