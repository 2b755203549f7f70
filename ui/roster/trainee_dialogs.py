"""Dialogs of the roster window: picking people to add, replacing a trainee (更换, with the 5-day rule),
and a trainee's hours, key problems (重点难点问题或典型案例) and notes."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
)

from app.domain.errors import RecordDeleted, StaleRecord, ValidationError
from app.services import roster
from app.services.makeup import items as makeup_items
from ui.common import stale
from ui.common.form import FieldErrors
from ui.common.windows import fit_window, remember_window
from ui.roster.behind_list import BehindList
from ui.roster.people_search import PeopleSearch


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, object]:
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


class PersonPicker(QDialog):
    """Several people chosen from the archive for the roster: searched, or those furthest behind their
    required hours first (the year is the period's)."""

    def __init__(self, parent, db, title: str, year: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"从档案添加学员 — {title}")
        self.search = PeopleSearch(db, multiple=True, parent=self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.search, "查找人员")
        self.behind = None
        if year is not None:
            self.behind = BehindList(db, year, self)
            self.tabs.addTab(self.behind, f"应训未训优先（{year}年学时差额大的在前）")
            self.behind.selection_changed.connect(self._count)
        self.tabs.currentChanged.connect(self._count)
        self.count = QLabel(objectName="note")
        buttons, self.ok = _buttons(self, "加入名单")
        buttons.accepted.connect(self.accept)
        self.search.selection_changed.connect(self._count)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("按住 Ctrl 或 Shift 可多选；已在名单中的人不会重复加入。", objectName="note"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        remember_window(self, "person-picker", 860, 520)
        self._count()

    def _count(self) -> None:
        chosen = len(self.person_ids())
        self.count.setText(f"已选 {chosen} 人" if chosen else "请在列表中选择要加入的人")
        self.ok.setEnabled(bool(chosen))

    def person_ids(self) -> list[int]:
        if self.behind is not None and self.tabs.currentWidget() is self.behind:
            return self.behind.selected_ids()
        return [person.id for person in self.search.selected()]


class ReplaceDialog(QDialog):
    """Swaps one trainee for another; less than 5 days before the start, the reason is required."""

    def __init__(self, parent, db, line, today: date | None = None):
        super().__init__(parent)
        self.db, self.line, self.today = db, line, today or date.today()
        self.enrollment = roster.get_enrollment(db, line.enrollment_id)
        self.period = roster.period_of(db, line.period_id)
        self.setWindowTitle(f"更换学员 — {line.name}（{line.unit_name}）")
        self.search = PeopleSearch(db, multiple=False, parent=self)
        self.reason = QLineEdit(placeholderText="更换原因，如：原学员因病住院")
        days = roster.days_before_start(self.period, self.today)
        rule = (f"距开班还有{days}天。" if days > 0 else "已到开班日期。") + (
            "不足5天，须说明更换原因；更换将记入操作记录。" if days < roster.REPLACE_NOTICE_DAYS
            else "按规定，更换学员应提前5天报告。")
        self.errors = FieldErrors()
        form = QFormLayout()
        self.errors.add_row(form, "替换为", self.search, "person")
        self.errors.add_row(form, "更换原因", self.reason, "reason")
        buttons, self.ok = _buttons(self, "更换")
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(rule, objectName="note", wordWrap=True))
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        self.search.selection_changed.connect(self._revalidate)
        self.reason.textChanged.connect(self._revalidate)
        self.saved = None
        self.busy: list[str] = []
        remember_window(self, "replace", 860, 520)
        self._revalidate()

    def _problems(self) -> dict[str, str]:
        chosen = self.search.selected()
        if not chosen:
            return {"person": "请在列表中选择替换的人"}
        return roster.replace_errors(self.db, self.enrollment, self.period, chosen[0].id,
                                             self.reason.text().strip(), self.today)

    def _revalidate(self) -> None:
        problems = self._problems()
        shown = {key: text for key, text in problems.items() if key != "person" or self.search.selected()}
        self.errors.show(shown)
        self.ok.setEnabled(not problems)

    def save(self) -> None:
        try:
            self.saved, self.busy = roster.replace_trainee(
                self.db, self.line.enrollment_id, self.search.selected()[0].id, self.reason.text(), self.today)
        except ValidationError as error:
            self.errors.show(error.errors)
            return
        self.accept()


class TraineeDialog(QDialog):
    """Hours, the key problems or typical cases a trainee brings (collected with the roster), notes."""

    def __init__(self, parent, db, line):
        super().__init__(parent)
        self.db, self.line = db, line
        self.version = roster.get_enrollment(db, line.enrollment_id).version  # what a save is made over
        self.setWindowTitle(f"学员信息 — {line.name}（{line.unit_name}）")
        self.hours = QDoubleSpinBox(decimals=1, maximum=9999, singleStep=0.5)
        self.hours.setValue(line.hours)
        self.problems = QPlainTextEdit(line.key_problems)
        self.problems.setPlaceholderText("学员关心关注的重点难点问题或典型案例，随名单报送党校供授课参考")
        self.notes = QLineEdit(line.notes)
        self.errors = FieldErrors()
        form = QFormLayout()
        form.addRow("状态", QLabel(line.status))
        if makeup := _makeup_text(db, line.enrollment_id):
            form.addRow("补训", QLabel(makeup, wordWrap=True))
        self.errors.add_row(form, "学时", self.hours, "hours")
        self.errors.add_row(form, "重点难点问题\n或典型案例", self.problems, "key_problems")
        self.errors.add_row(form, "备注", self.notes, "notes")
        buttons, _ = _buttons(self, "保存")
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        fit_window(self, 600, 360)

    def save(self) -> None:
        try:
            roster.update_details(self.db, self.line.enrollment_id, self.hours.value(),
                                  self.problems.toPlainText(), self.notes.text(), self.version)
        except ValidationError as error:
            self.errors.show(error.errors)
            return
        except (StaleRecord, RecordDeleted) as error:
            stale.refused(self, error, self.reload_record)
            return
        self.accept()

    def reload_record(self) -> None:
        """The trainee's record as stored now (another clerk saved it since the form opened)."""
        enrollment = roster.get_enrollment(self.db, self.line.enrollment_id)
        self.version = enrollment.version
        self.hours.setValue(enrollment.hours)
        self.problems.setPlainText(enrollment.key_problems)
        self.notes.setText(enrollment.notes)


def _makeup_text(db, enrollment_id: int) -> str:
    """What a make-up trainee makes up for, or why a trainee of a roll-call class is 待补训 (and what is done)."""
    enrollment = roster.get_enrollment(db, enrollment_id)
    if enrollment.makeup_of is not None:
        return makeup_items.makeup_of_text(db, enrollment.makeup_of)
    found = makeup_items.item(db, enrollment_id)
    if found is None:
        return ""
    if found.waived:
        return f"免补训：{found.line.makeup_note}"
    return f"{found.state}（{found.reason}）" + (f"：{found.makeup_title}" if found.makeup else "")
