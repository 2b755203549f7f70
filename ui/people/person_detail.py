"""A person's page under the people list: who they are, every period they attended with status and hours
(a double-click opens that period's roster), their other 学时 (entered by hand or imported) with the
year's total and the certificate of hours, and the whole 培训档案 year by year (一人一档)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.idcard import mask_id
from app.domain.models import Person
from app.domain.status import EnrollmentStatus
from app.services import people
from ui.common.widgets import make_table
from ui.people.person_hours import PersonHours
from ui.people.person_record import PersonRecord
from ui.roster import period_actions
from ui.roster.roster_models import AttendanceModel


class PersonDetail(QWidget):
    def __init__(self, parent, session=None):
        super().__init__(parent)
        self.session = session if session is not None else parent.session  # the people page's
        self.name = QLabel()
        self.name.setStyleSheet("font-weight: bold;")
        self.summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.model = AttendanceModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip("双击（或按回车）打开该期的学员名单")
        self.table.activated.connect(self.open_period)
        self.hours = PersonHours(self.session, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "参训记录")
        self.tabs.addTab(self.hours, "学时档案")
        self.record = PersonRecord(self.session, self)
        self.tabs.addTab(self.record, "培训档案")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def show_person(self, db, person: Person | None) -> None:
        if person is None:
            self.name.setText("")
            self.summary.setText("")
            self.model.set_rows([])
            self.hours.show_person(None)
            self.record.show_person(None)
            return
        history = people.attendance(db, person.id)
        hours = sum(a.hours for a in history)
        facts = "　".join(part for part in (
            person.gender, person.ethnicity, person.birth_date, mask_id(person.id_number), person.unit_name,
            person.post, person.rank, person.cadre_category, person.phone) if part)
        self.name.setText(person.name)
        self.summary.setText(f"{facts}\n参训{len(history)}次，累计学时{hours:g}" + ("" if history else "（尚无参训记录）"))
        self.model.set_rows(history)
        self.record.show_person(person)
        self.hours.show_person(person, {int(a.end_date[:4]) for a in history if EnrollmentStatus.is_completed(a.status) and a.end_date})

    def open_period(self, index) -> None:
        """The roster window of the period in the row (Enter, or a double-click)."""
        if index.isValid():
            period_actions.open_period(self, self.session, self.model.record(index.row()).period_id)
