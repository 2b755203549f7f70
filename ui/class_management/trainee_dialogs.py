"""结业考核 of one trainee (score or 合格 / 不合格, 党性分析, 研究报告, and the reason a trainee who failed still
completes), putting trainees in a group (分组), and the office's 学员守则."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.domain.errors import UserError, ValidationError
from app.domain.models import EnrollmentRow
from app.services import versions
from app.services.class_management import assessment, committee, rules
from app.services.class_management.completion import RESULTS, failed, pass_score
from ui.common import messages
from ui.common.form import FieldErrors, choice_box, save_cancel, save_or_show, select_data
from ui.common.windows import fit_window

NOT_ASSESSED = "（未考核）"


class AssessmentDialog(QDialog):
    def __init__(self, parent, db, line: EnrollmentRow):
        super().__init__(parent)
        self.db, self.line, self.saved = db, line, None
        self.passing = pass_score(db)
        self.setWindowTitle(f"结业考核 — {line.person_name}")
        self.errors = FieldErrors()
        self.score = QLineEdit("" if line.assessment_score is None else f"{line.assessment_score:g}", objectName="score",
                               placeholderText="如 85，不计分可不填")
        self.result = choice_box(RESULTS)
        self.result.setItemText(0, NOT_ASSESSED)
        select_data(self.result, line.assessment_result)
        self.party_analysis = QCheckBox("已交党性分析材料", checked=line.party_analysis)
        self.report_title = QLineEdit(line.report_title, objectName="report_title",
                                      placeholderText="研究报告或学习心得的题目")
        self.reason = QLineEdit(line.completion_reason, objectName="completion_reason",
                                placeholderText="考核不合格仍准予结业时填写")
        form = QFormLayout()
        for label, widget, key in (("考核成绩", self.score, "score"), ("考核结果", self.result, "result"),
                                   ("党性分析", self.party_analysis, "party_analysis"),
                                   ("研究报告", self.report_title, "report_title"),
                                   ("结业理由", self.reason, "completion_reason")):
            self.errors.add_row(form, label, widget, key)
        self.hint = QLabel(wordWrap=True, objectName="note")
        buttons, self.save_button = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{line.person_name}　{line.unit_name}　状态：{line.status}", objectName="note"))
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        for edit in (self.score, self.report_title, self.reason):
            edit.textChanged.connect(self.revalidate)
        self.result.currentIndexChanged.connect(self.revalidate)
        fit_window(self, self.fontMetrics().horizontalAdvance("汉") * 32, self.sizeHint().height())
        self.revalidate()

    def reload_record(self) -> None:
        """The trainee's 考核 as stored now (another clerk saved it since the form opened)."""
        found = versions.current(self.db, self.line)
        self.line = replace(self.line, status=found.status, assessment_score=found.assessment_score,
                            assessment_result=found.assessment_result, party_analysis=found.party_analysis,
                            report_title=found.report_title, completion_reason=found.completion_reason,
                            version=found.version)
        self.score.setText("" if found.assessment_score is None else f"{found.assessment_score:g}")
        select_data(self.result, found.assessment_result)
        self.party_analysis.setChecked(found.party_analysis)
        self.report_title.setText(found.report_title)
        self.reason.setText(found.completion_reason)
        self.revalidate()

    def draft(self) -> assessment.AssessmentDraft:
        return assessment.AssessmentDraft(self.score.text(), self.result.currentData(), self.party_analysis.isChecked(),
                                          self.report_title.text(), self.reason.text())

    def revalidate(self) -> dict:
        errors: dict = {}
        try:
            score, result, _ = assessment.checked(self.draft(), self.passing, self.line.status)
        except ValidationError as problem:
            errors, score, result = problem.errors, None, self.result.currentData()
        self.errors.show(errors)
        self.save_button.setEnabled(not errors)
        fails = failed(score, result, self.passing)
        self.reason.setEnabled(fails or bool(self.reason.text()))
        self.hint.setText(f"合格分数线{self.passing:g}分；只填成绩时按分数线判定合格或不合格。"
                          + ("考核不合格的学员须填写结业理由才能标为结业。" if fails else ""))
        return errors

    def save(self) -> None:
        if not self.revalidate():
            self.saved = save_or_show(self, self.errors, self.save_button,
                                      lambda: assessment.save_assessment(self.db, self.line.id, self.draft(),
                                                                         self.line.version))


class GroupDialog(QDialog):
    """Which group the chosen trainees go to: an existing group, a new name, or none."""

    def __init__(self, parent, db, period_id: int, lines: list[EnrollmentRow]):
        super().__init__(parent)
        self.db, self.period_id, self.lines = db, period_id, lines
        self.setWindowTitle("分组")
        existing = [g.name for g in committee.groups(db, period_id)]
        self.group = QComboBox(editable=True, objectName="group")
        self.group.addItems(existing + [f"第{n}组" for n in "一二三四五六七八" if f"第{n}组" not in existing][:1])
        self.group.setCurrentText(lines[0].study_group if len(lines) == 1 and lines[0].study_group
                                  else self.group.itemText(self.group.count() - 1))
        names = "、".join(line.person_name for line in lines[:8]) + (f"等{len(lines)}人" if len(lines) > 8 else "")
        form = QFormLayout()
        form.addRow("分到", self.group)
        buttons, self.save_button = save_cancel(self, "确定")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"把{names}分到：", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(QLabel("小组名称留空则移出小组。", objectName="note"))
        layout.addWidget(buttons)
        fit_window(self, self.fontMetrics().horizontalAdvance("汉") * 26, self.sizeHint().height())

    def save(self) -> None:
        try:
            committee.set_group(self.db, self.period_id, [line.id for line in self.lines], self.group.currentText())
        except UserError as problem:
            messages.error(self, "未能分组", str(problem))
            return
        self.accept()


class RulesDialog(QDialog):
    """学员守则与结业考核 (设置): the office's 学员守则, printed after every 学员名册 (emptied, the default comes back),
    and the pass score a 结业考核 score is judged by."""

    def __init__(self, parent, db):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("学员守则与结业考核")
        self.text = QPlainTextEdit(rules.trainee_rules(db), objectName="rules")
        self.pass_score = QDoubleSpinBox(minimum=1, maximum=100, decimals=1, suffix=" 分", objectName="pass_score")
        self.pass_score.setValue(pass_score(db))
        self.pass_score.setToolTip("只填考核成绩时，低于此分数判定为不合格")
        buttons, self.save_button = save_cancel(self)
        score = QFormLayout()
        score.addRow("考核合格分数线", self.pass_score)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("学员守则每条一行，打印学员名册时附在名册之后；清空后保存即恢复默认内容。", objectName="note",
                                wordWrap=True))
        layout.addWidget(self.text, 1)
        layout.addLayout(score)
        layout.addWidget(buttons)
        fit_window(self, self.fontMetrics().horizontalAdvance("汉") * 44, self.fontMetrics().lineSpacing() * 26)

    def save(self) -> None:
        try:
            rules.save_rules(self.db, self.text.toPlainText(), self.pass_score.value())
        except UserError as problem:
            messages.error(self, "未能保存", str(problem))
            return
        self.accept()


def edit_rules(parent, session) -> bool:
    """设置 → 学员守则与结业考核…, and the 班级管理 tab's 学员守则… (not while the database is read-only)."""
    from ui.common.write_access import edit_settings
    from ui.shell.changes import Changed

    return edit_settings(parent, session, "学员守则与结业考核", lambda: RulesDialog(parent, session.db), Changed.SETTINGS)
