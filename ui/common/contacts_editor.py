"""联系人: a table of contact people with add, delete and reorder, edited in place; adding, deleting and
moving are steps on the form's undo stack when it has one (a cell's typing has its editor's own undo)."""
from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from app.domain.models import Contact
from ui.common.contacts_model import ContactsModel
from ui.common.fields import message_html
from ui.common.undo import inserted, push, removed
from ui.common.widgets import note


class ContactsEditor(QWidget):
    def __init__(self, hint: str, parent=None):
        super().__init__(parent)
        self.undo_stack: QUndoStack | None = None  # the form's, set by the form that shows this editor
        self.model = ContactsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        char = self.fontMetrics().horizontalAdvance("汉")
        for column, width in enumerate((12, 5, 9, 9)):
            self.table.setColumnWidth(column, width * char + 16)
        self.messages = note()
        buttons = QHBoxLayout()
        for text, slot in (("添加联系人", self.add), ("删除", self.remove), ("上移", lambda: self.move(-1)),
                           ("下移", lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        hint_label = note(hint)
        hint_label.setWordWrap(True)
        layout.addWidget(hint_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.messages)
        layout.addLayout(buttons)

    def current_row(self) -> int:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].row() if indexes else -1

    def add(self) -> None:
        row = self._put(self.model.rowCount(), Contact(org="", name=""))
        inserted(self.undo_stack, "添加联系人", self._take, self._put, row, self)
        self.table.edit(self.model.index(row, 0))

    def remove(self) -> None:
        if (row := self.current_row()) >= 0:
            contact = self._take(row)
            removed(self.undo_stack, f"删除联系人“{contact.name or contact.org}”", self._take, self._put, row, contact,
                    self)

    def move(self, step: int) -> None:
        row = self.current_row()
        if row < 0 or (target := self.model.move(row, step)) == row:
            return
        self.table.selectRow(target)
        name = self.model.contacts()[target].name
        push(self.undo_stack, f"{'上移' if step < 0 else '下移'}联系人“{name}”",
             lambda: self.table.selectRow(self.model.move(target, -step)),
             lambda: self.table.selectRow(self.model.move(row, step)), self)

    def _take(self, row: int) -> Contact:
        contact = self.model.remove(row)
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        return contact

    def _put(self, row: int, contact: Contact) -> int:
        self.model.insert(row, contact)
        self.table.selectRow(row)
        return row

    def show_errors(self, errors: dict[str, str]) -> None:
        """errors: "contacts.0.phone" style keys, as the services give them."""
        own = {key.removeprefix("contacts."): text for key, text in errors.items() if key.startswith("contacts.")}
        self.model.set_errors(own)
        lines = [f"第{int(key.split('.')[0]) + 1}行：{text}" for key, text in own.items()]
        self.messages.setText("<br>".join(message_html(line, []) for line in lines))
        self.messages.setVisible(bool(lines))
