"""The lecturer and the base forms: checked as the clerk types (the service's checks), saved in one transaction.
The lecturer's phone is shown whole here; lists and prints mask it."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout

from app.domain import teaching, vocab
from app.domain.teaching_records import Lecturer, TeachingBase
from app.services import versions
from app.services.teaching import lecturers
from ui.common.form import FieldErrors, choice_box, save_cancel, save_or_show, select_word
from ui.common.windows import fit_window


def _notes_box(text: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 12)
    return box


class _PoolDialog(QDialog):
    """A pool record's form: labelled rows checked as the clerk types, 停用, 保存 / 取消."""

    def _lay_out(self, rows, archived: QCheckBox, edits, boxes, width: int, height: int) -> None:
        self.errors = FieldErrors()
        form = QFormLayout()
        for label, widget, key in rows:
            self.errors.add_row(form, label, widget, key)
        form.addRow("", archived)
        buttons, self.save_button = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for edit in edits:
            edit.textChanged.connect(self._revalidate)
        for box in boxes:
            box.currentIndexChanged.connect(self._revalidate)
        fit_window(self, width, height)
        self._revalidate()


class LecturerDialog(_PoolDialog):
    def __init__(self, parent, db, lecturer: Lecturer):
        super().__init__(parent)
        self.db, self.lecturer, self.saved = db, lecturer, None
        self.setWindowTitle("修改授课人" if lecturer.id else "新增授课人")
        self.name, self.unit, self.post = QLineEdit(lecturer.name), QLineEdit(lecturer.unit), QLineEdit(lecturer.post)
        self.title_box, self.kind = choice_box(teaching.TITLES), choice_box(teaching.LECTURER_KINDS)
        self.level = choice_box(vocab.words("leadership_levels"))
        for box, word in ((self.title_box, lecturer.title), (self.kind, lecturer.kind), (self.level, lecturer.leader_level)):
            select_word(box, word)
        self.fields, self.phone = QLineEdit(lecturer.fields), QLineEdit(lecturer.phone)
        self.fields.setPlaceholderText("如：党史党建、乡村振兴、应急管理")
        self.notes = _notes_box(lecturer.notes)
        self.archived = QCheckBox("停用（不再出现在课程表的授课人选择中，授课记录保留）", checked=lecturer.archived)
        self._lay_out((("姓名", self.name, "name"), ("类别", self.kind, "kind"), ("职称", self.title_box, "title"),
                       ("领导职务层次", self.level, "leader_level"), ("工作单位", self.unit, "unit"),
                       ("职务", self.post, "post"), ("授课方向", self.fields, "fields"), ("联系电话", self.phone, "phone"),
                       ("备注", self.notes, "notes")),
                      self.archived, (self.name, self.phone), (self.title_box, self.kind, self.level), 520, 460)

    def reload_record(self) -> None:
        """The lecturer as stored now (another clerk saved them since the form opened)."""
        self.lecturer = found = versions.current(self.db, self.lecturer)
        for edit, text in ((self.name, found.name), (self.unit, found.unit), (self.post, found.post),
                           (self.fields, found.fields), (self.phone, found.phone)):
            edit.setText(text)
        for box, word in ((self.title_box, found.title), (self.kind, found.kind), (self.level, found.leader_level)):
            select_word(box, word)
        self.notes.setPlainText(found.notes)
        self.archived.setChecked(found.archived)
        self._revalidate()

    def draft(self) -> Lecturer:
        return replace(self.lecturer, name=self.name.text().strip(), unit=self.unit.text().strip(),
                       post=self.post.text().strip(), title=self.title_box.currentData(), kind=self.kind.currentData(),
                       leader_level=self.level.currentData(), fields=self.fields.text().strip(),
                       phone=self.phone.text().strip(), notes=self.notes.toPlainText().strip(),
                       archived=self.archived.isChecked())

    def _revalidate(self) -> None:
        draft = self.draft()
        self.level.setEnabled(draft.is_leader or bool(draft.leader_level))
        errors = lecturers.lecturer_errors(draft)
        self.errors.show(errors)
        self.save_button.setEnabled(not errors)

    def save(self) -> None:
        self.saved = save_or_show(self, self.errors, self.save_button,
                                  lambda: lecturers.save_lecturer(self.db, self.draft()))


class BaseDialog(_PoolDialog):
    def __init__(self, parent, db, base: TeachingBase):
        super().__init__(parent)
        self.db, self.base, self.saved = db, base, None
        self.setWindowTitle("修改教学基地" if base.id else "新增教学基地")
        self.name, self.address = QLineEdit(base.name), QLineEdit(base.address)
        self.kind = choice_box(teaching.BASE_KINDS)
        select_word(self.kind, base.kind)
        self.contact_name, self.contact_phone = QLineEdit(base.contact_name), QLineEdit(base.contact_phone)
        self.capacity = QSpinBox(maximum=100000, value=base.capacity, suffix=" 人")
        self.notes = _notes_box(base.notes)
        self.archived = QCheckBox("停用（教学记录保留）", checked=base.archived)
        self._lay_out((("基地名称", self.name, "name"), ("类别", self.kind, "kind"), ("地址", self.address, "address"),
                       ("联系人", self.contact_name, "contact_name"), ("联系电话", self.contact_phone, "contact_phone"),
                       ("容量", self.capacity, "capacity"), ("备注", self.notes, "notes")),
                      self.archived, (self.name, self.contact_phone), (self.kind,), 520, 400)

    def reload_record(self) -> None:
        """The base as stored now (another clerk saved it since the form opened)."""
        self.base = found = versions.current(self.db, self.base)
        for edit, text in ((self.name, found.name), (self.address, found.address),
                           (self.contact_name, found.contact_name), (self.contact_phone, found.contact_phone)):
            edit.setText(text)
        select_word(self.kind, found.kind)
        self.capacity.setValue(found.capacity)
        self.notes.setPlainText(found.notes)
        self.archived.setChecked(found.archived)
        self._revalidate()

    def draft(self) -> TeachingBase:
        return replace(self.base, name=self.name.text().strip(), kind=self.kind.currentData(),
                       address=self.address.text().strip(), contact_name=self.contact_name.text().strip(),
                       contact_phone=self.contact_phone.text().strip(), capacity=self.capacity.value(),
                       notes=self.notes.toPlainText().strip(), archived=self.archived.isChecked())

    def _revalidate(self) -> None:
        errors = lecturers.base_errors(self.draft())
        self.errors.show(errors)
        self.save_button.setEnabled(not errors)

    def save(self) -> None:
        self.saved = save_or_show(self, self.errors, self.save_button, lambda: lecturers.save_base(self.db, self.draft()))
