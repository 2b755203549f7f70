"""A session of the timetable: date and half-day (from the cell, changeable), times, topic, form, the
党性教育 tick, the lecturer (from the pool with completion, or typed with their post), the place or teaching
base, 学时 (by the rules unless set) and notes; checked as it is filled in by the service's own checks.
Saving a typed lecturer not in the pool offers to take them into it."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import teaching
from app.domain.errors import UserError, ValidationError
from app.domain.models import Period
from app.domain.teaching_records import Lecturer, Session
from app.services import versions
from app.services.teaching import lecturers, timetable, timetable_copy
from app.services.teaching.shares import hours_text
from ui.common import messages, stale
from ui.common.fields import ERROR_COLOR

POOL_QUESTION = ("“{name}”不在师资库中。加入师资库吗？\n加入后，课程表中写作“{name}”的课都会关联到这位授课人，"
                 "其类别、职称等可在师资库中补充。")


def _combo(items: list[tuple[str, object]], editable: bool) -> QComboBox:
    box = QComboBox(editable=editable)
    for text, data in items:
        box.addItem(text, data)
    if editable:
        completer = QCompleter([text for text, _ in items if text], box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        box.setCompleter(completer)
    box.setMinimumContentsLength(16)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box


class SessionDialog(QDialog):
    def __init__(self, parent: QWidget | None, db, period: Period, session: Session, writable: bool = True):
        super().__init__(parent)
        self.db, self.period, self.original = db, period, session
        self.saved: Session | None = None
        self.setWindowTitle("编辑课程" if session.id else "添加课程")
        self.pool = {lecturer.id: lecturer for lecturer in lecturers.list_lecturers(db, include_archived=True)}
        self.bases = {base.id: base for base in lecturers.list_bases(db, include_archived=True)}
        self._build()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 34)
        self._load(session)
        for signal in (self.day.dateChanged, self.half.currentIndexChanged, self.start.textChanged,
                       self.end.textChanged, self.topic.textChanged, self.form.currentIndexChanged,
                       self.lecturer.editTextChanged, self.post.textChanged, self.place.editTextChanged,
                       self.by_rule.toggled, self.hours.valueChanged, self.party.toggled):
            signal.connect(self._revalidate)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setVisible(writable)
        self._revalidate()

    def _build(self) -> None:
        self.day = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.day.setDateRange(QDate.fromString(self.period.start_date, Qt.DateFormat.ISODate),
                              QDate.fromString(self.period.end_date, Qt.DateFormat.ISODate))
        self.half = _combo([(half, half) for half in teaching.HALVES], False)
        self.start, self.end = QLineEdit(placeholderText="如 08:30"), QLineEdit(placeholderText="如 11:30")
        self.topic = QLineEdit(placeholderText="课程内容（专题、课题）")
        topics = [row["topic"] for row in timetable_copy.topics_taught(self.db)]
        completer = QCompleter(topics, self.topic)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.topic.setCompleter(completer)
        self.form = _combo([("", ""), *((form, form) for form in teaching.SESSION_FORMS)], False)
        self.party = QCheckBox("党性教育课程", toolTip="教学形式为“党性教育”的课自动计入；其他形式的党性教育课在此勾选")
        self.lecturer = _combo([("", None), *((f"{l.name}", l.id) for l in self.pool.values())], True)
        self.lecturer.lineEdit().setPlaceholderText("从师资库选择，或直接输入姓名")
        self.post = QLineEdit(placeholderText="授课人职务职称")
        self.place = _combo([("", None), *((b.name, b.id) for b in self.bases.values())], True)
        self.place.lineEdit().setPlaceholderText("教学基地，或直接输入地点")
        self.by_rule = QCheckBox("按规则计算")
        self.hours = QDoubleSpinBox(minimum=0, maximum=timetable.MAX_SESSION_HOURS, singleStep=0.5, decimals=2,
                                    suffix=" 学时")
        self.rule_note = QLabel()
        self.notes = QLineEdit()
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR}")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("日期", self._row(self.day, QLabel("时段"), self.half))
        form.addRow("时间", self._row(self.start, QLabel("至"), self.end))
        form.addRow("课程内容", self.topic)
        form.addRow("教学形式", self._row(self.form, self.party))
        form.addRow("授课人", self.lecturer)
        form.addRow("职务职称", self.post)
        form.addRow("地点", self.place)
        form.addRow("学时", self._row(self.by_rule, self.hours, self.rule_note))
        form.addRow("备注", self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _load(self, s: Session) -> None:
        self.day.setDate(QDate.fromString(s.day, Qt.DateFormat.ISODate))
        self.half.setCurrentIndex(max(0, self.half.findData(s.half)))
        self.start.setText(s.start_time)
        self.end.setText(s.end_time)
        self.topic.setText(s.topic)
        self.form.setCurrentIndex(max(0, self.form.findData(s.form)))
        self.party.setChecked(s.party_spirit)
        pool_index = self.lecturer.findData(s.lecturer_id) if s.lecturer_id is not None else -1
        if pool_index >= 0:
            self.lecturer.setCurrentIndex(pool_index)
        else:
            self.lecturer.setEditText(s.lecturer_name)
            self.post.setText(s.lecturer_post)
        base_index = self.place.findData(s.base_id) if s.base_id is not None else -1
        if base_index >= 0:
            self.place.setCurrentIndex(base_index)
        else:
            self.place.setEditText(s.place)
        self.by_rule.setChecked(s.hours is None)
        self.hours.setValue(s.hours or 0)
        self.notes.setText(s.notes)

    def reload_record(self) -> None:
        """The session as stored now (another clerk saved it since the form opened)."""
        self.original = versions.current(self.db, self.original)
        self._load(self.original)
        self._revalidate()

    def chosen_lecturer(self) -> Lecturer | None:
        """The pool's lecturer whose name is in the box (the one picked when two share it)."""
        name = self.lecturer.currentText().strip()
        data = self.lecturer.currentData()
        if data is not None and self.lecturer.itemText(self.lecturer.currentIndex()) == name:
            return self.pool[data]
        return next((l for l in self.pool.values() if l.name == name and not l.archived), None)

    def chosen_base(self):
        name = self.place.currentText().strip()
        return next((b for b in self.bases.values() if b.name == name), None)

    def draft(self) -> Session:
        lecturer, base = self.chosen_lecturer(), self.chosen_base()
        typed = self.lecturer.currentText().strip()
        return replace(
            self.original, day=self.day.date().toString(Qt.DateFormat.ISODate), half=self.half.currentData(),
            start_time=self.start.text().strip(), end_time=self.end.text().strip(), topic=self.topic.text().strip(),
            form=self.form.currentData(), party_spirit=self.party.isChecked(),
            lecturer_id=lecturer.id if lecturer else None, lecturer_name="" if lecturer else typed,
            lecturer_post="" if lecturer else self.post.text().strip(),
            base_id=base.id if base else None, place="" if base else self.place.currentText().strip(),
            hours=None if self.by_rule.isChecked() else self.hours.value(), notes=self.notes.text().strip())

    def _revalidate(self) -> None:
        draft = self.draft()
        lecturer = self.chosen_lecturer()
        self.post.setReadOnly(lecturer is not None)
        if lecturer is not None:
            self.post.setText(lecturer.post)
        by_party_form = draft.form in teaching.PARTY_SPIRIT_FORMS
        self.party.setEnabled(not by_party_form)
        default = timetable_copy.default_hours(self.db, draft)
        self.hours.setEnabled(not self.by_rule.isChecked())
        if self.by_rule.isChecked():
            self.hours.blockSignals(True)
            self.hours.setValue(default)
            self.hours.blockSignals(False)
        self.rule_note.setText(f"按规则：{hours_text(default)}学时")
        errors = timetable.session_errors(draft, self.period)
        self.error.setText("\n".join(errors.values()))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not errors)

    def save(self) -> None:
        draft = self.draft()
        try:
            self.saved = timetable.save_session(self.db, draft)
        except ValidationError as problem:
            self.error.setText("\n".join(problem.errors.values()))
            return
        except UserError as problem:
            if not stale.refused(self, problem, self.reload_record if self.original.id else None):
                messages.error(self, "未能保存", str(problem))
            return
        if draft.lecturer_id is None and draft.lecturer_name:
            self._offer_pool(draft)
        self.accept()

    def _offer_pool(self, draft: Session) -> None:
        question = POOL_QUESTION.format(name=draft.lecturer_name)
        if messages.choose(self, "加入师资库", question, ["加入师资库", "暂不加入"]) != 0:
            return
        try:
            lecturers.take_into_pool(self.db, Lecturer(draft.lecturer_name, post=draft.lecturer_post))
        except UserError as problem:
            messages.error(self, "未能加入师资库", str(problem))
