"""统计: the year at a glance with charts; tables by class, unit, category and rank; 应训未训; the hours
ledger; and who in a class's target group has not attended yet (全覆盖)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.funds import ORGANISER_KINDS
from app.services import classes
from app.services.exports.tables import ExportTable
from app.services.exports.xlsx import XlsxColumn
from app.services.stats import coverage, organisers, statistics
from ui.common.charts import BarChart, PieChart
from ui.common.list_page import ListPage
from ui.common.record_model import SORT_ROLE
from ui.common.widgets import make_table, note
from ui.common.write_access import enable_writes
from ui.documents import print_actions
from ui.hours.hours_import import import_hours_file
from ui.roster import period_actions
from ui.shell.background import BackgroundReads
from ui.shell.changes import Changed
from ui.shell.style import FIGURES_SHEET
from ui.stats import stats_export
from ui.stats.models import BreakdownModel, ClassSummaryModel, CoverageModel, HoursModel, OrganiserModel

BREAKDOWN_TABS = (("unit", "按单位"), ("category", "按干部类别"), ("rank", "按职级"), ("kind", "按班次类型"))
RELOAD_ON = (Changed.HOURS | Changed.ROSTER | Changed.PEOPLE | Changed.UNITS | Changed.CLASSES
             | Changed.PERIODS)  # a period moved to another year moves its trainees in the figures


class StatsPage(ListPage):
    title = "统计"
    search_hint = "在表中查找"
    unit_word = "个班次"
    model_class = ClassSummaryModel

    def __init__(self, session, parent=None):
        self.year = QComboBox()
        self.year.setMinimumContentsLength(6)
        self.overview: statistics.YearOverview | None = None
        self._coverage_stale = True  # read when its tab is opened, not with every refresh
        super().__init__(session, parent)
        self.year.currentIndexChanged.connect(self.refresh)
        session.changed.connect(self._data_changed)  # a method, not a lambda: no reference cycle

    def filter_widgets(self) -> list:
        self.print_summary = self.print_button = QPushButton("打印年度汇总…")  # print_button: what Ctrl+P presses
        self.print_summary.clicked.connect(
            lambda: print_actions.print_year_summary(self, self.session, self.year.currentData()))
        self.print_hours = QPushButton("打印学时证明…")
        self.print_hours.setToolTip("在“应训未训”或“学时档案”中选中一人后打印其本年度学时证明")
        self.print_hours.clicked.connect(self._print_hours)
        return [QLabel("年度"), self.year]

    def layout_page(self) -> None:
        self.reads = BackgroundReads(self.session, self)  # the year's figures arrive off the UI thread
        self.views: dict = {}  # model -> its table view
        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_tab(), "概览")
        self.tabs.addTab(self.table, "按班次")
        self.table.setToolTip("双击（或按回车）打开该班次某一期的学员名单")
        self.table.activated.connect(self._open_class_period)
        self.breakdowns = {key: self._add_table(BreakdownModel, label) for key, label in BREAKDOWN_TABS}
        self.behind = self._add_table(HoursModel, "应训未训")
        self.ledger = self._add_table(HoursModel, "学时档案")
        self.tabs.addTab(self._coverage_tab(), "全覆盖")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addLayout(self._button_row())
        layout.addWidget(self.tabs, 1)
        self._update_buttons()

    def _button_row(self) -> QHBoxLayout:
        self.import_hours = QPushButton("导入学时…")
        self.import_hours.setToolTip("导入干部网络学院等处的学时记录（Excel 或 CSV，按身份证号码对应人员）")
        self.import_hours.clicked.connect(lambda: import_hours_file(self, self.session))
        self.export_button = QPushButton("导出Excel…")
        self.export_button.setToolTip("把当前标签页的表格导出为 Excel 工作簿")
        self.export_button.clicked.connect(self.export_current)
        self.rules_button = QPushButton("学时规则…")
        self.rules_button.setToolTip("每天、每半天计入的学时，请假上限，各层次干部的学时要求")
        self.rules_button.clicked.connect(self.edit_rules)
        self.funds_button = QPushButton("年度经费…")
        self.funds_button.setToolTip("各班次、计划的预算、支出和收费，按举办方式分列；打印或导出专项经费汇总表")
        self.funds_button.clicked.connect(self.open_funds)
        self.evaluation_button = QPushButton("质量评估…")
        self.evaluation_button.setToolTip("各期培训质量评估的收回份数和满意率，低于警戒线的期次标出")
        self.evaluation_button.clicked.connect(self.open_evaluation)
        row = QHBoxLayout()
        for button in (self.import_hours, self.export_button, self.rules_button, self.funds_button,
                       self.evaluation_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.print_hours)
        row.addWidget(self.print_summary)
        return row

    def open_funds(self):
        from ui.funds.year_dialog import FundsYearDialog

        dialog = FundsYearDialog(self.session, self, self.year.currentData())
        dialog.exec()
        dialog.deleteLater()
        return dialog

    def open_evaluation(self):
        from ui.evaluation.year_dialog import EvaluationYearDialog

        dialog = EvaluationYearDialog(self.session, self, self.year.currentData())
        dialog.exec()
        dialog.deleteLater()
        return dialog

    def edit_rules(self) -> None:
        from ui.hours.hours_settings_dialog import HoursSettingsDialog

        dialog = HoursSettingsDialog(self.session, self)
        if dialog.exec():
            self.refresh()
        dialog.deleteLater()

    def _overview_tab(self) -> QWidget:
        tab = QWidget()
        figures = QFrame(objectName="figures")
        figures.setStyleSheet(FIGURES_SHEET)
        grid = QGridLayout(figures)
        self.figure_labels = []
        for column, label in enumerate(statistics.FIGURE_LABELS):
            value = QLabel("0", objectName="figureValue", alignment=Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(value, 0, column)
            grid.addWidget(QLabel(label, objectName="figureLabel", alignment=Qt.AlignmentFlag.AlignCenter), 1, column)
            self.figure_labels.append(value)
        self.kind_chart = BarChart("调训人次（按举办方式）")
        self.category_chart = PieChart("调训人次（按干部类别）")
        self.unit_chart = BarChart("学时最多的单位")
        charts = QGridLayout()
        charts.addWidget(self.kind_chart, 0, 0)
        charts.addWidget(self.category_chart, 0, 1)
        charts.addWidget(self.unit_chart, 1, 0, 1, 2)
        self.leader_label = QLabel(objectName="leaderLectures")  # 领导干部上讲台, from the timetables
        self.load_note = note()  # 正在统计… while the figures are read, or why they could not be
        layout = QVBoxLayout(tab)
        layout.addWidget(note("本级举办的班次（上级调训、单位自办另列于下表）；出勤率和应训未训计入各种举办方式的学员："))
        layout.addWidget(self.load_note)
        layout.addWidget(figures)
        layout.addWidget(self._organiser_table())
        layout.addWidget(self.leader_label)
        layout.addLayout(charts, 1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(tab)  # on a small screen the charts scroll rather than push the window past it
        for widget in (tab, scroll.viewport()):
            widget.setAutoFillBackground(False)  # the tab's own white shows through
        return scroll

    def _organiser_table(self):
        """The year by 举办方式: the three kinds apart, their sum in its own labelled row; sized to its rows."""
        self.organisers = OrganiserModel(self)
        table = make_table(self.organisers, self.organisers.columns, self)
        table.setSortingEnabled(False)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.organiser_view = table
        self._fit_organiser_rows()
        return table

    def _fit_organiser_rows(self) -> None:
        """All four rows show, whatever the scale: the table is as tall as its rows."""
        table = self.organiser_view
        rows = sum(table.rowHeight(row) for row in range(self.organisers.rowCount()))
        rows = rows or (len(ORGANISER_KINDS) + 1) * table.verticalHeader().defaultSectionSize()
        scroll = table.horizontalScrollBar().sizeHint().height() if table.horizontalScrollBar().isVisible() else 0
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + scroll + 2 * table.frameWidth() + 2)

    def _add_table(self, model_class, label: str):
        model = model_class(self)
        proxy = QSortFilterProxyModel(self, filterKeyColumn=-1, sortRole=SORT_ROLE)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setSourceModel(model)
        self.search.textChanged.connect(lambda text: proxy.setFilterFixedString(text.strip()))
        table = make_table(proxy, model.columns, self)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.tabs.addTab(table, label)
        self.views[model] = table
        return model

    def _coverage_tab(self) -> QWidget:
        tab = QWidget()
        self.coverage_class = QComboBox()
        self.coverage_class.currentIndexChanged.connect(self._show_coverage)
        self.coverage_note = note()
        self.coverage_model = CoverageModel(self)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.coverage_class)
        layout.addWidget(self.coverage_note)
        self.coverage_table = make_table(self.coverage_model, self.coverage_model.columns, self)
        layout.addWidget(self.coverage_table, 1)
        return tab

    def reload(self) -> None:
        shown = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for year in statistics.years(self.session.db):
            self.year.addItem(f"{year}年", year)
        self.year.setCurrentIndex(max(self.year.findData(shown), 0))
        self.year.blockSignals(False)
        enable_writes(self.session, [self.import_hours])
        self._fill_coverage_classes()
        super().reload()

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self._database_changed()  # the same: stale now, reloaded at once if on screen

    def rows(self) -> list:
        return statistics.class_summaries(self.session.db)

    def refresh(self) -> None:
        super().refresh()
        self._coverage_stale = True
        if self._coverage_shown():
            self._show_coverage()
        year = self.year.currentData()
        if year is None:
            return
        self.load_note.setText(f"正在统计{year}年的数据…")
        self.load_note.show()
        self.reads.read(lambda db: statistics.year_page(db, year), self._show_year, self._read_failed)
        self._update_buttons()

    def _show_year(self, page: statistics.YearPage) -> None:
        self.load_note.hide()
        self.overview = overview = page.overview
        self.leader_label.setText(statistics.leader_text(overview))
        for label, (_, _, text) in zip(self.figure_labels, statistics.figures(overview), strict=False):
            label.setText(text)
        for key, model in self.breakdowns.items():
            model.set_rows(overview.lines[key])
        self.organisers.set_rows(organisers.with_sum(overview.by_organiser))
        self._fit_organiser_rows()
        self.kind_chart.set_items([(line.kind, line.person_times) for line in overview.by_organiser])
        self.category_chart.set_items([(line.label, line.person_times) for line in overview.lines["category"]])
        self.unit_chart.set_items([(line.label, line.hours) for line in overview.lines["unit"]])
        self.ledger.set_rows(page.ledger)
        self.behind.set_rows(page.behind)
        self._update_buttons()

    def _read_failed(self, message: str) -> None:
        self.load_note.setText(f"统计数据读取失败：{message}")
        self._update_buttons()

    def _coverage_shown(self) -> bool:
        return self.tabs.currentWidget() is self.coverage_table.parentWidget()

    def _tab_changed(self) -> None:
        if self._coverage_shown() and self._coverage_stale:
            self._show_coverage()
        self._update_buttons()

    def selected_person(self):
        """The person selected in the 应训未训 or 学时档案 table, if that tab is showing."""
        table = self.tabs.currentWidget()
        if table is None or not hasattr(table, "selectionModel") or not isinstance(table.model(), QSortFilterProxyModel):
            return None
        model = table.model().sourceModel()
        if model not in (self.behind, self.ledger):
            return None
        rows = table.selectionModel().selectedRows()
        return model.record(table.model().mapToSource(rows[0]).row()) if rows else None

    def _update_buttons(self) -> None:
        self.print_hours.setEnabled(self.selected_person() is not None)
        self.print_summary.setEnabled(self.year.currentData() is not None)
        current = self.tabs.currentWidget()
        if current is self.coverage_table.parentWidget():
            self.export_button.setEnabled(self.coverage_class.currentData() is not None)
        else:  # the year's tables are exported once they have arrived
            ready = self.year.currentData() is not None and not self.reads.busy
            self.export_button.setEnabled(current is self.table or ready)

    def _open_class_period(self, index) -> None:
        summary = self.model.record(self.proxy.mapToSource(index).row())
        at = self.table.viewport().mapToGlobal(self.table.visualRect(index).bottomLeft())
        period_actions.open_class_period(self, self.session, summary.class_id, at)

    def _print_hours(self) -> None:
        person = self.selected_person()
        if person is not None:
            print_actions.print_hours_certificate(self, self.session, person.person_id, self.year.currentData())

    def export_current(self) -> None:
        """The tab on screen as .xlsx; the overview brings its figures and the tables its charts show."""
        current, label = self.tabs.currentWidget(), self.tabs.tabText(self.tabs.currentIndex())
        year = self.year.currentData()
        search = self.search.text().strip()
        subtitle = f"导出于{date.today():%Y-%m-%d}" + (f"　筛选：“{search}”" if search else "")
        personal = current in (self.views[self.behind], self.views[self.ledger], self.coverage_table.parentWidget())
        if current is self.table:
            tables = [stats_export.view_table(self.table, label, "各班次培训情况统计", subtitle)]
        elif current is self.coverage_table.parentWidget():
            note_text = self.coverage_note.text().rstrip("：")
            tables = [stats_export.view_table(self.coverage_table, label,
                                              f"{self.coverage_class.currentText()}尚未参训人员", note_text)]
        elif current is self.views.get(self.behind) or current is self.views.get(self.ledger):
            tables = [stats_export.view_table(current, label, f"{year}年{label}", subtitle)]
        elif current in self.views.values():
            tables = [stats_export.view_table(current, label, f"{year}年培训统计（{label}）", subtitle)]
        else:
            tables = self._overview_tables(year, subtitle)
        stats_export.export(self, self.session.db, tables, personal=personal)

    def _overview_tables(self, year: int, subtitle: str) -> list[ExportTable]:
        figures = ExportTable("概览", f"{year}年干部教育培训概览", [XlsxColumn("项目", 8), XlsxColumn("数值", 8)],
                              [[statistics.export_label(label), value] for label, value, _ in
                               statistics.figures(self.overview) + statistics.leader_figures(self.overview)], subtitle)
        kinds = stats_export.view_table(self.organiser_view, "按举办方式", f"{year}年培训统计（按举办方式）", subtitle)
        return [figures, kinds] + [stats_export.view_table(self.views[self.breakdowns[key]], label,
                                                    f"{year}年培训统计（{label}）", subtitle)
                            for key, label in BREAKDOWN_TABS]

    def _fill_coverage_classes(self) -> None:
        self.coverage_class.blockSignals(True)
        self.coverage_class.clear()
        for training_class in classes.list_classes(self.session.db):
            if training_class.coverage:
                self.coverage_class.addItem(training_class.name, training_class.id)
        self.coverage_class.blockSignals(False)
        self._coverage_stale = True
        if self._coverage_shown():
            self._show_coverage()

    def _show_coverage(self) -> None:
        self._coverage_stale = False
        class_id = self.coverage_class.currentData()
        if class_id is None:
            self.coverage_note.setText("没有设定了全覆盖对象的班次（在班次中设定调训对象范围后，这里列出尚未参训的人员）。")
            self.coverage_model.set_rows([])
            self._update_buttons()
            return
        found = coverage.coverage(self.session.db, class_id)
        due = f"（其中待补训{len(found.makeup_due)}人）" if found.makeup_due else ""
        self.coverage_note.setText(f"应参训{found.members}人，已参训{found.attended}人（{found.rate:.0%}），"
                                   f"尚未参训{len(found.missing)}人{due}：")
        self.coverage_model.set_missing(found.missing, found.makeup_due)
        self._update_buttons()
