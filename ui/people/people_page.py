"""学员: the people archive, searched through the service as you type (ID numbers are masked on screen,
so the search runs on the stored numbers), read a page at a time, with each person's attendance below."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QPushButton, QVBoxLayout

from app.domain import vocab
from app.services import people, units
from ui.common import messages
from ui.common.confirm import ask_then_delete
from ui.common.flow_layout import FlowLayout, group
from ui.common.id_reveal import FullIdBox
from ui.common.list_page import ListPage
from ui.common.splitters import ListSplitter
from ui.common.widgets import CompactCombo
from ui.common.write_access import enable_writes
from ui.importing.launch import open_import_wizard
from ui.importing.template import download_template
from ui.people.people_model import PagedPeopleModel
from ui.people.person_detail import PersonDetail
from ui.people.person_dialog import PersonDialog
from ui.shell.changes import Changed

SEARCH_DELAY_MS = 150
RELOAD_ON = Changed.PEOPLE | Changed.UNITS | Changed.ROSTER


class PeoplePage(ListPage):
    title = "学员"
    search_hint = "搜索姓名、拼音首字母、身份证号、电话或单位"
    unit_word = "人"
    model_class = PagedPeopleModel
    select_first = True
    opening_writes = True

    def __init__(self, session, parent=None):
        self.unit_filter = CompactCombo(4)
        self.rank_filter = _filter_box("全部职级", vocab.ranks())
        self.category_filter = _filter_box("全部类别", vocab.words("cadre_categories"))
        self.full_ids = FullIdBox(session, "学员列表")
        super().__init__(session, parent)
        self.full_ids.reveal.connect(self.model.set_unmasked)
        self.search.setToolTip("输入姓名的拼音首字母也能找到，例如输入 zs 可找到“张三”")
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 22)
        self.table.setSortingEnabled(False)  # the archive keeps the official order; 100,000 rows are never re-sorted
        self.table.doubleClicked.connect(self.edit_person)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for box in (self.unit_filter, self.rank_filter, self.category_filter):
            box.currentIndexChanged.connect(self.refresh)
        session.changed.connect(self._data_changed)

    def filter_widgets(self) -> list:
        return [self.full_ids]  # beside the search box: the (logged) choice to show ID numbers whole

    def layout_page(self) -> None:
        self.detail = PersonDetail(self)
        buttons, self.write_buttons = [], []
        for text, slot, writes in (("新增人员…", self.add_person, True), ("修改…", self.edit_person, True),
                                   ("删除", self.delete_person, True), ("导入名单…", self.import_list, True),
                                   ("下载模板…", self.template, False)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.append(button)
            if writes:
                self.write_buttons.append(button)
        # the filters follow the buttons, or wrap under them on a narrow screen
        row = FlowLayout(last_to_the_right=True)
        row.addWidget(group(*buttons))
        row.addWidget(group(self.unit_filter, self.rank_filter, self.category_filter))
        splitter = ListSplitter(Qt.Orientation.Vertical, "people", self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addLayout(row)
        layout.addWidget(splitter, 1)

    def on_search(self, text: str) -> None:
        self._timer.start()

    def select_person(self, person_id: int) -> None:
        """Shows one person (the global search chose them): found by name, the other filters cleared."""
        person = people.get_person(self.session.db, person_id)
        for box in (self.unit_filter, self.rank_filter, self.category_filter):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search.setText(person.name)
        self.refresh()  # now, not after the typing pause
        self._timer.stop()
        row = self.model.row_of(person_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def current_filter(self) -> people.PeopleFilter:
        return people.PeopleFilter(self.search.text(), self.unit_filter.currentData(),
                                   self.rank_filter.currentData() or "", self.category_filter.currentData() or "")

    def refresh(self) -> None:
        self.model.search(self.session.db, self.current_filter())
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.show_selected()

    def reload(self) -> None:
        enable_writes(self.session, self.write_buttons)
        self._fill_units()
        super().reload()

    def update_count(self) -> None:
        total = people.count_people(self.session.db)
        shown = self.model.total
        text = f"共 {total} 人"
        self.count_label.setText(text if not self.current_filter_active() else f"找到 {shown} 人（{text}）")

    def current_filter_active(self) -> bool:
        return self.current_filter() != people.PeopleFilter()

    def show_selected(self) -> None:
        self.detail.show_person(self.session.db, self.selected_record())

    def _selected(self, action: str):
        person = self.selected_record()
        if person is None:
            messages.info(self, action, "请先在列表中选择一个人。")
        return person

    def add_person(self) -> None:
        self._open_form(PersonDialog(self, self.session.db, unit_id=self.unit_filter.currentData()))

    def edit_person(self) -> None:
        person = self._selected("修改人员")
        if person is not None:
            self._open_form(PersonDialog(self, self.session.db, people.get_person(self.session.db, person.id)))

    def _open_form(self, dialog: PersonDialog) -> None:
        if dialog.exec() and dialog.saved:
            self.session.announce(Changed.PEOPLE)

    def delete_person(self) -> None:
        person = self._selected("删除人员")
        question = f"确定从档案中删除“{person.name}”（{person.unit_name or '无单位'}）？" if person else ""
        if person is not None and ask_then_delete(self, "删除人员", question,
                                                  lambda: people.delete_person(self.session.db, person.id)):
            self.session.announce(Changed.PEOPLE)

    open_selected = edit_person
    remove_selected = delete_person

    def import_list(self) -> None:
        open_import_wizard(self, self.session)

    def template(self) -> None:
        download_template(self)

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            if kinds & Changed.UNITS:
                self._fill_units()
            self.refresh()

    def _fill_units(self) -> None:
        current = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem("全部单位", None)
        for unit in units.list_units(self.session.db):
            self.unit_filter.addItem(unit.name, unit.id)
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(current), 0))
        self.unit_filter.blockSignals(False)


def _filter_box(everything: str, words) -> QComboBox:
    box = CompactCombo(4)
    box.addItem(everything, "")
    for word in words:
        box.addItem(word, word)
    box.setMaxVisibleItems(20)
    return box
