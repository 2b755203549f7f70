"""导入学时: what a row takes when the file lacks a column (year, kind, source), and the result of the import
with every refused row and its reason."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.services.hours import ledger
from app.services.hours.importer import HoursImport, HoursImportOptions
from ui.common.form import choice_box
from ui.common.record_model import Column, RecordTableModel, attr
from ui.common.widgets import make_table
from ui.common.windows import fit_window

FROM_FILE = "按文件中的年度或日期"


class RefusedRowsModel(RecordTableModel):
    columns = (
        Column("行号", attr("line"), 3, numeric=True),
        Column("姓名", attr("name"), 5),
        Column("身份证号码", attr("masked_id"), 11),
        Column("原因", attr("reason"), 30),
    )


class HoursImportOptionsDialog(QDialog):
    def __init__(self, parent, file_name: str):
        super().__init__(parent)
        self.setWindowTitle("导入学时")
        self.year = QSpinBox(minimum=ledger.FIRST_YEAR - 1, maximum=ledger.LAST_YEAR, suffix=" 年")
        self.year.setSpecialValueText(FROM_FILE)  # the minimum stands for "no year given"
        self.year.setValue(self.year.minimum())
        self.kind = choice_box(ledger.KINDS, empty=False)
        self.source = QLineEdit(placeholderText="如 中国干部网络学院")
        form = QFormLayout()
        form.addRow("文件", QLabel(file_name, wordWrap=True))
        form.addRow("年度", self.year)
        form.addRow("类别", self.kind)
        form.addRow("来源", self.source)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton("开始导入", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("文件应有“身份证号码”和“学时”两列，按身份证号码对应档案中的人员。年度、类别、来源以文件中的"
                                "为准，文件中没有时按上面所填。导入前自动备份数据库；已导入过的记录会跳过。",
                                objectName="note", wordWrap=True))
        layout.addWidget(buttons)
        fit_window(self, self.fontMetrics().horizontalAdvance("汉") * 32, self.sizeHint().height())

    def options(self) -> HoursImportOptions:
        year = None if self.year.value() == self.year.minimum() else self.year.value()
        return HoursImportOptions(year, self.source.text().strip(), self.kind.currentData())


class HoursImportResultDialog(QDialog):
    def __init__(self, parent, result: HoursImport):
        super().__init__(parent)
        self.setWindowTitle("导入学时结果")
        self.summary = QLabel(result.summary() + "。", wordWrap=True)
        self.summary.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(f"{result.file_name}：工作表“{result.sheet_name}”，表头在第{result.layout.header_row + 1}行，"
                                f"识别的列：{'、'.join(result.layout.labels)}", objectName="note", wordWrap=True))
        for note in result.notes:
            layout.addWidget(QLabel(f"提示：{note}", objectName="note", wordWrap=True))
        if result.backup is not None:
            layout.addWidget(QLabel(f"导入前的数据已备份为 {result.backup.name}，可在“文件 → 恢复备份”中恢复。",
                                    objectName="note", wordWrap=True))
        self.model = RefusedRowsModel(self)
        self.model.set_rows(result.refused)
        if result.refused:
            layout.addWidget(QLabel("以下各行未导入，请在文件中改正后重新导入（已导入的行不会重复导入）："))
            layout.addWidget(self._refused_table(), 1)
        buttons = QDialogButtonBox()
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 52, self.fontMetrics().height() * (26 if result.refused else 8))

    def _refused_table(self):
        table = make_table(self.model, self.model.columns, self)
        table.setSortingEnabled(False)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)  # a row can have several reasons: all of them show, wrapped, never scrolled to
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if self.model.rowCount() <= 500:
            table.resizeRowsToContents()
        return table
