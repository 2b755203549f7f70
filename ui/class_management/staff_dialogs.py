"""添加跟班人员 / 登记学风督查: the period's 班主任 and 跟班人员 and its 学风督查 records, checked as one types by
the service's rules and saved in one logged transaction."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from app.domain.quality_records import DisciplineCheck, PeriodStaff
from app.services import versions
from app.services.class_management import staff
from ui.common.form import FieldErrors, choice_box, save_cancel, save_or_show, select_data
from ui.common.windows import fit_window


class StaffDialog(QDialog):
    def __init__(self, parent, db, member: PeriodStaff):
        super().__init__(parent)
        self.db, self.member, self.saved = db, member, None
        self.setWindowTitle("编辑跟班人员" if member.id else "添加班主任或跟班人员")
        self.errors = FieldErrors()
        self.role = choice_box(staff.STAFF_ROLES, empty=False)
        select_data(self.role, member.role)
        self.name = QLineEdit(member.name, objectName="name")
        self.phone = QLineEdit(member.phone, objectName="phone", placeholderText="如 023-77221234，可不填")
        self.notes = QLineEdit(member.notes, objectName="notes", placeholderText="如 全程跟班、负责考勤")
        form = QFormLayout()
        for label, widget, key in (("职责", self.role, "role"), ("姓名", self.name, "name"),
                                   ("联系电话", self.phone, "phone"), ("备注", self.notes, "notes")):
            self.errors.add_row(form, label, widget, key)
        buttons, self.save_button = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("班主任和跟班人员由组织部（或承办单位）派出，全程跟班管理。", objectName="note", wordWrap=True))
        layout.addWidget(buttons)
        for edit in (self.name, self.phone, self.notes):
            edit.textChanged.connect(self.revalidate)
        fit_window(self, self.fontMetrics().horizontalAdvance("汉") * 28, self.sizeHint().height())
        self.revalidate()

    def reload_record(self) -> None:
        """The member as stored now (another clerk saved it since the form opened)."""
        self.member = found = versions.current(self.db, self.member)
        select_data(self.role, found.role)
        for edit, text in ((self.name, found.name), (self.phone, found.phone), (self.notes, found.notes)):
            edit.setText(text)
        self.revalidate()

    def draft(self) -> PeriodStaff:
        return replace(self.member, role=self.role.currentData(), name=self.name.text().strip(),
                       phone=self.phone.text().strip(), notes=self.notes.text().strip())

    def revalidate(self) -> dict:
        errors = staff.staff_errors(self.draft())
        self.errors.show(errors if self.name.text() or len(errors) > 1 else {})
        self.save_button.setEnabled(not errors)
        return errors

    def save(self) -> None:
        if not self.revalidate():
            self.saved = save_or_show(self, self.errors, self.save_button, lambda: staff.save_staff(self.db, self.draft()))


class CheckDialog(QDialog):
    def __init__(self, parent, db, check: DisciplineCheck, start: str, end: str):
        super().__init__(parent)
        self.db, self.check, self.start, self.end, self.saved = db, check, start, end, None
        self.setWindowTitle("编辑学风督查记录" if check.id else "登记学风督查")
        self.errors = FieldErrors()
        self.day = QLineEdit(check.day, objectName="day", placeholderText=f"如 {start}")
        self.checker = QLineEdit(check.checker, objectName="checker", placeholderText="如 县委组织部干部教育科")
        self.findings = QPlainTextEdit(check.findings, objectName="findings")
        self.findings.setPlaceholderText("到课、课堂纪律、作风等情况，发现的问题和处理")
        self.findings.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.notes = QLineEdit(check.notes, objectName="notes")
        form = QFormLayout()
        for label, widget, key in (("督查日期", self.day, "day"), ("督查人", self.checker, "checker"),
                                   ("督查情况", self.findings, "findings"), ("备注", self.notes, "notes")):
            self.errors.add_row(form, label, widget, key)
        buttons, self.save_button = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"本期培训时间：{start} 至 {end}", objectName="note"))
        layout.addLayout(form)
        layout.addWidget(buttons)
        for edit in (self.day, self.checker, self.notes):
            edit.textChanged.connect(self.revalidate)
        self.findings.textChanged.connect(self.revalidate)
        fit_window(self, self.fontMetrics().horizontalAdvance("汉") * 34, self.sizeHint().height())
        self.revalidate()

    def reload_record(self) -> None:
        """The check as stored now (another clerk saved it since the form opened)."""
        self.check = found = versions.current(self.db, self.check)
        for edit, text in ((self.day, found.day), (self.checker, found.checker), (self.notes, found.notes)):
            edit.setText(text)
        self.findings.setPlainText(found.findings)
        self.revalidate()

    def draft(self) -> DisciplineCheck:
        return staff.cleaned_check(replace(self.check, day=self.day.text(), checker=self.checker.text(),
                                           findings=self.findings.toPlainText(), notes=self.notes.text()))

    def revalidate(self) -> dict:
        errors = staff.check_errors(self.draft(), self.start, self.end)
        typed = self.day.text() or self.checker.text() or self.findings.toPlainText()
        self.errors.show(errors if typed else {})
        self.save_button.setEnabled(not errors)
        return errors

    def save(self) -> None:
        if not self.revalidate():
            self.saved = save_or_show(self, self.errors, self.save_button, lambda: staff.save_check(self.db, self.draft()))
