"""统计: the year at a glance (figures on top) and the table by class."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from app.services import stats

from ..models.lists import ClassSummaryModel
from .list_page import ListPage

_FIGURES = (
    ("计划期数", lambda s: sum(c.planned_periods for c in s)),
    ("已排期数", lambda s: sum(c.scheduled_periods for c in s)),
    ("已结班期数", lambda s: sum(c.closed_periods for c in s)),
    ("计划培训人数", lambda s: sum(c.planned_trainees for c in s)),
    ("调训人次", lambda s: sum(c.enrolled for c in s)),
    ("结业人次", lambda s: sum(c.completed for c in s)),
    ("学时合计", lambda s: f"{sum(c.hours for c in s):g}"),
)


class StatsPage(ListPage):
    title = "统计"
    search_hint = "搜索班次或计划"
    unit_word = "个班次"
    model_class = ClassSummaryModel

    def layout_page(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        self.figures = QFrame(objectName="figures")
        grid = QGridLayout(self.figures)
        self.figure_labels = []
        for column, (label, _) in enumerate(_FIGURES):
            value = QLabel("0", objectName="figureValue", alignment=Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(value, 0, column)
            grid.addWidget(QLabel(label, objectName="figureLabel", alignment=Qt.AlignmentFlag.AlignCenter), 1, column)
            self.figure_labels.append(value)
        layout.addWidget(self.figures)
        layout.addWidget(self.table, 1)

    def rows(self) -> list:
        return stats.class_summaries(self.session.db)

    def refresh(self) -> None:
        super().refresh()
        summaries = self.model.records()
        for label, (_, compute) in zip(self.figure_labels, _FIGURES):
            label.setText(str(compute(summaries)))
