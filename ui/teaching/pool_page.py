"""师资: the lecturer pool (search, filter by kind, 停用 hidden unless asked; a lecturer's sessions over a year, each
opening its period; their year's 讲课费发放表), the teaching bases and the course library, with 讲课费标准."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain import teaching
from app.domain.teaching_records import Lecturer
from app.services.stats import statistics
from app.services.teaching import lecturers, pool
from ui.common import messages
from ui.common.confirm import ask_then_delete
from ui.common.flow_layout import FlowLayout, group
from ui.common.list_page import ListPage
from ui.common.splitters import ListSplitter
from ui.common.widgets import CompactCombo, note
from ui.common.write_access import enable_writes
from ui.shell.changes import Changed
from ui.teaching import fee_actions
from ui.teaching.pool_dialogs import LecturerDialog
from ui.teaching.pool_models import LecturerModel, TaughtModel
from ui.teaching.pool_tabs import BasesTab, CoursesTab, filtered_table, open_taught

RELOAD_ON = (Changed.TEACHING | Changed.TIMETABLE | Changed.CLASSES | Changed.PERIODS | Changed.SETTINGS
             | Changed.EVALUATION)  # the 评估满意率 column


class TeachingPage(ListPage):
    title = "师资"
    search_hint = "搜索姓名、单位或专题"
    unit_word = "位授课人"
    model_class = LecturerModel
    select_first = True
    opening_writes = True
    help_topic = "teaching"

    def __init__(self, session, parent=None):
        self.kind_filter = CompactCombo(5)
        self.kind_filter.addItem("全部类别", "")
        for kind in teaching.LECTURER_KINDS:
            self.kind_filter.addItem(kind, kind)
        self.show_archived = QCheckBox("含停用")
        self.year = QComboBox()
        self.taught = None
        super().__init__(session, parent)
        self.table.doubleClicked.connect(self.edit_lecturer)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.show_archived.toggled.connect(self.refresh)
        self.year.currentIndexChanged.connect(self.show_selected)
        session.changed.connect(self._data_changed)  # a method, not a lambda: no reference cycle

    def layout_page(self) -> None:
        """The tabs sit in the header row, where other pages have their title: on a 1366×768 screen at 150%
        a tab bar of its own would leave the lecturers' list fewer than 8 rows."""
        self.tabs = QTabBar(objectName="teachingTabs")
        self.stack = QStackedWidget()
        self.bases = BasesTab(self.session)
        self.courses = CoursesTab(self.session)
        for widget, text in ((self._lecturers_tab(), "授课人"), (self.bases, "教学基地"), (self.courses, "课程库")):
            self.tabs.addTab(text)
            self.stack.addWidget(widget)
        self.tabs.currentChanged.connect(self.stack.setCurrentIndex)
        self.tabs.currentChanged.connect(self.update_count)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addWidget(self.stack, 1)

    def header_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.tabs)
        row.addSpacing(8)
        row.addWidget(self.count_label)
        row.addStretch(1)
        row.addWidget(self.search)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 12)
        return row

    def update_count(self, *_) -> None:
        index = self.tabs.currentIndex() if hasattr(self, "tabs") else 0
        if index <= 0:
            super().update_count()
            return
        tab = (self.bases, self.courses)[index - 1]
        shown, total = tab.proxy.rowCount(), tab.model.rowCount()
        word = ("个教学基地", "个专题")[index - 1]
        text = f"共 {total} {word}"
        self.count_label.setText(text if shown == total else f"找到 {shown} {word}（{text}）")

    def _lecturers_tab(self) -> QWidget:
        self.write_buttons = []
        buttons = []
        for text, slot in (("新增授课人…", self.add_lecturer), ("修改…", self.edit_lecturer),
                           ("删除", self.delete_lecturer), ("停用/启用", self.toggle_archived)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.append(button)
            self.write_buttons.append(button)
        pane = self._taught_pane()
        row = FlowLayout(last_to_the_right=True)
        row.addWidget(group(*buttons, self._fees_button()))
        row.addWidget(group(self.kind_filter, self.show_archived))
        splitter = ListSplitter(Qt.Orientation.Vertical, "teaching_lecturers", self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        return tab

    def _taught_pane(self) -> QWidget:
        self.taught = TaughtModel(self)
        self.taught_proxy, self.taught_table = filtered_table(self, self.taught, "LecturerSessions")
        self.taught_table.setToolTip("双击打开该期次的窗口")
        self.taught_table.doubleClicked.connect(
            lambda: open_taught(self, self.session, self.taught_table, self.taught_proxy, self.taught))
        self.taught_label = note()
        row = QHBoxLayout()
        for widget in (QLabel("授课记录"), self.year, self.taught_label):
            row.addWidget(widget)
        row.addStretch(1)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.taught_table, 1)
        return pane

    def _fees_button(self) -> QPushButton:
        """讲课费: the selected lecturer's year (the year chosen under the list) or the period of the session
        selected there, printed or as Excel; and the rates."""
        self.fees_button = self.print_button = QPushButton("讲课费")  # print_button: what Ctrl+P opens
        menu = QMenu(self.fees_button)
        self.year_fee_actions = [menu.addAction("打印本人本年度讲课费发放表…", self.print_year_fees),
                                 menu.addAction("导出本人本年度讲课费（Excel）…", self.export_year_fees)]
        menu.addSeparator()
        menu.addAction("打印所选课程所在期次的讲课费发放表…", lambda: self._period_fees(fee_actions.print_period_fees))
        menu.addAction("导出所选课程所在期次的讲课费（Excel）…", lambda: self._period_fees(fee_actions.export_period_fees))
        menu.addSeparator()
        menu.addAction("讲课费标准…", lambda: fee_actions.edit_fee_rules(self, self.session))
        self.fees_button.setMenu(menu)
        self.fees_menu = menu
        return self.fees_button

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()

    def reload(self) -> None:
        chosen, with_periods = self.year.currentData(), statistics.years(self.session.db)
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(set(with_periods) | {date.today().year}, reverse=True):
            self.year.addItem(f"{year}年", year)
        # the year chosen before a reload, else the newest with periods (an office reading last year's records)
        shown = chosen or (with_periods[0] if with_periods else date.today().year)
        self.year.setCurrentIndex(max(self.year.findData(shown), 0))
        self.year.blockSignals(False)
        super().reload()

    def rows(self) -> list:
        enable_writes(self.session, self.write_buttons)
        kind = self.kind_filter.currentData()
        return [row for row in pool.lecturer_rows(self.session.db, self.show_archived.isChecked())
                if not kind or row.kind == kind]

    def refresh(self) -> None:
        chosen = self.selected_record()
        super().refresh()
        if chosen is not None:
            self.select_id(chosen.id)
        self.bases.refresh()
        self.courses.refresh()

    def on_search(self, text: str) -> None:
        for proxy in (self.proxy, self.bases.proxy, self.courses.proxy):
            proxy.setFilterFixedString(text.strip())

    def show_selected(self) -> None:
        if self.taught is None:
            return
        lecturer, year = self.selected_record(), self.year.currentData()
        found = pool.lecturer_year(self.session.db, lecturer.id, year) if lecturer and year else []
        self.taught.set_rows(found)
        hours = sum(t.session.credited_hours for t in found)
        self.taught_label.setText(f"{lecturer.name}：授课{len(found)}节、{hours:g}学时" if lecturer else "请选择授课人")
        for action in self.year_fee_actions:
            action.setEnabled(bool(found))

    def _selected(self, action: str) -> Lecturer | None:
        lecturer = self.selected_record()
        if lecturer is None:
            messages.info(self, action, "请先在列表中选择一位授课人。")
        return lecturer

    def add_lecturer(self) -> None:
        kind = self.kind_filter.currentData() or ""
        self._edit(Lecturer(name="", kind=kind, title=teaching.LEADER if kind == teaching.LEADER else ""))

    def edit_lecturer(self) -> None:
        row = self._selected("修改授课人")
        if row is not None:
            self._edit(Lecturer(**{k: getattr(row, k) for k in Lecturer.__dataclass_fields__}))

    def _edit(self, lecturer: Lecturer) -> None:
        dialog = LecturerDialog(self, self.session.db, lecturer)
        if dialog.exec():
            if dialog.saved.archived and not self.show_archived.isChecked():
                self.show_archived.setChecked(True)  # else the lecturer just saved would vanish from the list
            self.session.announce(Changed.TEACHING)
            self.select_id(dialog.saved.id)
        dialog.deleteLater()

    def delete_lecturer(self) -> None:
        row = self._selected("删除授课人")
        if row is not None and ask_then_delete(self, "删除授课人", f"确定从师资库删除“{row.name}”？",
                                               lambda: lecturers.delete_lecturer(self.session.db, row.id)):
            self.session.announce(Changed.TEACHING)

    def toggle_archived(self) -> None:
        row = self._selected("停用授课人")
        if row is None:
            return
        pool.set_archived(self.session.db, row.id, not row.archived)
        if not row.archived and not self.show_archived.isChecked():
            messages.info(self, "停用授课人", f"已停用“{row.name}”；勾选“含停用”可再看到。")
        self.session.announce(Changed.TEACHING)

    open_selected = edit_lecturer
    remove_selected = delete_lecturer

    def print_year_fees(self) -> None:
        lecturer = self._selected("打印讲课费发放表")
        if lecturer is not None:
            fee_actions.print_lecturer_fees(self, self.session, lecturer.id, self.year.currentData())

    def _period_fees(self, action) -> None:
        rows = self.taught_table.selectionModel().selectedRows()
        if not rows:
            messages.info(self, "讲课费发放表", "请先在授课人下方的授课记录中选择一节课（可拖开列表下方的分隔条）。")
            return
        taught = self.taught.record(self.taught_proxy.mapToSource(rows[0]).row())
        action(self, self.session, taught.session.period_id)

    def export_year_fees(self) -> None:
        lecturer = self._selected("导出讲课费发放表")
        if lecturer is not None:
            fee_actions.export_lecturer_fees(self, self.session, lecturer.id, self.year.currentData())
