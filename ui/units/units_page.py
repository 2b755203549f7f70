"""单位: the units in their official order (lists and letters follow it), with type, contact and phone."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.domain import vocab
from app.domain.models import Unit
from app.domain.validation import unit_errors
from app.services import units, versions
from ui.common import messages
from ui.common.confirm import ask_then_delete
from ui.common.form import FieldErrors, choice_box, save_or_show, select_data
from ui.common.list_page import ListPage
from ui.common.record_model import RECORD_ROLE
from ui.common.windows import fit_window
from ui.common.write_access import enable_writes
from ui.shell.changes import Changed
from ui.units.models import UnitsModel

RELOAD_ON = Changed.UNITS | Changed.PEOPLE


class UnitsPage(ListPage):
    title = "单位"
    search_hint = "搜索单位名称、类型或联系人"
    unit_word = "个单位"
    model_class = UnitsModel
    opening_writes = True

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.table.doubleClicked.connect(self.edit_unit)
        session.changed.connect(self._data_changed)  # a method, not a lambda: no reference cycle

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()

    def layout_page(self) -> None:
        buttons = QHBoxLayout()
        self.write_buttons = []
        for text, slot in (("新增单位…", self.add_unit), ("修改…", self.edit_unit), ("删除", self.delete_unit),
                           ("上移", lambda: self.move(-1)), ("下移", lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.write_buttons.append(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def rows(self) -> list:
        enable_writes(self.session, self.write_buttons)
        return units.list_units(self.session.db)

    def _selected(self, action: str) -> Unit | None:
        unit = self.selected_record()
        if unit is None:
            messages.info(self, action, "请先在列表中选择一个单位。")
        return unit

    def add_unit(self) -> None:
        last = max((u.sort_order for u in self.model.records()), default=0)
        self._edit(Unit(name="", sort_order=last + 10))

    def edit_unit(self) -> None:
        unit = self._selected("修改单位")
        if unit is not None:
            self._edit(unit)

    def _edit(self, unit: Unit) -> None:
        dialog = UnitDialog(self, self.session.db, unit)
        if dialog.exec():
            self.session.announce(Changed.UNITS)
            self._select(dialog.saved.id)

    def delete_unit(self) -> None:
        unit = self._selected("删除单位")
        if unit is not None and ask_then_delete(self, "删除单位", f"确定删除“{unit.name}”？",
                                                lambda: units.delete_unit(self.session.db, unit.id)):
            self.session.announce(Changed.UNITS)

    open_selected = edit_unit
    remove_selected = delete_unit

    def move(self, step: int) -> None:
        unit = self._selected("调整顺序")
        if unit is None:
            return
        units.move_unit(self.session.db, unit.id, step)
        self.session.announce(Changed.UNITS)
        self._select(unit.id)

    def _select(self, unit_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(RECORD_ROLE).id == unit_id:
                self.table.selectRow(row)
                return


class UnitDialog(QDialog):
    def __init__(self, parent, db, unit: Unit):
        super().__init__(parent)
        self.db, self.unit, self.saved = db, unit, None
        self.setWindowTitle("修改单位" if unit.id else "新增单位")
        self.name = QLineEdit(unit.name)
        self.kind = choice_box(vocab.words("unit_kinds"))
        select_data(self.kind, unit.kind)
        self.order = QSpinBox(maximum=100000, singleStep=10, value=unit.sort_order)
        self.contact_name, self.contact_phone = QLineEdit(unit.contact_name), QLineEdit(unit.contact_phone)
        self.notes = QLineEdit(unit.notes)
        self.errors = FieldErrors()
        form = QFormLayout()
        for label, widget, key in (("单位名称", self.name, "name"), ("单位类型", self.kind, "kind"),
                                   ("排列顺序", self.order, "sort_order"), ("联系人", self.contact_name, "contact_name"),
                                   ("联系电话", self.contact_phone, "contact_phone"), ("备注", self.notes, "notes")):
            self.errors.add_row(form, label, widget, key)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.name, self.contact_name, self.contact_phone, self.notes):
            edit.textChanged.connect(self._revalidate)
        self.kind.currentIndexChanged.connect(self._revalidate)
        fit_window(self, 480, 320)
        self._revalidate()

    def reload_record(self) -> None:
        """The unit as stored now (another clerk saved it since the form opened)."""
        self.unit = unit = versions.current(self.db, self.unit)
        for edit, text in ((self.name, unit.name), (self.contact_name, unit.contact_name),
                           (self.contact_phone, unit.contact_phone), (self.notes, unit.notes)):
            edit.setText(text)
        select_data(self.kind, unit.kind)
        self.order.setValue(unit.sort_order)
        self._revalidate()

    def draft(self) -> Unit:
        return replace(self.unit, name=self.name.text().strip(), kind=self.kind.currentData(),
                       sort_order=self.order.value(), contact_name=self.contact_name.text().strip(),
                       contact_phone=self.contact_phone.text(), notes=self.notes.text().strip())

    def _revalidate(self) -> None:
        errors = unit_errors(self.draft())
        self.errors.show(errors)
        self.save_button.setEnabled(not errors)

    def save(self) -> None:
        self.saved = save_or_show(self, self.errors, self.save_button, lambda: units.save_unit(self.db, self.draft()))
