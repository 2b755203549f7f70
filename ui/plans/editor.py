"""The plan editor's tabs: 基本信息 (the plan's fields), 工作要点, 联系人 and 规则提示. It holds the
plan as edited until saved; saving writes plan, outline and contacts in one transaction."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QLabel, QStyle, QTabWidget, QWidget

from app.domain import rules
from app.domain.funds import ORGANISER_KINDS
from app.domain.models import Plan
from app.services import classes, plans
from ui.classes.class_tabs import form_layout, scrolling
from ui.common.contacts_editor import ContactsEditor
from ui.common.fields import Fields, message_html
from ui.common.undo import undo_corner
from ui.common.warnings_panel import WarningsPanel
from ui.plans.outline_editor import OutlineEditor
from ui.shell.changes import Changed
from ui.shell.session import Session

BASIC, OUTLINE, CONTACTS, WARNINGS = range(4)
_TITLES = ("基本信息", "工作要点", "联系人", "规则提示")


class PlanEditor(QTabWidget):
    changed = Signal()  # the user edited something not yet saved

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.plan: Plan | None = None
        self.dirty = False
        self.errors: dict[str, str] = {}
        self.fields = Fields(self._edited)
        self.addTab(scrolling(self._basic()), _TITLES[BASIC])
        self.outline = OutlineEditor()
        self.outline_messages = QLabel(wordWrap=True)
        self.outline.layout().addWidget(self.outline_messages)
        self.addTab(self.outline, _TITLES[OUTLINE])
        self.contacts = ContactsEditor("计划的联系人，印在计划通知末尾；直接在表格中修改。")
        self.addTab(self.contacts, _TITLES[CONTACTS])
        self.warnings = WarningsPanel(session)
        self.addTab(self.warnings, _TITLES[WARNINGS])
        self._undo()
        self.outline.model.edited.connect(self._edited)
        self.contacts.model.edited.connect(self._edited)
        self.warnings.open_plan_field.connect(self.show_field)
        self.warnings.thresholds_saved.connect(self._thresholds_saved)
        self.setEnabled(False)

    def _undo(self) -> None:
        """The plan's stack, until it is saved or left: adding, moving and deleting work points and headings,
        adding, deleting and moving contacts. Typing in a field is undone by the field itself."""
        self.undo_stack = QUndoStack(self)
        self.outline.undo_stack = self.contacts.undo_stack = self.undo_stack
        self.undo_action, self.redo_action = undo_corner(self, self.undo_stack, self,
                                                         Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _thresholds_saved(self) -> None:
        self.session.announce(Changed.SETTINGS)

    def _basic(self) -> QWidget:
        f = self.fields
        content = QWidget()
        form = form_layout(content)
        form.addRow("年度", f.number("year", 2100))
        form.addRow("计划名称", f.line("title", "如：2020年全县干部教育培训工作要点"))
        form.addRow("类型", f.choice("kind", [("工作要点", "工作要点"), ("培训计划", "培训计划")]))
        form.addRow("举办方式", f.choice("organiser_kind", [(kind, kind) for kind in ORGANISER_KINDS]))
        form.addRow("发文机关", f.line("issuer", "如：中共xx县委组织部"))
        form.addRow("文号", f.line("doc_number", "如：xx组发〔2020〕3号"))
        form.addRow("成文日期", f.date("issue_date", optional=True))
        form.addRow("主送机关", f.text("addressees", 2))
        form.addRow("总体要求", f.text("preamble", 6))
        form.addRow("结尾", f.text("closing", 2))
        form.addRow("计划期数", f.number("planned_periods", 9999, " 期"))
        form.addRow("计划人数", f.number("planned_trainees", 99999, " 人"))
        return content

    def load(self, plan_id: int | None) -> None:
        """Shows the saved plan (or nothing), dropping unsaved edits."""
        self.setEnabled(plan_id is not None)
        self.plan = plans.get_plan(self.session.db, plan_id) if plan_id else None
        outline = plans.plan_outline(self.session.db, plan_id) if plan_id else None
        self.fields.load(self.plan or Plan(year=0, title=""))
        self.outline.load(outline.sections if outline else [],
                          plans.classes_by_item(self.session.db, plan_id) if plan_id else {})
        self.contacts.model.set_contacts(outline.contacts if outline else [])
        count = self.warnings.show_plan(plan_id)
        self.setTabText(WARNINGS, f"{_TITLES[WARNINGS]}（{count}）" if count else _TITLES[WARNINGS])
        self.dirty = False
        self.undo_stack.clear()  # steps of the plan as it was edited, not as it is now saved or shown
        self.revalidate()

    def current_plan(self) -> Plan:
        return self.fields.read(self.plan)

    def _edited(self) -> None:
        if self.plan is None:
            return
        self.dirty = True
        self.revalidate()
        self.changed.emit()

    def revalidate(self) -> None:
        if self.plan is None:
            self.fields.show({})
            return
        plan = self.current_plan()
        self.errors = plans.plan_draft_errors(plan, self.outline.model.outline(), self.contacts.model.contacts())
        own_classes = classes.list_classes(self.session.db, plan_id=plan.id)
        totals: dict[str, list[str]] = {}
        for warning in rules.plan_warnings(plan, own_classes):
            totals.setdefault(warning.field, []).append(warning.message)
        self.fields.show(self.errors, totals)
        self.contacts.show_errors(self.errors)
        outline_errors = [text for key, text in self.errors.items() if key.startswith(("sections.", "items."))]
        self.outline_messages.setText("<br>".join(message_html(text, []) for text in outline_errors))
        self.outline_messages.setVisible(bool(outline_errors))
        self._mark_tabs(totals)

    def _mark_tabs(self, totals: dict) -> None:
        critical, warning = QStyle.StandardPixmap.SP_MessageBoxCritical, QStyle.StandardPixmap.SP_MessageBoxWarning
        marks = {BASIC: warning if totals else None, OUTLINE: None, CONTACTS: None}
        for key in self.errors:
            marks[OUTLINE if key.startswith(("sections.", "items.")) else CONTACTS if key.startswith("contacts.")
                  else BASIC] = critical
        for tab, mark in marks.items():
            self.setTabIcon(tab, self.style().standardIcon(mark) if mark else QIcon())

    def save(self) -> Plan:
        """Writes the plan as edited; raises ValidationError or UserError and changes nothing on failure."""
        saved = plans.save_plan(self.session.db, self.current_plan(), self.outline.model.outline(),
                                      self.contacts.model.contacts())
        self.load(saved.id)
        return saved

    def show_field(self, name: str) -> None:
        if name in self.fields.bindings:
            self.setCurrentIndex(BASIC)
            self.fields.widget(name).setFocus()
