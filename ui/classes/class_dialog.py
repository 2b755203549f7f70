"""The class form: every field of a class in tabs, validated and checked against the office's rules as
the user types; errors block saving, rule warnings only show; saving is one transaction."""
from __future__ import annotations

from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QStyle, QTabWidget, QVBoxLayout

from app.domain import rules
from app.domain.errors import UserError
from app.domain.funds import UNIT
from app.domain.models import TrainingClass
from app.services import classes, plans, rule_checks, units
from app.services.classes import ClassDraft, draft_errors, save_draft
from ui.classes.class_tabs import HoursTab, basic_tab, scrolling
from ui.classes.periods_tab import PeriodsTab
from ui.common import messages, stale
from ui.common.contacts_editor import ContactsEditor
from ui.common.fields import Fields
from ui.common.undo import undo_corner
from ui.common.widgets import note
from ui.common.windows import remember_window

BASIC, PERIODS, HOURS, CONTACTS = range(4)
_TAB_OF_FIELD = {"planned_periods": PERIODS, "trainees_per_period": PERIODS, "length_days": HOURS,
                 "total_hours": HOURS, "party_spirit_hours": HOURS, "leader_lecture_hours": HOURS,
                 "practical_post_days": HOURS, "party_analysis": HOURS}
_TITLES = ("基本信息", "期次", "课程与学时", "联系人")


def plan_label(plan) -> str:
    return plan.title if plan.title.startswith(str(plan.year)) else f"{plan.year}年 {plan.title}"


class ClassDialog(QDialog):
    def __init__(self, db, draft: ClassDraft, parent=None, read_only: bool = False):
        super().__init__(parent)
        self.read_only = read_only  # opened while another computer holds the file: look, do not save
        self.db, self.draft, self.saved = db, draft, None
        self.roster_period: int | None = None  # 打开名单 was asked for this period: the caller opens it
        self.limits = rule_checks.thresholds(db)
        self.taught = rule_checks.taught(db, [p.id for p in draft.periods if p.id])  # the timetables, as saved
        self.setWindowTitle(f"班次：{draft.training_class.name}" if draft.training_class.id else "新建班次")
        self.fields = Fields(self.revalidate)
        self.tabs = QTabWidget()
        self.tabs.addTab(basic_tab(self.fields, self._plan_choices(), self._unit_choices()), _TITLES[BASIC])
        self.periods = PeriodsTab(db, self.fields, draft.periods)
        self.tabs.addTab(self.periods, _TITLES[PERIODS])
        self.hours = HoursTab(self.fields)
        self.tabs.addTab(scrolling(self.hours), _TITLES[HOURS])
        self.contacts = ContactsEditor("本班次的联系人（会印在通知和调训函上）；直接在表格中修改。")
        self.contacts.model.set_contacts(draft.contacts)
        self.tabs.addTab(self.contacts, _TITLES[CONTACTS])
        self._undo()
        self.summary = note()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.fields.load(draft.training_class)
        self._plan_changed()
        self.fields.bindings["plan_item_id"].set(draft.training_class.plan_item_id)
        self.fields.widget("plan_id").currentIndexChanged.connect(self._plan_changed)
        self.fields.widget("plan_id").currentIndexChanged.connect(self._plan_kind)
        self.fields.widget("organiser_kind").currentIndexChanged.connect(self._organiser_changed)
        self._organiser_changed()
        self.periods.changed.connect(self.revalidate)
        self.periods.roster_wanted.connect(self.open_roster)
        self.contacts.model.edited.connect(self.revalidate)
        self.revalidate()
        remember_window(self, "class", 880, 640)
        self.loaded = self.current_draft()  # as the fields read it back: what "unchanged" means

    def _undo(self) -> None:
        """The form's stack: adding, deleting and archiving periods, adding, deleting and moving contacts.
        Typing in a field is undone by the field itself (Ctrl+Z while it has the focus)."""
        self.undo_stack = QUndoStack(self)
        self.periods.undo_stack = self.contacts.undo_stack = self.undo_stack
        self.undo_action, self.redo_action = undo_corner(self.tabs, self.undo_stack, self)

    def _plan_choices(self) -> list[tuple[str, int | None]]:
        current = self.draft.training_class.plan_id
        found = [p for p in plans.list_plans(self.db, include_archived=True) if not p.archived or p.id == current]
        return [("（不属于任何计划）", None)] + [(plan_label(p), p.id) for p in found]

    def _unit_choices(self) -> list[tuple[str, int | None]]:
        return [("（不是单位自办）", None)] + [(u.name, u.id) for u in units.list_units(self.db)]

    def _plan_kind(self) -> None:
        """A new class takes its plan's 举办方式 (the clerk may still change it)."""
        kind = classes.plan_organiser_kind(self.db, self.fields.bindings["plan_id"].get())
        if kind and self.draft.training_class.id is None:
            self.fields.bindings["organiser_kind"].set(kind)

    def _organiser_changed(self) -> None:
        """举办单位 is asked only of a unit's own class (单位自办)."""
        own_unit = self.fields.bindings["organiser_kind"].get() == UNIT
        self.fields.widget("unit_id").setEnabled(own_unit and not self.read_only)
        if not own_unit:
            self.fields.bindings["unit_id"].set(None)

    def _plan_changed(self) -> None:
        plan_id = self.fields.bindings["plan_id"].get()
        items = plans.plan_outline(self.db, plan_id).items if plan_id else []
        choices = [("（不对应具体要点）", None)] + [(f"{i.number}. {i.title}", i.id) for i in items]
        self.fields.set_items("plan_item_id", choices)

    def current_draft(self) -> ClassDraft:
        training_class = self.fields.read(self.draft.training_class)
        return ClassDraft(training_class, self.periods.periods(), self.contacts.model.contacts(),
                          list(self.periods.removed_ids))

    def revalidate(self) -> None:
        draft = self.current_draft()
        c = draft.training_class
        errors = draft_errors(draft)
        live = [p for p in draft.periods if not p.archived]
        own = rules.class_level_warnings(c, live, self.limits, self.taught)
        by_field: dict[str, list[str]] = {}
        for warning in own:
            by_field.setdefault(warning.field, []).append(warning.message)
        per_period = {row: self._period_warnings(c, period) for row, period in enumerate(draft.periods)
                      if not period.archived}
        self.fields.show(errors, by_field)
        self.periods.show_messages(errors, per_period)
        self.contacts.show_errors(errors)
        timetables = [(p.number, self.taught[p.id]) for p in live if p.id in self.taught]
        self.hours.show_shares(c, timetables, all_have_one=bool(live) and len(timetables) == len(live))
        self._mark_tabs(errors, by_field, per_period)
        count = len(own) + sum(len(texts) for found in per_period.values() for texts in found.values())
        self._summarize(errors, count)

    def _period_warnings(self, c: TrainingClass, period) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for warning in rules.period_warnings(c, period, self.limits):
            found.setdefault(warning.field, []).append(warning.message)
        return found

    def _mark_tabs(self, errors: dict, warnings: dict, per_period: dict) -> None:
        marks = {index: None for index in range(4)}
        for key in warnings:
            marks[_TAB_OF_FIELD.get(key, BASIC)] = QStyle.StandardPixmap.SP_MessageBoxWarning
        if any(per_period.values()):
            marks[PERIODS] = QStyle.StandardPixmap.SP_MessageBoxWarning
        for key in errors:
            tab = PERIODS if key.startswith("periods.") else CONTACTS if key.startswith("contacts.") else \
                _TAB_OF_FIELD.get(key, BASIC)
            marks[tab] = QStyle.StandardPixmap.SP_MessageBoxCritical
        for index, mark in marks.items():
            self.tabs.setTabIcon(index, self.style().standardIcon(mark) if mark else QIcon())

    def _summarize(self, errors: dict, warning_count: int) -> None:
        self.save_button.setEnabled(not errors and not self.read_only)
        parts = []
        if errors:
            parts.append(f'<span style="color:#b3261e">有{len(errors)}处需要改正后才能保存</span>')
        if warning_count:
            parts.append(f'<span style="color:#a16207">{warning_count}条规则提示（不影响保存）</span>')
        if self.read_only:
            parts.insert(0, "数据库是只读打开的，只能查看")
        self.summary.setText("；".join(parts) or "填写完毕即可保存")

    def show_period(self, period_id: int) -> None:
        self.tabs.setCurrentIndex(PERIODS)
        self.periods.select(period_id)

    def open_roster(self, period_id: int) -> None:
        """Closes the form (saving first, if the clerk says so) so the period's roster window can open."""
        if self.current_draft() != self.loaded and not self.read_only:
            answer = messages.choose(self, "打开名单", "班次有未保存的修改。先保存，再打开名单吗？",
                                     ["保存并打开", "不保存，直接打开", "取消"])
            if answer == 0:
                self.roster_period = period_id
                self.save()
                if self.result() != QDialog.DialogCode.Accepted:
                    self.roster_period = None  # not saved (the reason was shown): the form stays
                return
            if answer != 1:
                return
        self.roster_period = period_id
        self.reject()

    def save(self) -> None:
        try:
            self.saved = save_draft(self.db, self.current_draft())
        except UserError as error:
            if not stale.refused(self, error, self.reload_record if self.draft.training_class.id else None):
                messages.error(self, "未能保存", str(error))
            return
        self.accept()

    def reload_record(self) -> None:
        """The class, its periods and contacts as stored now (another clerk saved them since the form
        opened); the form's own undo steps went with what was typed."""
        self.draft = draft = classes.load_draft(self.db, self.draft.training_class.id)
        self.fields.load(draft.training_class)
        self.fields.bindings["plan_item_id"].set(draft.training_class.plan_item_id)
        self.periods.reload(draft.periods)
        self.contacts.model.set_contacts(draft.contacts)
        self.undo_stack.clear()
        self.revalidate()
        self.loaded = self.current_draft()
