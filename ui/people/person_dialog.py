"""The person form: every field of a person, checked as you type by the same rules the service applies;
birth date and sex come from the ID number and are checked against what was typed. A word that is not a
standard one (an imported 主任科员) is shown as stored, with a hint, and saves as it is."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import vocab
from app.domain.idcard import IdNumberError, parse_id
from app.domain.models import Person
from app.services import people, units, versions
from ui.common.form import FieldErrors, choice_box, save_or_show, select_data, select_word
from ui.common.windows import fit_window

_DERIVED = ("gender", "birth_date")  # filled from the ID number unless the user typed them


class PersonDialog(QDialog):
    def __init__(self, parent, db, person: Person | None = None, unit_id: int | None = None):
        super().__init__(parent)
        self.db = db
        self.person = person or Person(name="", id_number="", unit_id=unit_id)
        self.saved: Person | None = None
        self._derived: set[str] = set()
        self.setWindowTitle("修改人员信息" if person else "新增人员")
        self.errors = FieldErrors()
        self._build()
        self._load(self.person)
        for edit in (self.name, self.id_number, self.birth_date, self.post, self.phone, self.notes):
            edit.textChanged.connect(self._revalidate)
        for box in (self.gender, self.ethnicity, self.political_status, self.education, self.unit, self.rank,
                    self.cadre_category):
            box.currentIndexChanged.connect(self._revalidate)
        # what the user typed or picked is theirs: the ID number no longer overwrites it
        self.gender.activated.connect(lambda: self._derived.discard("gender"))
        self.birth_date.textEdited.connect(lambda: self._derived.discard("birth_date"))
        self.id_number.textChanged.connect(self._fill_from_id)
        self._revalidate()

    def _build(self) -> None:
        self.name, self.id_number = QLineEdit(), QLineEdit(placeholderText="18位，末位可为X")
        self.gender = choice_box(vocab.words("genders"))
        self.birth_date = QLineEdit(placeholderText="如 1985-06-01")
        self.ethnicity = choice_box(vocab.words("ethnic_groups"))
        self.political_status = choice_box(vocab.words("political_statuses"))
        self.education = choice_box(vocab.words("educations"))
        self.unit = choice_box([])
        for unit in units.list_units(self.db):
            self.unit.addItem(unit.name, unit.id)
        self.post, self.phone, self.notes = QLineEdit(), QLineEdit(placeholderText="手机或座机"), QLineEdit()
        self.rank = choice_box(vocab.ranks())
        self.cadre_category = choice_box(vocab.words("cadre_categories"))
        left, right = QFormLayout(), QFormLayout()
        for form, rows in ((left, [("姓名", self.name, "name"), ("身份证号码", self.id_number, "id_number"),
                                   ("性别", self.gender, "gender"), ("出生日期", self.birth_date, "birth_date"),
                                   ("民族", self.ethnicity, "ethnicity"),
                                   ("政治面貌", self.political_status, "political_status"),
                                   ("学历", self.education, "education")]),
                           (right, [("工作单位", self.unit, "unit_id"), ("职务", self.post, "post"),
                                    ("职级", self.rank, "rank"), ("干部类别", self.cadre_category, "cadre_category"),
                                    ("联系电话", self.phone, "phone"), ("备注", self.notes, "notes")])):
            for label, widget, key in rows:
                self.errors.add_row(form, label, widget, key)
        columns = QWidget()
        row = QHBoxLayout(columns)
        row.addLayout(left, 1)
        row.addSpacing(12)
        row.addLayout(right, 1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(columns)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.summary = QLabel(objectName="note")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        fit_window(self, 800, 520)

    def _load(self, person: Person) -> None:
        self.name.setText(person.name)
        self.id_number.setText(person.id_number)
        self.birth_date.setText(person.birth_date)
        self.post.setText(person.post)
        self.phone.setText(person.phone)
        self.notes.setText(person.notes)
        select_data(self.gender, person.gender)
        select_data(self.unit, person.unit_id)
        for box, word in ((self.ethnicity, person.ethnicity), (self.political_status, person.political_status),
                          (self.education, person.education), (self.rank, person.rank),
                          (self.cadre_category, person.cadre_category)):
            select_word(box, word)

    def reload_record(self) -> None:
        """The person as stored now (another clerk saved them since the form opened)."""
        self.person = versions.current(self.db, self.person)
        self._derived.clear()
        self._load(self.person)
        self._revalidate()

    def draft(self) -> Person:
        return replace(self.person, name=self.name.text(), id_number=self.id_number.text(),
                       gender=self.gender.currentData(), birth_date=self.birth_date.text().strip(),
                       ethnicity=self.ethnicity.currentData(), political_status=self.political_status.currentData(),
                       education=self.education.currentData(), unit_id=self.unit.currentData() or None,
                       post=self.post.text(), rank=self.rank.currentData(),
                       cadre_category=self.cadre_category.currentData(), phone=self.phone.text(),
                       notes=self.notes.text(), name_initials="")

    def _fill_from_id(self, text: str) -> None:
        """A valid ID number fills sex and birth date, unless the user typed them."""
        try:
            info = parse_id(text)
        except IdNumberError:
            return
        if "gender" in self._derived or not self.gender.currentData():
            select_data(self.gender, info.sex)
            self._derived.add("gender")
        if "birth_date" in self._derived or not self.birth_date.text().strip():
            self.birth_date.setText(info.birth_iso)
            self._derived.add("birth_date")
        self._revalidate()

    def _revalidate(self) -> dict[str, str]:
        draft = people.normalized(self.draft())
        errors, hints = people.person_problems(self.db, draft), people.person_hints(draft)
        self.errors.show(errors, hints)
        self.save_button.setEnabled(not errors)
        if errors:
            self.summary.setText(f"还有{len(errors)}处需要修改")
        else:
            self.summary.setText(f"有{len(hints)}处提示，不妨碍保存" if hints else "")
        return errors

    def save(self) -> None:
        self.saved = save_or_show(self, self.errors, self.save_button, lambda: people.save_person(self.db, self.draft()))
