"""登记学时: hours a person earned outside the office's classes (online learning, another institution),
checked as you type by the rules the service applies, saved in one transaction."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from app.domain.models import HoursRecord, Person
from app.services.hours import ledger
from ui.common.form import FieldErrors, choice_box, save_cancel, save_or_show
from ui.common.windows import fit_window


class HoursRecordDialog(QDialog):
    def __init__(self, parent, db, person: Person, year: int | None = None):
        super().__init__(parent)
        self.db, self.person = db, person
        self.saved: HoursRecord | None = None
        self.setWindowTitle(f"登记学时 — {person.name}")
        self.errors = FieldErrors()
        self.year = QSpinBox(minimum=ledger.FIRST_YEAR, maximum=ledger.LAST_YEAR, suffix=" 年")
        self.year.setValue(year or date.today().year)
        self.hours = QLineEdit(placeholderText="如 2 或 1.5")
        self.kind = choice_box(ledger.KINDS, empty=False)
        self.source = QLineEdit(placeholderText="如 中国干部网络学院、市委党校")
        self.date = QLineEdit(placeholderText="如 2020-05-08，可不填")
        self.notes = QLineEdit(placeholderText="如 课程名称、证书编号")
        form = QFormLayout()
        for label, widget, key in (("年度", self.year, "year"), ("学时", self.hours, "hours"), ("类别", self.kind, "kind"),
                                   ("来源", self.source, "source"), ("日期", self.date, "date"),
                                   ("备注", self.notes, "notes")):
            self.errors.add_row(form, label, widget, key)
        self.buttons, self.save_button = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{person.name}　{person.unit_name or ''}", objectName="note"))
        layout.addLayout(form)
        layout.addWidget(QLabel("班次学时在结班时自动计入，这里只登记组织调训以外的学时。", objectName="note", wordWrap=True))
        layout.addWidget(self.buttons)
        self.year.valueChanged.connect(self._revalidate)
        self.kind.currentIndexChanged.connect(self._revalidate)
        for edit in (self.hours, self.source, self.date, self.notes):
            edit.textChanged.connect(self._revalidate)
        fit_window(self, self.fontMetrics().horizontalAdvance("汉") * 30, self.sizeHint().height())
        self._revalidate()

    def draft(self) -> HoursRecord:
        return HoursRecord(self.person.id, self.year.value(), ledger.hours_value(self.hours.text()),
                           self.kind.currentData(), self.source.text().strip(), self.date.text().strip(),
                           self.notes.text().strip())

    def problems(self) -> dict[str, str]:
        errors = ledger.record_errors(self.draft())
        typed = self.hours.text().strip()
        if not typed:
            errors["hours"] = "请填写学时"
        elif ledger.hours_value(typed) is None:
            errors["hours"] = f"学时“{typed}”不是数字（应如 2 或 1.5）"
        return errors

    def _revalidate(self) -> None:
        errors = self.problems()
        self.errors.show(errors)
        self.save_button.setEnabled(not errors)

    def save(self) -> None:
        if self.problems():
            return
        self.saved = save_or_show(self, self.errors, self.save_button, lambda: ledger.add_record(self.db, self.draft()))
