"""班次: every class with a mark for its rule warnings; new, edit, delete or archive, copy to next year;
the selected class's details and warnings below."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout

from app.services import classes, rule_checks
from ui.classes import actions
from ui.classes.class_list import ClassListModel
from ui.classes.models import organiser
from ui.classes.unit_class_import import import_unit_class_file
from ui.common.list_page import ListPage
from ui.common.splitters import ListSplitter
from ui.makeup.launch import open_makeup
from ui.shell.changes import Changed
from ui.shell.style import DETAIL_SHEET

REFRESH_ON = (Changed.CLASSES | Changed.PERIODS | Changed.PLANS | Changed.ROSTER | Changed.SETTINGS
              | Changed.TIMETABLE | Changed.TEACHING)  # warnings come from the timetables and lecturers


class ClassesPage(ListPage):
    title = "班次"
    search_hint = "搜索班次名称、类型、承办或调训对象"
    unit_word = "个班次"
    model_class = ClassListModel
    select_first = True

    def layout_page(self) -> None:
        self.show_archived = QCheckBox("含已归档")
        self.show_archived.toggled.connect(self.refresh)
        self.detail = QTextBrowser(objectName="detail")
        self.detail.setStyleSheet(DETAIL_SHEET)
        self.detail.setOpenLinks(False)
        splitter = ListSplitter(Qt.Orientation.Vertical, "classes", self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addLayout(self._buttons())
        layout.addWidget(splitter, 1)
        self.table.doubleClicked.connect(self.edit_selected)
        self.session.changed.connect(self._data_changed)  # a method, not a lambda: no reference cycle

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & REFRESH_ON:
            self.refresh()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = QPushButton("新建班次")
        self.edit_button = QPushButton("编辑…")
        self.delete_button = QPushButton("删除")
        self.copy_button = QPushButton("复制到下一年")
        self.restore_button = QPushButton("恢复")
        for button, slot in ((self.new_button, self.new_class), (self.edit_button, self.edit_selected),
                             (self.delete_button, self.delete_selected), (self.copy_button, self.copy_selected),
                             (self.restore_button, self.restore_selected)):
            button.clicked.connect(slot)
            row.addWidget(button)
        self.import_button = QPushButton("导入单位自办班…")
        self.import_button.setToolTip("把单位报来的自办班名单（班次名称、培训时间、学员和学时）登记为单位自办的班次，学时计入学时档案")
        self.import_button.clicked.connect(self.import_unit_class)
        row.addWidget(self.import_button)
        self.makeup_button = QPushButton("补训…", toolTip="点名调训班次中未完成培训的学员：安排补训、免补训、打印补训通知")
        self.makeup_button.clicked.connect(
            lambda: open_makeup(self, self.session, getattr(self.selected_record(), "id", None)))
        row.addWidget(self.makeup_button)
        row.addStretch(1)
        row.addWidget(self.show_archived)
        return row

    def import_unit_class(self):
        return import_unit_class_file(self, self.session)

    def rows(self) -> list:
        return classes.list_classes(self.session.db, include_archived=self.show_archived.isChecked())

    def refresh(self) -> None:
        selected = self.selected_record()
        warnings = rule_checks.warnings_by_class(self.session.db, include_archived=True)
        self.model.set_classes(self.rows(), warnings)
        if selected is not None and self.select_id(selected.id):
            return
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.show_selected()

    def show_selected(self) -> None:
        training_class = self.selected_record()
        writable = not self.session.read_only  # another computer holds the file
        self.edit_button.setEnabled(training_class is not None)
        for button in (self.delete_button, self.copy_button, self.restore_button):
            button.setEnabled(training_class is not None and writable)
        self.new_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        self.restore_button.setVisible(bool(training_class and training_class.archived))
        if training_class is None:
            self.detail.clear()
            return
        periods = classes.list_periods(self.session.db, class_id=training_class.id)
        warnings = self.model.warnings.get(training_class.id, [])
        self.detail.setHtml(class_html(training_class, periods, [w.message for w in warnings]))

    def new_class(self) -> None:
        if saved := actions.new_class(self, self.session):
            self.select_id(saved.id)

    def edit_selected(self) -> None:
        if (training_class := self.selected_record()) is not None:
            actions.open_class(self, self.session, training_class.id)

    def delete_selected(self) -> None:
        if (training_class := self.selected_record()) is not None:
            actions.delete_class(self, self.session, training_class.id)

    open_selected = edit_selected
    remove_selected = delete_selected

    def copy_selected(self) -> None:
        if (training_class := self.selected_record()) is not None:
            actions.copy_to_next_year(self, self.session, training_class.id)

    def restore_selected(self) -> None:
        if (training_class := self.selected_record()) is not None:
            actions.set_archived(self, self.session, training_class.id, False)


def class_html(c, periods, warnings: list[str] = ()) -> str:
    lines = [
        f"<h3>{escape(c.name)}{'（已归档）' if c.archived else ''}</h3>",
        f"<p><b>举办方式：</b>{escape(organiser(c))}</p>",
        f"<p><b>主办：</b>{escape(c.organizer)}　<b>承办：</b>{escape(c.host)}　<b>地点：</b>{escape(c.place)}"
        f"　<b>培训费：</b>{c.fee:g}元/人</p>",
        f"<p><b>调训对象：</b>{escape(c.target_trainees)}</p>",
        f"<p><b>重点内容：</b>{escape(c.focus)}</p>",
        f"<p><b>计划：</b>举办{c.planned_periods}期、共培训{c.planned_trainees}人，学制{c.length_days}天；"
        f"总课时{c.total_hours:g}，其中党性教育{c.party_spirit_hours:g}、领导干部讲课{c.leader_lecture_hours:g}</p>",
    ]
    if periods:
        lines.append("<p><b>期次：</b>" + "；".join(
            f"第{p.number}期 {p.start_date} 至 {p.end_date}（{p.status}，{p.enrolled}人）" for p in periods) + "</p>")
    if warnings:
        lines.append('<p style="color:#a16207"><b>规则提示：</b><br>' + "<br>".join(
            f"⚠ {escape(text)}" for text in warnings) + "</p>")
    return "\n".join(lines)
