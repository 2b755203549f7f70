"""A person's 学时 beyond the office's classes: the records entered or imported, the year's total against
the requirement, and the buttons to register, delete and print a certificate of hours (学时证明)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.models import Person
from app.services.hours import ledger
from app.services.stats import statistics
from ui.common.confirm import ask_then_delete
from ui.common.widgets import make_table
from ui.common.write_access import READ_ONLY_TIP, writable
from ui.documents import print_actions
from ui.people.hours_record_dialog import HoursRecordDialog
from ui.people.models import HoursRecordsModel
from ui.shell.changes import Changed


class PersonHours(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.person: Person | None = None
        self.class_years: set[int] = set()
        self.year = QComboBox(minimumContentsLength=6)
        self.year.setToolTip("合计与学时证明按此年度")
        self.year.currentIndexChanged.connect(self._show_year)
        self.year_summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.add_button = QPushButton("登记学时…")
        self.add_button.clicked.connect(self.add_record)
        self.delete_button = QPushButton("删除学时")
        self.delete_button.clicked.connect(self.delete_record)
        self.print_button = QPushButton("打印学时证明…")
        self.print_button.clicked.connect(self.print_certificate)
        self.model = HoursRecordsModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # the header and two records at least: the people list above gives way to them in its splitter
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3 + 4)
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addWidget(self.year_summary, 1)
        for button in (self.add_button, self.delete_button, self.print_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_person(self, person: Person | None, class_years: set[int] = frozenset()) -> None:
        """class_years: the years the person's periods ended in, offered in the year list."""
        self.person, self.class_years = person, set(class_years)
        records = ledger.records_of(self.session.db, person.id) if person else []
        self.model.set_rows(records)
        self._fill_years(records)
        self._show_year()

    def selected_record(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _fill_years(self, records) -> None:
        """Every year with data, and this year; the person's newest year with hours is shown first."""
        current = self.year.currentData()
        own = {r.year for r in records} | self.class_years
        years = sorted(set(statistics.years(self.session.db)) | own | {date.today().year}, reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(f"{year}年", year)
        wanted = current if current in years and self.year.count() else max(own, default=date.today().year)
        self.year.setCurrentIndex(max(self.year.findData(wanted), 0))
        self.year.blockSignals(False)

    def _show_year(self) -> None:
        year = self.year.currentData()
        if self.person is None or year is None:
            self.year_summary.setText("")
        else:
            self.year_summary.setText(year_text(ledger.person_hours(self.session.db, self.person.id, year)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = writable(self.session)
        self.add_button.setEnabled(can and self.person is not None)
        self.delete_button.setEnabled(can and self.selected_record() is not None)
        for button in (self.add_button, self.delete_button):
            button.setToolTip("" if can else READ_ONLY_TIP)
        self.print_button.setEnabled(self.person is not None and self.year.currentData() is not None)

    def _changed(self) -> None:
        self.show_person(self.person, self.class_years)
        self.session.announce(Changed.HOURS)

    def add_record(self) -> None:
        dialog = HoursRecordDialog(self, self.session.db, self.person, self.year.currentData())
        if dialog.exec() and dialog.saved:
            self._changed()
            self.year.setCurrentIndex(max(self.year.findData(dialog.saved.year), 0))

    def delete_record(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        question = (f"删除{self.person.name}{record.year}年{record.kind}{record.hours:g}学时的记录"
                    + (f"（{record.source}）" if record.source else "") + "？")
        if ask_then_delete(self, "删除学时", question, lambda: ledger.delete_record(self.session.db, record.id)):
            self._changed()

    def print_certificate(self) -> None:
        print_actions.print_hours_certificate(self, self.session, self.person.id, self.year.currentData())


def year_text(entry: ledger.PersonHours) -> str:
    window = f"近五年累计{entry.window_hours:g}学时，" if entry.level == "县处级以上" else ""
    text = (f"本年合计{entry.total:g}学时（班次{entry.classes:g}，其他集中{entry.other:g}，网络学习{entry.online:g}），"
            f"{window}{entry.level}要求{entry.required:g}学时：{entry.status}")
    gaps = [f"差{entry.shortfall:g}学时"] if entry.shortfall else []
    gaps += [f"网络学习差{entry.online_shortfall:g}学时"] if entry.online_shortfall else []
    return text + (f"（{'，'.join(gaps)}）" if gaps else "")
