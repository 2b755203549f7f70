"""问卷模板: the office's evaluation templates: name, scale (三级 or 五分), the satisfaction threshold, and the
questions (add, remove, move up and down; each with its 类别, words and kind). A period keeps the questions it
was issued with; a changed template serves the periods issued after."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import evaluation as scales
from app.domain.errors import UserError, ValidationError
from app.domain.quality_records import Questionnaire, QuestionnaireItem
from app.services.evaluation import templates
from ui.common import messages, stale
from ui.common.form import save_cancel
from ui.common.widgets import make_table, note
from ui.common.windows import fit_window
from ui.evaluation.models import ItemModel

ERROR_STYLE = "color: #b3261e;"
NEW = "（新建模板）"


class TemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None, session, questionnaire_id: int | None = None):
        super().__init__(parent)
        self.session, self.saved = session, None
        self.setWindowTitle("评估问卷模板")
        self.chooser = QComboBox(objectName="chooser")
        self.name = QLineEdit(objectName="name")
        self.scale = QComboBox(objectName="scale")
        for scale in scales.SCALES:
            self.scale.addItem(f"{scale}（{scales.scale_hint(scale)}）", scale)
        self.threshold = QSpinBox(objectName="threshold", suffix="%", minimum=0, maximum=100)
        self.threshold.setToolTip("一期的总体满意率低于此值时，在评估结果和年度评估中标出")
        self.model = ItemModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_item(current.row()))
        self.section = QLineEdit(objectName="section", placeholderText="如 组织管理")
        self.text = QLineEdit(objectName="text", placeholderText="题目")
        self.kind = QComboBox(objectName="kind")
        for key, label in scales.KINDS.items():
            self.kind.addItem(label, key)
        for widget in (self.section, self.text):
            widget.textEdited.connect(self._item_edited)
        self.kind.activated.connect(self._item_edited)
        self.errors = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        buttons, self.save_button = save_cancel(self)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("模板"))
        top.addWidget(self.chooser, 1)
        self.delete_button = QPushButton("删除模板")
        self.delete_button.clicked.connect(self.delete_template)
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        fields = QHBoxLayout()
        for label, widget, stretch in (("名称", self.name, 3), ("评分方式", self.scale, 2), ("满意率警戒线", self.threshold, 0)):
            fields.addWidget(QLabel(label))
            fields.addWidget(widget, stretch)
        layout.addLayout(fields)
        layout.addWidget(note("“逐课评分”按本期课程表逐节列出，每节课评“课程内容”和“授课水平”"))
        layout.addWidget(self.table, 1)
        edit = QHBoxLayout()
        edit.addWidget(QLabel("类别"))
        edit.addWidget(self.section, 1)
        edit.addWidget(QLabel("题目"))
        edit.addWidget(self.text, 3)
        edit.addWidget(self.kind)
        layout.addLayout(edit)
        bottom = QHBoxLayout()
        for text, slot in (("添加题目", self.add_item), ("删除题目", self.remove_item), ("上移", lambda: self.move(-1)),
                           ("下移", lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bottom.addWidget(button)
        bottom.addWidget(self.errors, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self._fill_chooser(questionnaire_id)
        self.chooser.activated.connect(lambda _index: self.load(self.chooser.currentData()))
        self.load(self.chooser.currentData())
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 60, self.fontMetrics().height() * 30)

    def _fill_chooser(self, selected: int | None) -> None:
        self.chooser.clear()
        for questionnaire in templates.templates(self.session.db):
            self.chooser.addItem(questionnaire.name, questionnaire.id)
        self.chooser.addItem(NEW, None)
        index = self.chooser.findData(selected) if selected is not None else 0
        self.chooser.setCurrentIndex(max(index, 0))

    def load(self, questionnaire_id: int | None) -> None:
        if questionnaire_id is None:
            found = templates.Template(Questionnaire(""), templates.default_items())
        else:
            found = templates.template(self.session.db, questionnaire_id)
        q = found.questionnaire
        self.current = q
        self.name.setText(q.name)
        self.scale.setCurrentIndex(max(self.scale.findData(q.scale), 0))
        self.threshold.setValue(round(q.threshold * 100))
        self.model.set_rows([replace(item) for item in found.items])
        self.delete_button.setEnabled(q.id is not None)
        self.errors.setText("")
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_item(-1)

    def items(self) -> list[QuestionnaireItem]:
        return self.model.records()

    def _renumber(self, items: list[QuestionnaireItem], select: int) -> None:
        for order, item in enumerate(items, start=1):
            item.sort_order = order
        self.model.set_rows(items)
        if 0 <= select < len(items):
            self.table.selectRow(select)
        else:
            self._show_item(-1)

    def _row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _show_item(self, row: int) -> None:
        items = self.items()
        has = 0 <= row < len(items)
        for widget in (self.section, self.text, self.kind):
            widget.setEnabled(has)
        self.section.setText(items[row].section if has else "")
        self.text.setText(items[row].text if has else "")
        self.kind.setCurrentIndex(max(self.kind.findData(items[row].kind), 0) if has else 0)

    def _item_edited(self, *_args) -> None:
        row = self._row()
        items = self.items()
        if not 0 <= row < len(items):
            return
        item = items[row]
        item.section, item.text, item.kind = self.section.text(), self.text.text(), self.kind.currentData()
        self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, len(self.model.columns) - 1))

    def add_item(self) -> None:
        items = self.items()
        row = self._row()
        at = row + 1 if row >= 0 else len(items)
        items.insert(at, QuestionnaireItem(self.current.id or 0, "新题目", "score", ""))
        self._renumber(items, at)
        self.text.setFocus()
        self.text.selectAll()

    def remove_item(self) -> None:
        row = self._row()
        items = self.items()
        if 0 <= row < len(items):
            del items[row]
            self._renumber(items, min(row, len(items) - 1))

    def move(self, step: int) -> None:
        row = self._row()
        items = self.items()
        if 0 <= row < len(items) and 0 <= row + step < len(items):
            items[row], items[row + step] = items[row + step], items[row]
            self._renumber(items, row + step)

    def draft(self) -> Questionnaire:
        return replace(self.current, name=self.name.text(), scale=self.scale.currentData(),
                       threshold=self.threshold.value() / 100)

    def save(self) -> None:
        try:
            self.saved = templates.save_template(self.session.db, self.draft(), self.items())
        except ValidationError as problem:
            self.errors.setText("；".join(problem.errors.values()))
            return
        except UserError as problem:
            reload = (lambda: self.load(self.current.id)) if self.current.id else None
            if not stale.refused(self, problem, reload):
                messages.error(self, "未能保存", str(problem))
            return
        self.accept()

    def delete_template(self) -> None:
        q = self.current
        if q.id is None or messages.choose(self, "删除模板", f"删除问卷模板“{q.name}”吗？已发放的问卷不受影响。",
                                           ["删除", "取消"], default=1) != 0:
            return
        try:
            templates.delete_template(self.session.db, q.id)
        except UserError as problem:
            messages.error(self, "删除模板", str(problem))
            return
        self._fill_chooser(None)
        self.load(self.chooser.currentData())
