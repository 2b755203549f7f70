"""期次: every live period with its class, dates, place, status and seats; filtered by when (this year, in
progress, upcoming, closed), plan and class kind, searched by name or pinyin initials. Enter or a
double-click opens the period's roster window; its class form and a unit's list are a click away."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout

from app.domain import vocab
from app.domain.funds import ORGANISER_KINDS
from app.services import periods, plans
from ui.classes import actions
from ui.common import messages
from ui.common.list_page import ListPage
from ui.common.write_access import enable_writes
from ui.importing.launch import open_import_wizard
from ui.makeup.launch import open_makeup
from ui.periods.models import PeriodsFilter, PeriodsModel
from ui.roster import period_actions
from ui.shell.changes import Changed

RELOAD_ON = Changed.CLASSES | Changed.PERIODS | Changed.ROSTER | Changed.PLANS


class PeriodsPage(ListPage):
    title = "期次"
    search_hint = "搜索名称或拼音首字母"
    unit_word = "期"
    model_class = PeriodsModel
    proxy_class = PeriodsFilter

    def __init__(self, session, parent=None):
        self.when = _combo(periods.WHEN.items())
        self.plan = QComboBox(minimumContentsLength=12)
        self.plan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind = _combo([("", "全部类型"), *((kind, kind) for kind in vocab.words("class_kinds"))])
        self.organiser = _combo([("", "全部举办方式"), *((kind, kind) for kind in ORGANISER_KINDS)])
        super().__init__(session, parent)
        self.search.setToolTip("输入班次名称的拼音首字母也能找到，例如 jxb 可找到“进修班”，jxb2 找到其第2期")
        self.table.activated.connect(self.open_roster)  # Enter, or a double-click
        self.search.returnPressed.connect(self.open_roster)  # "jxb2" then Enter: that period's roster
        for box in (self.when, self.plan, self.kind, self.organiser):
            box.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        session.changed.connect(self._data_changed)  # a method, not a lambda: no reference cycle

    @property
    def today(self):
        return self.model.today

    @today.setter
    def today(self, today) -> None:
        """Tests fix the day that 进行中 and 即将开班 are reckoned from."""
        self.model.today = today
        self.apply_filter()

    def layout_page(self) -> None:
        buttons = QHBoxLayout()
        self.open_button = QPushButton("打开名单", toolTip="打开本期的学员名单（也可双击或按回车）")
        self.class_button = QPushButton("班次信息…", toolTip="打开本期所属班次的表单")
        self.import_button = QPushButton("导入名单…", toolTip="把单位报送的 Excel 名单导入本期")
        self.makeup_button = QPushButton("补训…", toolTip="点名调训班次中未完成培训的学员：安排补训、免补训、打印补训通知")
        for button, slot in ((self.open_button, self.open_roster), (self.class_button, self.open_class),
                             (self.import_button, self.import_list), (self.makeup_button, self.open_makeup)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for box in (self.when, self.plan, self.kind, self.organiser):
            buttons.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def rows(self) -> list:
        return periods.entries(self.session.db)

    def reload(self) -> None:
        self._fill_plans()
        super().reload()
        if not self.selected_record() and (found := periods.at_hand(self.model.records(), self.today())):
            self.select_id(found.id)  # opened on the period at hand, not on a closed one from March

    def refresh(self) -> None:
        selected = self.selected_record()
        super().refresh()
        if selected is not None:
            self.select_id(selected.id)
        self._update_buttons()

    def on_search(self, text: str) -> None:
        self.apply_filter()

    def apply_filter(self) -> None:
        self.proxy.apply(periods.PeriodFilter(self.when.currentData(), self.plan.currentData(),
                                              self.kind.currentData(), self.search.text(),
                                              self.organiser.currentData()))
        self.update_count()
        if not self.selected_record() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _fill_plans(self) -> None:
        current = self.plan.currentData()
        self.plan.blockSignals(True)
        self.plan.clear()
        self.plan.addItem("全部计划", None)
        for plan in plans.list_plans(self.session.db):
            self.plan.addItem(plan.title, plan.id)
        self.plan.setCurrentIndex(max(self.plan.findData(current), 0))
        self.plan.blockSignals(False)

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & Changed.PLANS:
            self._fill_plans()
        if kinds & RELOAD_ON:
            self.refresh()

    def _update_buttons(self) -> None:
        chosen = self.selected_record() is not None
        for button in (self.open_button, self.class_button):
            button.setEnabled(chosen)
        enable_writes(self.session, [self.import_button])
        self.import_button.setEnabled(self.import_button.isEnabled() and chosen)

    def _selected(self, action: str):
        entry = self.selected_record()
        if entry is None:
            messages.info(self, action, "请先在列表中选择一期。")
        return entry

    def open_roster(self, *_) -> None:
        if (entry := self._selected("打开名单")) is not None:
            period_actions.open_period(self, self.session, entry.id)

    def open_class(self) -> None:
        if (entry := self._selected("班次信息")) is not None:
            actions.open_class(self, self.session, entry.class_id, entry.id)

    def open_makeup(self) -> None:
        open_makeup(self, self.session, getattr(self.selected_record(), "class_id", None))

    def import_list(self) -> None:
        if (entry := self._selected("导入名单")) is not None:
            open_import_wizard(self, self.session, entry.id)


def _combo(choices) -> QComboBox:
    box = QComboBox(minimumContentsLength=6)
    for key, text in choices:
        box.addItem(text, key)
    return box
