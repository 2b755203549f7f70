"""Step 2: the sheet, the header row (found under titles and merged cells) and each column's field,
mapped from the header's words and changeable by the user."""
from __future__ import annotations

import re
from html import escape

from openpyxl.utils import get_column_letter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain.idcard import mask_id
from app.services.importing.cells import cell_text
from app.services.importing.columns import FIELDS, LABELS, REQUIRED, Layout, find_layout, layout_at
from app.services.importing.pipeline import unknown_units
from ui.common.form import ERROR_STYLE
from ui.importing.steps import PREVIEW, UNITS

SKIP = ""
ID_LIKE = re.compile(r"\d{15}|\d{17}[\dXx]")


def _masked(sample: str, id_column: bool) -> str:
    """An ID number shows masked here as everywhere: in the column taken for ID numbers, and wherever a
    value has an ID number's shape (a column not yet mapped, or mapped wrongly)."""
    return mask_id(sample) if id_column or ID_LIKE.fullmatch(sample.replace(" ", "")) else sample


class ColumnsPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.wizard_ = wizard
        self.setTitle("核对表头与列")
        self.setSubTitle("已按表头文字自动对应，可逐列修改；“姓名”和“身份证号码”必须各对应一列。")
        self.sheet_box = QComboBox(minimumContentsLength=12)
        self.header_row = QSpinBox(minimum=1, maximum=30)
        self.boxes: dict[int, QComboBox] = {}
        self.form_holder = QWidget()
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setWidget(self.form_holder)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet(ERROR_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel("工作表"))
        top.addWidget(self.sheet_box)
        top.addSpacing(16)
        top.addWidget(QLabel("表头在第"))
        top.addWidget(self.header_row)
        top.addWidget(QLabel("行"))
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.problem)
        self.sheet_box.currentIndexChanged.connect(self._sheet_changed)
        self.header_row.valueChanged.connect(self._header_moved)

    def initializePage(self) -> None:
        wizard = self.wizard_
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        for sheet in wizard.sheets:
            self.sheet_box.addItem(f"{sheet.name}（隐藏）" if sheet.hidden else sheet.name)
        self.sheet_box.setCurrentIndex(max(wizard.sheets.index(wizard.sheet), 0))
        self.sheet_box.setEnabled(len(wizard.sheets) > 1)
        self.sheet_box.blockSignals(False)
        self._show(wizard.layout_ or layout_at(wizard.sheet.rows, 0))

    def _sheet_changed(self, index: int) -> None:
        wizard = self.wizard_
        wizard.sheet = wizard.sheets[index]
        self._show(find_layout(wizard.sheet.rows) or layout_at(wizard.sheet.rows, 0))

    def _header_moved(self, row: int) -> None:
        self._show(layout_at(self.wizard_.sheet.rows, row - 1))

    def _show(self, layout: Layout) -> None:
        """Rebuilds one choice per column of the header at layout.header_row."""
        self.wizard_.layout_ = layout
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, min(30, len(self.wizard_.sheet.rows))))
        self.header_row.setValue(layout.header_row + 1)
        self.header_row.blockSignals(False)
        form = QFormLayout()
        self.boxes = {}
        by_column = {column: key for key, column in layout.columns.items()}
        for column in range(self._width(layout)):
            box = QComboBox(minimumContentsLength=10)
            box.addItem("不导入", SKIP)
            for key, (label, _) in FIELDS.items():
                box.addItem(label, key)
            box.setCurrentIndex(max(box.findData(by_column.get(column, SKIP)), 0))
            box.currentIndexChanged.connect(self._mapping_changed)
            self.boxes[column] = box
            form.addRow(self._column_label(layout, column), box)
        holder = QWidget()
        holder.setLayout(form)
        self.scroll.setWidget(holder)
        self._mapping_changed()

    def _width(self, layout: Layout) -> int:
        rows = self.wizard_.sheet.rows[layout.data_row:layout.data_row + 20]
        return max([len(layout.headers), *(len(row) for row in rows)], default=0)

    def _column_label(self, layout: Layout, column: int) -> QLabel:
        by_key = layout.columns
        header = layout.headers[column] if column < len(layout.headers) else ""
        rows = self.wizard_.sheet.rows[layout.data_row:layout.data_row + 12]
        samples = dict.fromkeys(cell_text(row[column]).strip() for row in rows if column < len(row))
        shown_as_id = by_key.get("id_number") == column
        samples = [_masked(sample, shown_as_id) for sample in samples if sample][:2]
        text = f"{get_column_letter(column + 1)}列　{escape(header) or '（无表头）'}"
        if samples:
            text += f"　<span style='color:#6b7280'>例：{escape('、'.join(samples))}</span>"
        return QLabel(text)

    def mapping(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for column, box in self.boxes.items():
            if box.currentData():
                found.setdefault(box.currentData(), column)
        return found

    def problems(self) -> str:
        chosen = [box.currentData() for box in self.boxes.values() if box.currentData()]
        twice = sorted({LABELS[key] for key in chosen if chosen.count(key) > 1})
        missing = [LABELS[key] for key in REQUIRED if key not in chosen]
        parts = [f"请为“{label}”指定一列" for label in missing]
        parts += [f"“{label}”对应了不止一列" for label in twice]
        return "；".join(parts)

    def _mapping_changed(self) -> None:
        self.problem.setText(self.problems())
        self.problem.setVisible(bool(self.problem.text()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.boxes) and not self.problems()

    def validatePage(self) -> bool:
        wizard = self.wizard_
        layout = wizard.layout_
        wizard.layout_ = Layout(layout.header_row, layout.data_row, layout.headers, self.mapping())
        wizard.unknown = unknown_units(wizard.db(), wizard.sheet, wizard.layout_)
        if wizard.unknown:
            return True
        wizard.options.unit_choices = {}
        return wizard.check_then_next()

    def nextId(self) -> int:
        return UNITS if self.wizard_.unknown else PREVIEW
