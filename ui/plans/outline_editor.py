"""工作要点: the plan's headings and numbered work points as a tree; add, edit, move, delete; the
classes that carry out the selected point, and a button to add one. Adding, moving and deleting are steps
on the plan editor's undo stack; typing a title or a text has the field's own undo."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.common import messages
from ui.common.undo import inserted, push, removed
from ui.common.widgets import note
from ui.plans.outline_model import OutlineModel


class OutlineEditor(QWidget):
    new_class_for_item = Signal(int)  # a saved work point's id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.undo_stack: QUndoStack | None = None  # the plan editor's
        self.model = OutlineModel(self)
        self.proxy = QSortFilterProxyModel(self, filterKeyColumn=-1, recursiveFilteringEnabled=True)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, self.fontMetrics().horizontalAdvance("汉") * 26)
        self.title = QLineEdit(objectName="outlineTitle")
        self.body = QPlainTextEdit(objectName="outlineBody")
        self.body.setTabChangesFocus(True)
        line = self.body.fontMetrics().lineSpacing()
        self.body.setMinimumHeight(line * 2 + 12)
        self.body.setMaximumHeight(line * 3 + 12)
        self.classes = note()
        self.classes.setWordWrap(True)
        self.new_class_button = QPushButton("为此要点新建班次…")
        self.new_class_button.clicked.connect(self._new_class)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self._details())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._buttons())
        layout.addWidget(splitter, 1)
        self.tree.selectionModel().selectionChanged.connect(self._show_current)
        self.title.textEdited.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self._loading = False
        self._show_current()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (("新增标题", self.add_section), ("新增要点", self.add_item), ("上移", lambda: self.move(-1)),
                           ("下移", lambda: self.move(1)), ("删除", self.remove)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        numbering = note("序号随顺序自动编排")
        numbering.setWordWrap(True)  # gives way to the buttons on a narrow page
        row.addWidget(numbering, 1)
        return row

    def _details(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 0)
        form.addRow("标题", self.title)
        form.addRow("正文", self.body)
        classes_row = QHBoxLayout()
        classes_row.addWidget(self.classes, 1)
        classes_row.addWidget(self.new_class_button)
        form.addRow("落实班次", classes_row)
        self.form = form
        return box

    def load(self, sections, classes: dict[int, list[str]]) -> None:
        self.model.set_outline(sections, classes)
        self.tree.expandAll()
        if self.model.sections:
            self.select(0, 0 if self.model.sections[0].items else None)
        self._show_current()

    def filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def current(self):
        """The selected node's source index, or an invalid index."""
        indexes = self.tree.selectionModel().selectedRows()
        return self.proxy.mapToSource(indexes[0]) if indexes else self.proxy.mapToSource(self.tree.currentIndex())

    def select(self, section_row: int, item_row: int | None) -> None:
        parent = self.model.index(section_row, 0)
        source = parent if item_row is None else self.model.index(item_row, 0, parent)
        self.tree.expandAll()
        self.tree.setCurrentIndex(self.proxy.mapFromSource(source))

    def _show_current(self) -> None:
        index = self.current()
        self._loading = True
        try:
            is_item = index.isValid() and index.internalId() != 0
            for widget in (self.title, self.body, self.new_class_button):
                widget.setEnabled(index.isValid() and (widget is self.title or is_item))
            node = self.model.node(index) if index.isValid() else None
            self.title.setText(node.title if node else "")
            self.body.setPlainText(node.body if is_item else "")
            names = self.model.classes.get(node.id, []) if is_item and node.id else []
            self.classes.setText("、".join(names) if names else "（暂无班次对应此要点）")
            self.new_class_button.setEnabled(bool(is_item and node.id))
            self.new_class_button.setToolTip("" if not is_item or node.id else "请先保存计划")
        finally:
            self._loading = False

    def _edited(self) -> None:
        index = self.current()
        if self._loading or not index.isValid():
            return
        is_item = index.internalId() != 0
        self.model.set_text(index, self.title.text().strip(), self.body.toPlainText().strip() if is_item else None)

    def add_section(self) -> None:
        index = self.current()
        after = self.model.position(index)[0] if index.isValid() else len(self.model.sections) - 1
        where = self.model.add_section(after)
        self.select(*where)
        inserted(self.undo_stack, "新增标题", self._take, self._put, where, self)
        self.title.setFocus()
        self.title.selectAll()

    def add_item(self) -> None:
        index = self.current()
        if not self.model.sections:
            self.add_section()
            index = self.current()
        section_row, item_row = self.model.position(index) if index.isValid() else (len(self.model.sections) - 1, None)
        where = self.model.add_item(section_row, item_row)
        self.select(*where)
        inserted(self.undo_stack, "新增要点", self._take, self._put, where, self)
        self.title.setFocus()
        self.title.selectAll()

    def move(self, step: int) -> None:
        index = self.current()
        if not index.isValid():
            return
        where, node = self.model.position(index), self.model.node(index)
        moved = self.model.move(*where, step)
        self.select(*moved)
        if moved != where:
            what = f"{'上移' if step < 0 else '下移'}{'标题' if where[1] is None else '要点'}“{node.title}”"
            push(self.undo_stack, what, lambda: self.select(*self.model.move(*moved, -step)),
                 lambda: self.select(*self.model.move(*where, step)), self)

    def remove(self) -> None:
        index = self.current()
        if not index.isValid():
            return
        where = self.model.position(index)
        if not self._confirm_remove(*where):
            return
        node = self.model.node(index)
        what = f"删除{'标题' if where[1] is None else '要点'}“{node.title}”"
        removed(self.undo_stack, what, self._take, self._put, where, self._take(where), self)

    def _take(self, where: tuple[int, int | None]):
        taken = self.model.remove(*where)
        if self.model.sections:
            self.select(min(where[0], len(self.model.sections) - 1), None)
        self._show_current()
        return taken

    def _put(self, where: tuple[int, int | None], node) -> None:
        self.select(*self.model.put(*where, node))
        self._show_current()

    def _confirm_remove(self, section_row: int, item_row: int | None) -> bool:
        outline = self.model.sections[section_row]
        items = outline.items if item_row is None else [outline.items[item_row]]
        linked = sum(len(self.model.classes.get(item.id, [])) for item in items if item.id)
        if item_row is not None and not linked:
            return True
        what = f"要点“{items[0].title}”" if item_row is not None else \
            f"标题“{outline.section.title}”" + (f"及其下{len(items)}条要点" if items else "")
        text = f"删除{what}？"
        if linked:
            text += f"\n\n有{linked}个班次对应这些要点，删除后它们不再对应任何要点（班次本身保留）。"
        text += "\n\n保存计划后才生效。"
        return messages.choose(self, "删除", text, ["删除", "取消"], default=1) == 0

    def _new_class(self) -> None:
        index = self.current()
        if index.isValid() and index.internalId() != 0:
            self.new_class_for_item.emit(self.model.node(index).id)
