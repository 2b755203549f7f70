"""统计: the year at a glance with charts; tables by class, unit, category and rank; 应训未训; the hours
ledger; and who in a class's target group has not attended yet (全覆盖)."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services import classes, coverage, hours, statistics, stats

from ..charts import BarChart, PieChart
from ..models.lists import BreakdownModel, ClassSummaryModel, CoverageModel, HoursModel
from ..models.record_model import SORT_ROLE
from ..widgets import make_table, note
from .list_page import ListPage

FIGURES = (
    ("计划期数", lambda o: o.planned_periods), ("已排期数", lambda o: o.scheduled_periods),
    ("已结班期数", lambda o: o.held_periods), ("计划培训人数", lambda o: o.planned_trainees),
    ("调训人次", lambda o: o.person_times), ("结业人次", lambda o: o.completed),
    ("学时合计", lambda o: f"{o.hours:g}"),
    ("出勤率", lambda o: "—" if o.attendance_rate is None else f"{o.attendance_rate:.1%}"),
    ("应训未训", lambda o: f"{o.behind}人"),
)
BREAKDOWN_TABS = (("unit", "按单位"), ("category", "按干部类别"), ("rank", "按职级"), ("kind", "按班次类型"))


class StatsPage(ListPage):
    title = "统计"
    search_hint = "在表中查找"
    unit_word = "个班次"
    model_class = ClassSummaryModel

    def __init__(self, session, parent=None):
        self.year = QComboBox()
        self.year.setMinimumContentsLength(6)
        super().__init__(session, parent)
        self.year.currentIndexChanged.connect(self.refresh)

    def filter_widgets(self) -> list:
        return [QLabel("年度"), self.year]

    def layout_page(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_tab(), "概览")
        self.tabs.addTab(self.table, "按班次")
        self.breakdowns = {key: self._add_table(BreakdownModel, label) for key, label in BREAKDOWN_TABS}
        self.behind = self._add_table(HoursModel, "应训未训")
        self.ledger = self._add_table(HoursModel, "学时档案")
        self.tabs.addTab(self._coverage_tab(), "全覆盖")
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addWidget(self.tabs, 1)

    def _overview_tab(self) -> QWidget:
        tab = QWidget()
        figures = QFrame(objectName="figures")
        grid = QGridLayout(figures)
        self.figure_labels = []
        for column, (label, _) in enumerate(FIGURES):
            value = QLabel("0", objectName="figureValue", alignment=Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(value, 0, column)
            grid.addWidget(QLabel(label, objectName="figureLabel", alignment=Qt.AlignmentFlag.AlignCenter), 1, column)
            self.figure_labels.append(value)
        self.kind_chart = BarChart("调训人次（按班次类型）")
        self.category_chart = PieChart("调训人次（按干部类别）")
        self.unit_chart = BarChart("学时（前12个单位）")
        charts = QGridLayout()
        charts.addWidget(self.kind_chart, 0, 0)
        charts.addWidget(self.category_chart, 0, 1)
        charts.addWidget(self.unit_chart, 1, 0, 1, 2)
        layout = QVBoxLayout(tab)
        layout.addWidget(figures)
        layout.addLayout(charts, 1)
        return tab

    def _add_table(self, model_class, label: str):
        model = model_class(self)
        proxy = QSortFilterProxyModel(self, filterKeyColumn=-1, sortRole=SORT_ROLE)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setSourceModel(model)
        self.search.textChanged.connect(lambda text: proxy.setFilterFixedString(text.strip()))
        self.tabs.addTab(make_table(proxy, model.columns, self), label)
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
        layout.addWidget(make_table(self.coverage_model, self.coverage_model.columns, self), 1)
        return tab

    def reload(self) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for year in statistics.years(self.session.db):
            self.year.addItem(f"{year}年", year)
        self.year.blockSignals(False)
        self._fill_coverage_classes()
        super().reload()

    def rows(self) -> list:
        return stats.class_summaries(self.session.db)

    def refresh(self) -> None:
        super().refresh()
        year = self.year.currentData()
        if year is None:
            return
        db = self.session.db
        overview = statistics.overview(db, year)
        for label, (_, compute) in zip(self.figure_labels, FIGURES):
            label.setText(str(compute(overview)))
        for key, model in self.breakdowns.items():
            model.set_rows(overview.lines[key])
        self.kind_chart.set_items([(line.label, line.person_times) for line in overview.lines["kind"]])
        self.category_chart.set_items([(line.label, line.person_times) for line in overview.lines["category"]])
        self.unit_chart.set_items([(line.label, line.hours) for line in overview.lines["unit"]])
        ledger = hours.ledger(db, year)
        self.ledger.set_rows(ledger)
        self.behind.set_rows(sorted((p for p in ledger if p.status == "未达标"),
                                    key=lambda p: (-p.shortfall, -p.online_shortfall, p.unit_order)))

    def _fill_coverage_classes(self) -> None:
        self.coverage_class.blockSignals(True)
        self.coverage_class.clear()
        for training_class in classes.list_classes(self.session.db):
            if training_class.coverage:
                self.coverage_class.addItem(training_class.name, training_class.id)
        self.coverage_class.blockSignals(False)
        self._show_coverage()

    def _show_coverage(self) -> None:
        class_id = self.coverage_class.currentData()
        if class_id is None:
            self.coverage_note.setText("没有设定了全覆盖对象的班次（在班次中设定调训对象范围后，这里列出尚未参训的人员）。")
            self.coverage_model.set_rows([])
            return
        found = coverage.coverage(self.session.db, class_id)
        self.coverage_note.setText(f"应参训{found.members}人，已参训{found.attended}人（{found.rate:.0%}），"
                                   f"尚未参训{len(found.missing)}人：")
        self.coverage_model.set_rows(found.missing)
