"""The 评估 tab of a period's window: which questionnaire the period uses, 打印问卷 and 保存Excel问卷 (each
issues the form the first time), 导入收回的问卷 (many files at once, read off the UI thread), and the results:
how many came back, the satisfaction rate against the threshold (flagged when below), each question, each
session, each lecturer and the comments; 打印评估报告 and 导出Excel."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain import evaluation as scales
from app.domain.errors import UserError
from app.services.documents import DocumentRequest
from app.services.evaluation import forms, importer, results, templates, workbook
from app.services.exports.evaluation import export_period
from ui.common import messages
from ui.common.files import XLSX_FILTER, ask_save_file, export_workbook
from ui.common.flow_layout import FlowLayout, group
from ui.common.tab_parts import tab_button
from ui.common.widgets import make_table
from ui.common.write_access import enable_writes, writable
from ui.documents import print_actions
from ui.evaluation.models import CommentModel, LecturerModel, QuestionModel, SessionModel
from ui.shell.changes import Changed
from ui.shell.ops import run_op

RELOAD_ON = Changed.EVALUATION | Changed.TIMETABLE | Changed.TEACHING | Changed.CLASSES | Changed.PERIODS
GOOD_STYLE = "padding: 5px; border: 1px solid #c8d7c1; background: #eef6ea;"
BELOW_STYLE = "color: #7f1d1d; background: #fdecea; border: 1px solid #f5c2c0; padding: 5px;"
PLAIN_STYLE = "padding: 5px; border: 1px solid #d0d4dc; background: #f5f6f8;"


def ask_shape(parent: QWidget) -> str | None:
    """每人一份 or 汇总表 (None when cancelled); tests replace this."""
    chosen = messages.choose(parent, "保存Excel问卷",
                             "生成哪种问卷？\n每人一份：每位学员填一个文件（一题一行），交回后一次导入全部文件；\n"
                             "汇总表：一个文件中每位学员填一行，适合班主任统一录入。",
                             ["每人一份", "汇总表", "取消"], default=0)
    return {0: "form", 1: "table"}.get(chosen)


def ask_target(parent: QWidget, name: str):
    return ask_save_file(parent, "保存Excel问卷", name, XLSX_FILTER)


class EvaluationTab(QWidget):
    def __init__(self, session, period_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.period_id, self.found = session, period_id, None
        self.template = QComboBox(objectName="template")
        self.template.setToolTip("本期使用的问卷模板；收回问卷后不能再更换")
        self.template.activated.connect(self._template_chosen)
        self.status = QLabel(wordWrap=True, objectName="status")
        self.models = {"questions": QuestionModel(self), "sessions": SessionModel(self),
                       "lecturers": LecturerModel(self), "comments": CommentModel(self)}
        self.results = QTabWidget()
        self.tables = {}
        for key, title in (("questions", "各项评价"), ("sessions", "课程教学"), ("lecturers", "授课人"),
                           ("comments", "意见建议")):
            table = make_table(self.models[key], self.models[key].columns, self)
            table.setSortingEnabled(False)
            table.horizontalHeader().setSectionResizeMode(1 if key in ("questions",) else 0 if key == "comments"
                                                          else 2 if key == "sessions" else 0,
                                                          QHeaderView.ResizeMode.Stretch)
            self.tables[key] = table
            self.results.addTab(table, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._buttons())
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        session.changed.connect(self._data_changed)
        self.refresh()

    def _buttons(self) -> FlowLayout:
        self.templates_button = tab_button("问卷模板…", self.edit_templates, "修改问卷的题目、评分方式和满意率警戒线")
        self.print_form_button = tab_button("打印问卷…", self.print_form, "一页A4，不记名，学员在方框内打“√”")
        self.save_form_button = tab_button("保存Excel问卷…", self.save_form,
                                           "学员填写的Excel问卷：下拉选择评价，题目锁定，不记名")
        self.import_button = tab_button("导入收回的问卷…", self.import_files,
                                        "可一次选择多个文件：每人一份的问卷，或每位学员一行的汇总表")
        self.clear_button = tab_button("清除已导入…", self.clear, "导入错了文件时，清除本期已导入的全部问卷（会先询问，先备份）")
        self.report_button = tab_button("打印评估报告…", self.print_report, "收回份数、满意率、各题和各节课的评价，附图")
        self.export_button = tab_button("导出Excel…", self.export)
        self.write_buttons = [self.templates_button, self.save_form_button, self.import_button, self.clear_button]
        row = FlowLayout(last_to_the_right=True)
        row.addWidget(group(QLabel("问卷模板"), self.template, self.templates_button))
        row.addWidget(group(self.print_form_button, self.save_form_button, self.import_button, self.clear_button))
        row.addWidget(group(self.report_button, self.export_button))
        return row

    # what is shown
    def refresh(self) -> None:
        db = self.session.db
        evaluation = forms.evaluation_of(db, self.period_id)
        self.template.clear()
        for questionnaire in templates.templates(db) or []:
            self.template.addItem(questionnaire.name, questionnaire.id)
        if not self.template.count():
            self.template.addItem(templates.DEFAULT_NAME, None)
        if evaluation is not None and (index := self.template.findData(evaluation.questionnaire_id)) >= 0:
            self.template.setCurrentIndex(index)
        self.found = results.period_results(db, self.period_id) if evaluation is not None else None
        found = self.found
        self.models["questions"].set_rows(found.questions if found else [])
        self.models["sessions"].set_rows(found.sessions if found else [])
        self.models["lecturers"].set_rows(found.lecturers if found else [])
        self.models["comments"].set_rows(found.comments if found else [])
        for index, key in enumerate(("questions", "sessions", "lecturers", "comments")):
            title = self.results.tabText(index).split("（")[0]
            self.results.setTabText(index, f"{title}（{self.models[key].rowCount()}）" if found and key != "questions"
                                    else title)
        self.status.setText(self._status_text())
        self.status.setStyleSheet(BELOW_STYLE if found and found.below else GOOD_STYLE if found and found.responses
                                  else PLAIN_STYLE)
        responded = bool(found and found.responses)
        enable_writes(self.session, self.write_buttons)
        self.template.setEnabled(writable(self.session) and not responded)
        self.report_button.setEnabled(responded)
        self.clear_button.setEnabled(responded and writable(self.session))
        self.export_button.setEnabled(responded)

    def _status_text(self) -> str:
        found = self.found
        if found is None:
            return ("本期尚未发放评估问卷。打印问卷或保存Excel问卷时按所选模板发放；结业前请学员填写，"
                    "收回后点“导入收回的问卷”。")
        e = found.form.evaluation
        head = f"已发放问卷（{e.created_on}，{e.scale}评分，{len(found.form.lines)}项），满意率警戒线{e.threshold:.0%}。"
        if not found.responses:
            return head + "尚未导入收回的问卷。"
        text = (f"{head}收回问卷{found.responses}份，总体满意率{scales.percent(found.overall.rate)}，"
                f"平均分{scales.average_text(found.overall.average)}（满分{3 if found.scale == scales.THREE else 5}）")
        return ("⚠ " + text + "，低于警戒线，请分析原因、改进工作。") if found.below else text + "。"

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()

    # actions
    def _template_chosen(self) -> None:
        chosen = self.template.currentData()
        evaluation = forms.evaluation_of(self.session.db, self.period_id)
        if chosen is None or evaluation is None or evaluation.questionnaire_id == chosen or not writable(self.session):
            return  # not issued yet: the choice is used when the form is first printed or saved
        try:
            forms.reissue(self.session.db, self.period_id, chosen)
        except UserError as problem:
            messages.error(self, "更换问卷模板", str(problem))
        self.session.announce(Changed.EVALUATION)

    def _issue(self) -> bool:
        """Issues the form with the chosen template (when the window may write); False when it could not."""
        if forms.evaluation_of(self.session.db, self.period_id) is not None or not writable(self.session):
            return True
        try:
            forms.period_form(self.session.db, self.period_id, questionnaire_id=self.template.currentData())
        except UserError as problem:
            messages.error(self, "发放评估问卷", str(problem))
            return False
        self.session.announce(Changed.EVALUATION)
        return True

    def print_form(self):
        if self._issue():
            return print_actions.print_document(self, self.session,
                                                DocumentRequest("evaluation-form", period_id=self.period_id))
        return None

    def print_report(self):
        return print_actions.print_document(self, self.session,
                                            DocumentRequest("evaluation-report", period_id=self.period_id))

    def save_form(self):
        shape = ask_shape(self)
        if shape is None or not self._issue():
            return None
        form = forms.period_form(self.session.db, self.period_id, issue=False)
        suffix = "评估问卷" if shape == "form" else "评估问卷汇总表"
        from app.domain.text import safe_file_name

        path = ask_target(self, safe_file_name(f"{form.info.title}{suffix}") + ".xlsx")
        if path is None:
            return None

        def done(saved) -> None:
            messages.info(self, "保存Excel问卷", f"已保存：\n{saved}\n\n发给学员填写；交回后点“导入收回的问卷”，可一次选择多个文件。")

        return run_op(self, self.session, lambda db, progress: workbook.write_template(db, self.period_id, path, shape),
                      changed=Changed.EVALUATION, label="正在生成Excel问卷…", on_done=done)

    def import_files(self):
        from ui.evaluation.import_dialog import open_evaluation_import

        return open_evaluation_import(self, self.session, self.period_id)

    def clear(self) -> int:
        if not self.found or not self.found.responses or messages.choose(
                self, "清除已导入的问卷", f"清除本期已导入的{self.found.responses}份评估问卷吗？题目保留，可重新导入；"
                "清除前自动备份。", ["清除", "取消"], default=1) != 0:
            return 0
        try:
            count = importer.clear_responses(self.session.db, self.period_id)
        except UserError as problem:
            messages.error(self, "清除已导入的问卷", str(problem))
            return 0
        self.session.announce(Changed.EVALUATION)
        return count

    def edit_templates(self) -> bool:
        from ui.evaluation.template_dialog import TemplateDialog

        dialog = TemplateDialog(self, self.session, self.template.currentData())
        done = bool(dialog.exec())
        dialog.deleteLater()
        if done:
            self.session.announce(Changed.EVALUATION)
        return done

    def export(self):
        title = self.found.form.info.title if self.found else "评估结果"
        return export_workbook(self, "导出评估结果", f"{title}评估结果.xlsx",
                               lambda path: export_period(self.session.db, self.period_id, path))
