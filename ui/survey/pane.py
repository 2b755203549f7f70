"""The survey's tally beside the plan editor: when the plan's year has a needs survey that units returned, the
topics ranked by demand, the months most asked for and the units still missing, to plan the classes from; it
folds away under its handle (收起) and 需求调研… opens the whole window."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.services.survey import surveys
from app.services.survey.tally import Tally, month_text, tally, topic_label
from ui.common.record_model import Column, RecordTableModel
from ui.common.widgets import ElidedLabel, make_table, note


class PaneRankingModel(RecordTableModel):
    """Rows are app.services.survey.tally.TopicDemand with people asking."""

    columns = (
        Column("排名", lambda t: t.rank, 2, numeric=True),
        Column("培训专题", topic_label, 11),
        Column("人数", lambda t: t.people, 3, numeric=True),
        Column("单位", lambda t: len(t.units), 3, numeric=True),
        Column("月份", lambda t: month_text(t.top_months[:2]), 6),
    )


class SurveyPane(QWidget):
    open_survey = Signal(int)  # the year
    fold = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.year: int | None = None
        self.found: Tally | None = None
        self.heading = QLabel(styleSheet="font-weight: bold;")
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.fold_button = QPushButton("收起", toolTip="收起需求调研汇总（可拖动分隔条重新展开）")
        self.fold_button.clicked.connect(self.fold)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.fold_button)
        self.facts = note()
        self.facts.setWordWrap(True)
        self.model = PaneRankingModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.months = ElidedLabel(object_name="note")
        self.open_button = QPushButton("需求调研…")
        self.open_button.clicked.connect(lambda: self.open_survey.emit(self.year or 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.months)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 12)

    def show_year(self, year: int | None) -> bool:
        """Loads the tally of the year's survey; False when there is none with returns (the pane then hides)."""
        self.year = year
        survey = surveys.survey_of_year(self.session.db, year) if year else None
        self.found = tally(self.session.db, year) if survey is not None else None
        if self.found is None or not self.found.returned:
            self.model.set_rows([])
            return False
        found = self.found
        self.heading.setText(f"{year}年需求调研")
        self.heading.setToolTip(found.survey.title)
        self.facts.setText(f"{found.returned}/{found.unit_count}个单位已报送，{found.requests}项需求，{found.people}人次"
                           + (f"；未报送{len(found.not_returned)}个" if found.not_returned else ""))
        self.facts.setToolTip("未报送：" + "、".join(found.not_returned) if found.not_returned else "")
        self.model.set_rows([t for t in found.topics if t.people])
        busiest = sorted((m for m in found.months if m.requests), key=lambda m: (-m.requests, m.month))[:4]
        self.months.setText("集中月份：" + "、".join(f"{m.month}月（{m.requests}）" for m in busiest))
        return True
