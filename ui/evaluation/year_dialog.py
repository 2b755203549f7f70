"""年度质量评估 (from the 统计 page): each evaluated period of the year with how many questionnaires came back and
its satisfaction rate against its threshold (below in red), each class's, and the year's; exported to Excel.
Double-clicking a period opens its window."""
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

from app.domain import evaluation as scales
from app.services.evaluation import results
from app.services.exports.evaluation import export_year
from ui.common.files import export_workbook
from ui.common.widgets import make_table
from ui.common.windows import fit_window
from ui.evaluation.models import ClassYearModel, YearModel
from ui.shell.changes import Changed

RELOAD_ON = Changed.EVALUATION | Changed.CLASSES | Changed.PERIODS


class EvaluationYearDialog(QDialog):
    def __init__(self, session, parent=None, year: int | None = None):
        super().__init__(parent)
        self.session, self.found = session, None
        self.setWindowTitle("年度质量评估")
        self.year = QComboBox(objectName="year")
        for shown in results.years(session.db) or ([year] if year else []):
            self.year.addItem(f"{shown}年", shown)
        if year is not None and (index := self.year.findData(year)) >= 0:
            self.year.setCurrentIndex(index)
        self.periods, self.classes = YearModel(self), ClassYearModel(self)
        self.tabs = QTabWidget()
        for model, title in ((self.periods, "按期次"), (self.classes, "按班次")):
            table = make_table(model, model.columns, self)
            table.setSortingEnabled(False)
            table.horizontalHeader().setStretchLastSection(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.tabs.addTab(table, title)
        self.tabs.widget(0).doubleClicked.connect(self._open_period)
        self.tabs.widget(0).setToolTip("双击打开该期的窗口（评估标签页）")
        self.summary = QLabel(wordWrap=True, objectName="summary")
        export = QPushButton("导出Excel…")
        export.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(close)
        self.year.currentIndexChanged.connect(self.refresh)
        session.changed.connect(self._data_changed)
        char = self.fontMetrics().horizontalAdvance("汉")
        fit_window(self, char * 72, self.fontMetrics().height() * 28)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.currentData()
        if year is None:
            self.summary.setText("还没有开展质量评估的期次：在期次窗口的“评估”中发放问卷、导入收回的问卷。")
            return
        self.found = found = results.year_results(self.session.db, year)
        self.periods.set_rows(found.periods)
        self.classes.set_rows(found.classes)
        below = found.below
        text = (f"{year}年开展质量评估{len(found.periods)}期，收回问卷{sum(p.responses for p in found.periods)}份，"
                f"总体满意率{scales.percent(found.figures.rate)}。")
        text += ("低于警戒线的期次：" + "、".join(p.title for p in below) + "。") if below else "没有低于警戒线的期次。"
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #7f1d1d;" if below else "")

    def _open_period(self, index):
        from ui.roster import period_actions

        window = period_actions.open_period(self, self.session, self.periods.record(index.row()).period_id)
        if window is not None:
            window.tabs.setCurrentWidget(window.evaluation_tab)
        return window

    def export(self):
        year = self.year.currentData()
        if year is None:
            return None
        return export_workbook(self, "导出年度质量评估", f"{year}年质量评估.xlsx",
                               lambda path: export_year(self.session.db, year, path))

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()
