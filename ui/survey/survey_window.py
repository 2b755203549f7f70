"""The 需求调研 window, opened from the 计划 page: a coming year's survey (建立 for a year, its topics started from
the latest plan's themes), its topics edited (添加, 删除, 上移, 下移, renamed in place; 保存 writes them at
once), 保存调研表… (the Excel form for the units), 导入调研表… (many returned files at once), the units that
returned and those that did not, and the tally (ranking, months, categories) exported and printed."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError, ValidationError
from app.services.documents import DocumentRequest
from app.services.survey import surveys
from app.services.survey.surveys import TopicDraft
from app.services.survey.tally import Tally, export_tally, tally
from ui.common import messages, stale
from ui.common.files import export_workbook
from ui.common.widgets import CompactCombo, ElidedLabel, elided_heading, make_table
from ui.common.windows import remember_columns, remember_window
from ui.common.write_access import enable_writes, writable
from ui.documents import print_actions
from ui.shell.changes import Changed
from ui.shell.session import Session
from ui.shell.shortcuts import window_keys
from ui.survey.import_dialog import open_survey_import
from ui.survey.models import RankingModel, ReturnsModel, TopicsModel

TOPICS, RETURNS, TALLY = range(3)
EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)
RELOAD_ON = Changed.SURVEY | Changed.UNITS | Changed.PLANS | Changed.CLASSES


def ask_year(parent: QWidget, suggested: int) -> int | None:
    """The year of a new survey (None when cancelled); tests replace this."""
    year, ok = QInputDialog.getInt(parent, "建立需求调研", "调研哪一年的培训需求：", suggested, 2000, 2100)
    return year if ok else None


def ask_topic(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getText(parent, "添加专题", "培训专题：")
    return text if ok else None


class SurveyWindow(QWidget):
    def __init__(self, parent: QWidget | None, session: Session, year: int | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.dirty = False
        self.found: Tally | None = None
        self.task = None
        self.setWindowTitle("需求调研 — 各单位下一年度的培训需求")
        self.title, self.facts = elided_heading("需求调研"), ElidedLabel(object_name="note")
        self.year_box = CompactCombo(8)
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.new_button = QPushButton("建立调研…", toolTip="为一个年度建立需求调研，专题取自最近一年计划的班次主题")
        self.new_button.clicked.connect(self.new_survey)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(QLabel("年度"))
        header.addWidget(self.year_box)
        header.addWidget(self.new_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._topics_tab(), "调研专题")
        self.tabs.addTab(self._returns_tab(), "报送情况")
        self.tabs.addTab(self._tally_tab(), "汇总")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addLayout(self._buttons())
        layout.addWidget(self.tabs, 1)
        session.changed.connect(self._data_changed)
        session.database_changed.connect(self.close)
        remember_columns(self.ranking, "survey-ranking")
        remember_window(self, "survey", 1000, 620)
        window_keys(self, "survey")
        self._fill_years(year)

    # --- building

    def _topics_tab(self) -> QWidget:
        page = QWidget()
        self.title_edit, self.deadline_edit = QLineEdit(), QLineEdit(placeholderText="如：2020年9月10日前")
        self.title_edit.setMaxLength(60)
        self.deadline_edit.setMaxLength(30)
        for edit in (self.title_edit, self.deadline_edit):
            edit.textEdited.connect(self._edited)
        form = QHBoxLayout()
        form.addWidget(QLabel("调研名称"))
        form.addWidget(self.title_edit, 3)
        form.addWidget(QLabel("报送时限"))
        form.addWidget(self.deadline_edit, 2)
        self.topics = TopicsModel(self)
        self.topics.edited.connect(self._edited)
        self.topic_table = make_table(self.topics, (), page)
        self.topic_table.setSortingEnabled(False)
        header = self.topic_table.horizontalHeader()
        char = self.fontMetrics().horizontalAdvance("汉")
        self.topic_table.setColumnWidth(0, char * 3)
        self.topic_table.setColumnWidth(1, char * 24)
        header.setStretchLastSection(True)
        self.topic_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button, self.remove_button = QPushButton("添加专题…"), QPushButton("删除专题")
        self.up_button, self.down_button = QPushButton("上移"), QPushButton("下移")
        self.save_button, self.revert_button = QPushButton("保存修改"), QPushButton("放弃修改")
        for button, slot in ((self.add_button, self.add_topic), (self.remove_button, self.remove_topic),
                             (self.up_button, lambda: self.move_topic(-1)), (self.down_button, lambda: self.move_topic(1)),
                             (self.save_button, self.save), (self.revert_button, self.revert)):
            button.clicked.connect(slot)
        self.topic_table.setToolTip("双击专题名称可直接修改。单位报送后改名的专题，已有的需求计入改名后的专题；删除的专题，已有的需求按单位填写的名称计入汇总。")
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.save_button)
        side.addWidget(self.revert_button)
        row = QHBoxLayout()
        row.addWidget(self.topic_table, 1)
        row.addLayout(side)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(form)
        layout.addLayout(row, 1)
        return page

    def _returns_tab(self) -> QWidget:
        page = QWidget()
        self.returns = ReturnsModel(self)
        self.return_table = make_table(self.returns, self.returns.columns, page)
        remember_columns(self.return_table, "survey-returns")
        self.missing = ElidedLabel(object_name="note")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.return_table, 1)
        layout.addWidget(self.missing)
        return page

    def _tally_tab(self) -> QWidget:
        page = QWidget()
        self.ranking_model = RankingModel(self)
        self.ranking = make_table(self.ranking_model, self.ranking_model.columns, page)
        self.months_label, self.categories_label = ElidedLabel(), ElidedLabel()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.ranking, 1)
        below = QHBoxLayout()
        below.addWidget(self.months_label, 1)
        below.addWidget(self.categories_label, 1)
        layout.addLayout(below)
        return page

    def _buttons(self) -> QHBoxLayout:
        self.form_button = QPushButton("保存调研表…", toolTip="生成发给各单位填写的 Excel 调研表")
        self.import_button = QPushButton("导入调研表…", toolTip="导入各单位报送的调研表，可一次选择多个文件")
        self.export_button = QPushButton("导出汇总…")
        self.print_button = QPushButton("打印汇总…")
        for button, slot in ((self.form_button, self.save_form), (self.import_button, self.import_returns),
                             (self.export_button, self.export), (self.print_button, self.print_report)):
            button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addWidget(self.facts, 1)
        for button in (self.form_button, self.import_button, self.export_button, self.print_button):
            row.addWidget(button)
        return row

    # --- showing

    def year(self) -> int | None:
        return self.year_box.currentData()

    def _fill_years(self, keep: int | None) -> None:
        years = surveys.years(self.session.db)
        keep = keep if keep is not None else self.year()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in reversed(years):
            self.year_box.addItem(f"{year}年", year)
        self.year_box.setCurrentIndex(max(self.year_box.findData(keep), 0))
        self.year_box.blockSignals(False)
        self.refresh()

    def _year_chosen(self) -> None:
        if self.dirty and not self._leave_edits():
            shown = self.survey.year if self.survey is not None else None
            self.year_box.blockSignals(True)  # stay on the survey being edited
            self.year_box.setCurrentIndex(max(self.year_box.findData(shown), 0))
            self.year_box.blockSignals(False)
            return
        self.refresh()

    def refresh(self) -> None:
        db, year = self.session.db, self.year()
        survey = surveys.survey_of_year(db, year) if year is not None else None
        self.survey = survey
        if survey is None:
            self.title.setText("需求调研")
            self.facts.setText("还没有需求调研。单击“建立调研…”为下一年度建立一个：调研专题取自最近一年计划的班次主题，"
                               "可以增删、改名和排序，然后“保存调研表…”发给各单位。")
            self.topics.load([], {})
            self.title_edit.clear()
            self.deadline_edit.clear()
            self.returns.set_rows([])
            self.ranking_model.set_rows([])
            self.found = None
            self.missing.clear()
            self.months_label.clear()
            self.categories_label.clear()
        else:
            self.title.setText(survey.title or f"{survey.year}年需求调研")
            self.title_edit.setText(survey.title)
            self.deadline_edit.setText(survey.deadline)
            self.topics.load([TopicDraft(t.topic, t.theme, t.id) for t in surveys.topics(db, survey.id)],
                             surveys.answered_topics(db, survey.id))
            self.found = tally(db, survey.year)
            self._show_tally(self.found)
        self.dirty = False
        self._update_buttons()

    def _show_tally(self, found: Tally) -> None:
        self.facts.setText(found.summary() + "。")
        self.returns.set_rows([u.line for u in found.units])
        self.ranking_model.set_rows([t for t in found.topics if t.people])
        self.missing.setText(f"未报送的单位（{len(found.not_returned)}个）：" + "、".join(found.not_returned)
                             if found.not_returned else "各单位都已报送。")
        self.months_label.setText("希望参训月份（选择次数）：" + "，".join(f"{m.month}月{m.requests}" for m in found.months
                                                                  if m.requests))
        self.categories_label.setText("按干部类别（人）：" + "，".join(f"{c.category}{c.people}" for c in found.categories
                                                                if c.people))
        self.tabs.setTabText(RETURNS, f"报送情况（{found.returned}/{found.unit_count}）")

    def _update_buttons(self) -> None:
        has, row = self.survey is not None, self._row()
        editable = [self.add_button] if has else []
        if has and row is not None:
            editable += [self.remove_button]
            if row > 0:
                editable.append(self.up_button)
            if row < self.topics.rowCount() - 1:
                editable.append(self.down_button)
        if self.dirty:
            editable.append(self.save_button)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button, self.save_button):
            button.setEnabled(button in editable)
        self.revert_button.setEnabled(self.dirty)
        can_write = writable(self.session)  # another computer holds the file: the survey is only looked at
        for edit in (self.title_edit, self.deadline_edit):
            edit.setEnabled(has)
            edit.setReadOnly(not can_write)
        self.topic_table.setEditTriggers(EDIT_TRIGGERS if can_write else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.form_button.setEnabled(has and not self.dirty)
        self.form_button.setToolTip("先保存对专题的修改" if self.dirty else "生成发给各单位填写的 Excel 调研表")
        self.import_button.setEnabled(has and not self.dirty)
        returned = bool(self.found and self.found.returned)
        self.export_button.setEnabled(returned)
        self.print_button.setEnabled(returned)
        enable_writes(self.session, [self.new_button, *(b for b in (*editable, self.import_button) if b.isEnabled())])

    def _row(self) -> int | None:
        rows = self.topic_table.selectionModel().selectedRows() if self.topic_table.selectionModel() else []
        return rows[0].row() if rows else None

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON and not self.dirty:
            self._fill_years(self.year())

    # --- editing the topics

    def _edited(self, *_) -> None:
        if self.survey is None:
            return
        self.dirty = True
        self._update_buttons()

    def add_topic(self) -> None:
        text = ask_topic(self)
        if text is None or not text.strip():
            return
        row = self.topics.add(text)
        self.topic_table.selectRow(row)
        self._update_buttons()

    def remove_topic(self) -> None:
        row = self._row()
        if row is None:
            return
        draft = self.topics.drafts[row]
        answered = self.topics.answered.get(draft.id or 0)
        if answered and messages.choose(self, "删除专题", f"已有{answered}个单位对“{draft.topic}”提出了需求。删除后这些需求"
                                        "仍按单位填写的名称计入汇总（作为单位自填的专题）。删除？", ["删除", "取消"], 1) != 0:
            return
        self.topics.remove(row)
        if self.topics.rowCount():
            self.topic_table.selectRow(min(row, self.topics.rowCount() - 1))
        self._update_buttons()

    def move_topic(self, step: int) -> None:
        row = self._row()
        if row is not None:
            self.topic_table.selectRow(self.topics.move(row, step))
            self._update_buttons()

    def save(self) -> bool:
        if self.survey is None:
            return True
        changed = type(self.survey)(self.survey.year, self.title_edit.text(), self.deadline_edit.text(),
                                    self.survey.notes, self.survey.id, version=self.survey.version)
        try:
            surveys.save_survey(self.session.db, changed, self.topics.drafts)
        except ValidationError as error:
            messages.error(self, "未能保存", "请先改正：\n" + "\n".join(error.errors.values()))
            return False
        except UserError as error:
            if not stale.refused(self, error, self.revert):
                messages.error(self, "未能保存", str(error))
            return False
        self.dirty = False
        self.session.announce(Changed.SURVEY)
        self.refresh()
        return True

    def revert(self) -> None:
        self.dirty = False
        self.refresh()

    def _leave_edits(self) -> bool:
        answer = messages.choose(self, "调研专题尚未保存", "对调研专题的修改还没有保存。", ["保存", "放弃修改", "取消"])
        if answer == 0:
            return self.save()
        if answer == 1:
            self.dirty = False
            return True
        return False

    def closeEvent(self, event) -> None:
        if self.dirty and not self._leave_edits():
            event.ignore()
            return
        super().closeEvent(event)

    def new_survey(self) -> None:
        if self.dirty and not self._leave_edits():
            return
        db = self.session.db
        year = ask_year(self, surveys.suggested_year(db))
        if year is None:
            return
        try:
            survey = surveys.create_survey(db, year)
        except UserError as error:
            messages.error(self, "未能建立", str(error))
            return
        self.session.announce(Changed.SURVEY)
        self._fill_years(survey.year)
        self.tabs.setCurrentIndex(TOPICS)
        count = self.topics.rowCount()
        messages.info(self, "已建立", f"已建立{year}年需求调研，" + (f"从计划中取了{count}个专题" if count else
                      "没有可取专题的计划，请逐个添加专题") + "。修改后单击“保存修改”，再“保存调研表…”发给各单位。")

    # --- files and documents

    def save_form(self) -> None:
        if self.survey is None:
            return
        from app.services.survey.form import form_title, write_form

        year = self.survey.year
        export_workbook(self, "保存调研表", form_title(self.survey) + ".xlsx",
                        lambda path: write_form(self.session.db, year, path))

    def import_returns(self) -> None:
        if self.survey is not None:
            self.task = open_survey_import(self, self.session, self.survey.year, on_imported=self._imported)

    def _imported(self) -> None:
        self.tabs.setCurrentIndex(RETURNS)

    def export(self) -> None:
        if self.found is None:
            return
        found = self.found
        export_workbook(self, "导出汇总", f"{found.survey.year}年需求调研汇总.xlsx",
                        lambda path: export_tally(found, path))

    def print_report(self) -> None:
        if self.survey is not None:
            print_actions.print_document(self, self.session, DocumentRequest("survey-report", year=self.survey.year))

