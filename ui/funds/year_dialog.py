"""The year's funds (from the 统计 page): budget, spending, balance and fees received per class and per plan,
each organiser kind apart with its subtotal and the year's total; the periods warned of; the 专项经费 summary
printed or exported."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from app.services.funds.summary import Totals, YearFunds, year_funds
from app.services.stats import statistics
from ui.common.widgets import make_table, note
from ui.common.windows import fit_window
from ui.funds import fund_actions
from ui.funds.funds_models import TotalsModel
from ui.shell.changes import Changed

RELOAD_ON = Changed.FUNDS | Changed.ROSTER | Changed.CLASSES | Changed.PLANS | Changed.SETTINGS | Changed.TIMETABLE


class FundsYearDialog(QDialog):
    def __init__(self, session, parent=None, year: int | None = None):
        super().__init__(parent)
        self.session, self.found = session, None
        self.setWindowTitle("年度经费")
        self.year = QComboBox(objectName="year")
        for shown in statistics.years(session.db) or [year]:
            self.year.addItem(f"{shown}年", shown)
        if year is not None and (index := self.year.findData(year)) >= 0:
            self.year.setCurrentIndex(index)
        self.models = {key: TotalsModel(self) for key in ("classes", "plans")}
        self.tabs = QTabWidget()
        for key, title in (("classes", "按班次"), ("plans", "按计划")):
            table = make_table(self.models[key], TotalsModel.columns, self)
            table.setSortingEnabled(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.tabs.addTab(table, title)
        self.warnings = note()
        self.warnings.setWordWrap(True)
        self.tabs.addTab(self.warnings, "提示")
        self.kinds = QLabel(wordWrap=True)
        print_button = QPushButton("打印专项经费汇总表…")
        print_button.clicked.connect(lambda: fund_actions.print_year_summary(self, self.session, self.year.currentData()))
        export = QPushButton("导出Excel…")
        export.clicked.connect(lambda: fund_actions.export_year(self, self.session, self.year.currentData()))
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(export)
        top.addWidget(print_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.kinds)
        layout.addWidget(close)
        self.year.currentIndexChanged.connect(self.refresh)
        session.changed.connect(self._data_changed)
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 80, self.fontMetrics().height() * 30)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        self.found = found = year_funds(self.session.db, year)
        self.models["classes"].set_rows(self._with_subtotals(found))
        self.models["plans"].set_rows([*found.plans, found.total])
        warned = [f"{p.label}：{w.message}" for p in found.periods for w in p.warnings]
        self.warnings.setText("\n".join(warned) if warned else f"{year}年没有超标准或超预算的期次。")
        self.tabs.setTabText(2, f"提示（{len(warned)}）")
        self.kinds.setText("　".join(f"{k.label}：{k.periods}期，预算{k.budget:,.2f}元，支出{k.spent:,.2f}元"
                                    for k in found.kinds) + f"　合计：支出{found.total.spent:,.2f}元")

    @staticmethod
    def _with_subtotals(found: YearFunds) -> list[Totals]:
        rows: list[Totals] = []
        for kind in found.kinds:
            rows += [c for c in found.classes if c.organiser_kind == kind.label]
            rows.append(Totals(f"{kind.label}小计", kind.label, kind.periods, kind.budget, kind.spent, kind.received,
                               kind.warnings, kind.by_item))
        rows.append(found.total)
        return rows

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()
