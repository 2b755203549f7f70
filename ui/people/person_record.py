"""一人一档 on the person's page: year by year, each year's hours (in class, online, other) and then every period
with its status, 学时, 班委, 结业考核, 党性分析, 研究报告 and 补训; printed as the 培训档案 and exported."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.models import Person
from app.services.documents import DocumentRequest
from app.services.exports.training_record import export_record
from app.services.training_record import RecordLine, RecordYear, TrainingRecord, training_record
from ui.common.files import export_workbook
from ui.common.record_model import Column, RecordTableModel
from ui.common.widgets import make_table
from ui.documents import print_actions


@dataclass
class RecordRow:
    """A year's heading (line None) or one of its periods."""
    year: RecordYear
    line: RecordLine | None = None


def _year_text(year: RecordYear) -> str:
    return (f"{len(year.lines)}期次，合计{year.total:g}学时：参加班次{year.class_hours:g}学时，"
            f"网络学习{year.online_hours:g}学时，其他{year.other_hours:g}学时")


def _cell(name: str, heading=None):
    def value(row: RecordRow):
        if row.line is None:
            return heading(row.year) if heading else ""
        return getattr(row.line, name)
    return value


class RecordModel(RecordTableModel):
    columns = (
        Column("年度", lambda r: f"{r.year.year}年" if r.line is None else "", 5),
        Column("班次期次", _cell("title", _year_text), 22),
        Column("培训时间", lambda r: f"{r.line.start_date}至{r.line.end_date[5:]}" if r.line else "", 12),
        Column("状态", _cell("status"), 4),
        Column("学时", lambda r: f"{r.line.credited:g}" if r.line and r.line.credited else "", 4, numeric=True),
        Column("班委", _cell("role"), 6),
        Column("结业考核", lambda r: r.line.assessment + ("（有结业理由）" if r.line.completion_reason else "")
               if r.line else "", 8),
        Column("党性分析", lambda r: "已交" if r.line and r.line.party_analysis else "", 4),
        Column("研究报告", _cell("report_title"), 14),
        Column("补训", _cell("makeup"), 12),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self._rows[index.row()].line is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self._rows[index.row()]
            if row.line is not None and row.line.completion_reason:
                return f"结业理由：{row.line.completion_reason}"
        return super().data(index, role)


def record_rows(record: TrainingRecord) -> list[RecordRow]:
    return [row for year in record.years for row in (RecordRow(year), *(RecordRow(year, x) for x in year.lines))]


class PersonRecord(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.person: Person | None = None
        self.summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.print_button = QPushButton("打印培训档案…", toolTip="一人一档：逐年的参训、学时、考核和补训情况（身份证号码隐去中间部分）")
        self.print_button.clicked.connect(self.print_record)
        self.export_button = QPushButton("导出Excel…")
        self.export_button.clicked.connect(self.export)
        self.model = RecordModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3 + 4)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_person(self, person: Person | None) -> None:
        self.person = person
        record = training_record(self.session.db, person.id) if person else None
        self.model.set_rows(record_rows(record) if record else [])
        self.table.clearSpans()
        for index, row in enumerate(self.model.records()):
            if row.line is None:  # the year's hours read across the row
                self.table.setSpan(index, 1, 1, len(self.model.columns) - 1)
        if record is None:
            self.summary.setText("")
        else:
            done = sum(1 for x in record.lines if x.status == "结业")
            self.summary.setText(f"参加{len(record.lines)}期次，结业{done}期次，累计{record.total:g}学时"
                                 if record.years else "尚无参训和学时记录")
        for button in (self.print_button, self.export_button):
            button.setEnabled(person is not None)

    def print_record(self) -> None:
        print_actions.print_document(self, self.session, DocumentRequest("record", person_id=self.person.id))

    def export(self) -> None:
        person = self.person
        export_workbook(self, "导出培训档案", f"{person.name}培训档案.xlsx",
                        lambda path: export_record(self.session.db, person.id, path))
