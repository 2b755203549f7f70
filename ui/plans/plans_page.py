"""计划: the yearly plans on the left, the selected one in the plan editor on the right; new, copy to the
next year, delete or archive; changes are kept until 保存 and never lost by switching plans."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QPushButton, QSplitter, QVBoxLayout

from app.domain.errors import UserError, ValidationError
from app.domain.models import Plan
from app.services import classes, plans, year_copy
from ui.common import messages, stale
from ui.common.list_page import ListPage
from ui.common.splitters import ListSplitter, list_width
from ui.plans.editor import PlanEditor
from ui.plans.models import PlansModel
from ui.shell.changes import Changed
from ui.survey.pane import SurveyPane

REFRESH_ON = Changed.CLASSES | Changed.PERIODS | Changed.PLANS | Changed.SETTINGS | Changed.TIMETABLE
SURVEY_ON = Changed.SURVEY | Changed.UNITS


class PlansPage(ListPage):
    title = "计划"
    search_hint = "搜索要点或班次"
    unit_word = "个计划"
    model_class = PlansModel
    select_first = True

    def layout_page(self) -> None:
        self.shown_plan_id: int | None = None
        self.show_archived = QCheckBox("含已归档")
        self.show_archived.toggled.connect(self.refresh)
        self.editor = PlanEditor(self.session)
        self.editor.changed.connect(self._update_buttons)
        self.editor.outline.new_class_for_item.connect(self.new_class_for_item)
        self.editor.warnings.open_class.connect(self.open_class)
        for column in range(2, self.model.columnCount()):
            self.table.setColumnHidden(column, True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a few long names: wrapped whole in a narrow list rather than cut to "2020年…"
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        char = self.fontMetrics().horizontalAdvance("汉")
        # the year and about 14 characters of the name: enough to tell the plans apart, the rest elided
        splitter = ListSplitter(Qt.Orientation.Horizontal, "plans", self.table,
                                first_size=lambda: list_width(self.table, 1) + char * 14 + 16)
        splitter.addWidget(self.table)
        splitter.addWidget(self._beside_editor())
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addLayout(self._buttons())
        layout.addWidget(splitter, 1)
        self.session.changed.connect(self._data_changed)

    def filter_widgets(self) -> list:
        """需求调研… by the search box (the row of the plan's buttons has no room left at 150%)."""
        self.survey_button = QPushButton("需求调研…", toolTip="下一年度培训需求的调研：调研表、各单位报送情况和汇总")
        self.survey_button.clicked.connect(lambda: self.open_survey())
        return [self.survey_button]

    def _beside_editor(self) -> QSplitter:
        """The editor, and beside it the survey tally of the plan's year when there is one (folds away)."""
        self.survey_pane = SurveyPane(self.session)
        self.survey_pane.open_survey.connect(self.open_survey)
        self.survey_pane.fold.connect(self._fold_survey)
        self.survey_folded = False
        self.beside = QSplitter(Qt.Orientation.Horizontal)
        self.beside.addWidget(self.editor)
        self.beside.addWidget(self.survey_pane)
        self.beside.setStretchFactor(0, 1)
        self.beside.setCollapsible(0, False)
        self.beside.setCollapsible(1, True)
        self.survey_pane.setVisible(False)
        return self.beside

    def _show_survey(self) -> None:
        plan = self.editor.plan
        shown = self.survey_pane.show_year(plan.year if plan else None)
        was = self.survey_pane.isVisible()
        self.survey_pane.setVisible(shown)
        if shown and not was and not self.survey_folded:
            char = self.fontMetrics().horizontalAdvance("汉")
            total = sum(self.beside.sizes()) or self.beside.width()
            side = min(char * 22, max(total // 4, char * 12))
            self.beside.setSizes([max(total - side, 0), side])

    def _fold_survey(self) -> None:
        self.survey_folded = True
        self.beside.setSizes([sum(self.beside.sizes()), 0])

    def open_survey(self, year: int = 0) -> None:
        from ui.survey.launch import open_survey

        plan = self.editor.plan
        open_survey(self, self.session, year or (plan.year if plan else None))

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("new", "新建计划", self.new_plan), ("copy", "复制到下一年", self.copy_plan),
                                ("delete", "删除", self.delete_plan), ("restore", "恢复", self.restore_plan),
                ("print", "打印计划通知…", self.print_notice),
                                ("save", "保存修改", self.save), ("revert", "放弃修改", self.revert)):
            self.buttons[key] = button = QPushButton(text)
            button.clicked.connect(slot)
            if key == "save":
                row.addStretch(1)
                row.addWidget(self.show_archived)
            row.addWidget(button)
        self.buttons["save"].setDefault(True)
        self.print_button = self.buttons["print"]  # what Ctrl+P presses
        return row

    def _update_buttons(self) -> None:
        plan, writable = self.editor.plan, not self.session.read_only  # another computer holds the file
        self.buttons["save"].setEnabled(self.editor.dirty and writable)
        self.buttons["revert"].setEnabled(self.editor.dirty)
        self.buttons["new"].setEnabled(writable)
        for key in ("copy", "delete", "restore"):
            self.buttons[key].setEnabled(plan is not None and writable)
        self.buttons["restore"].setVisible(bool(plan and plan.archived))
        self.buttons["print"].setEnabled(plan is not None and plan.id is not None and not self.editor.dirty)
        self.buttons["print"].setToolTip("先保存修改再打印" if self.editor.dirty else "按计划及其班次生成计划通知并打印")

    def rows(self) -> list:
        return plans.list_plans(self.session.db, include_archived=self.show_archived.isChecked())

    def refresh(self) -> None:
        keep = self.shown_plan_id
        self.model.set_rows(self.rows())
        if not self.select_plan(keep):
            if self.proxy.rowCount():
                self.table.selectRow(0)
            else:
                self.show_selected()
        self._update_buttons()

    def reload(self) -> None:
        """Another database was opened: what the editor held belongs to the old one."""
        self.editor.dirty = False
        self.editor.plan = None
        self.shown_plan_id = None
        super().reload()

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & REFRESH_ON and not self.editor.dirty:
            self.editor.load(self.shown_plan_id)
            self._update_buttons()
        if kinds & (SURVEY_ON | REFRESH_ON):
            self._show_survey()

    def select_plan(self, plan_id: int | None) -> bool:
        for row, plan in enumerate(self.model.records()):
            if plan.id == plan_id:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                return True
        return False

    def on_search(self, text: str) -> None:
        self.editor.outline.filter(text.strip())
        if text.strip():
            self.editor.setCurrentIndex(1)

    def show_selected(self) -> None:
        plan = self.selected_record()
        plan_id = plan.id if plan else None
        if plan_id == self.shown_plan_id and self.editor.plan is not None:
            return
        if not self._leave_current():
            self.select_plan(self.shown_plan_id)
            return
        self.shown_plan_id = plan_id
        self.editor.load(plan_id)
        self._update_buttons()
        self._show_survey()

    def _leave_current(self) -> bool:
        """Asks what to do with unsaved edits; False when the user stays on the current plan."""
        if not self.editor.dirty:
            return True
        title = self.editor.plan.title if self.editor.plan else ""
        answer = messages.choose(self, "计划尚未保存", f"“{title}”的修改还没有保存。", ["保存", "放弃修改", "取消"])
        if answer == 0:
            return self.save()
        return answer == 1

    def save(self) -> bool:
        try:
            saved = self.editor.save()
        except ValidationError as error:
            messages.error(self, "未能保存", "请先改正：\n" + "\n".join(error.errors.values()))
            return False
        except UserError as error:
            if not stale.refused(self, error, self.revert):
                messages.error(self, "未能保存", str(error))
            return False
        self.shown_plan_id = saved.id
        self.session.announce(Changed.PLANS)
        self.refresh()
        return True

    def revert(self) -> None:
        self.editor.load(self.shown_plan_id)
        self._update_buttons()

    def new_plan(self) -> None:
        if not self._leave_current():
            return
        year = max((p.year for p in self.model.records()), default=2019) + 1
        saved = plans.save_plan(self.session.db, Plan(year=year, title=f"{year}年干部教育培训工作要点"), [], [])
        self._show_new(saved.id)
        self.editor.setCurrentIndex(0)
        self.editor.fields.widget("title").setFocus()

    def copy_plan(self) -> None:
        if self.editor.plan is None or not self._leave_current():
            return
        plan, found = self.editor.plan, year_copy.plan_copy_preview(self.session.db, self.editor.plan.id)
        question = (f"把“{plan.title}”复制为{found.year}年的“{found.title}”？\n\n将复制{found.items}条要点、"
                    f"联系人和{found.classes}个班次（共{found.periods}个期次，日期顺延到{found.year}年的同一星期几，"
                    "状态回到“筹备”）。")
        if messages.choose(self, "复制到下一年", question, ["复制", "取消"], default=1) != 0:
            return
        copy = year_copy.copy_plan_to_next_year(self.session.db, plan.id)
        self._show_new(copy.id)
        messages.info(self, "已复制", f"已生成“{copy.title}”：标题、要点、联系人和班次都已复制，"
                                      "各期日期顺延到下一年的同一星期几，状态回到“筹备”。文号请另行填写。")

    def _show_new(self, plan_id: int) -> None:
        self.shown_plan_id = None
        self.model.set_rows(self.rows())
        self.select_plan(plan_id)
        self.session.announce(Changed.PLANS)

    def remove_selected(self) -> None:
        self.delete_plan()

    def delete_plan(self) -> None:
        plan = self.editor.plan
        if plan is None:
            return
        if self._class_count(plan.id):
            text = (f"计划“{plan.title}”下还有班次，不能删除。\n\n"
                    "可以归档：计划不再出现在列表中，内容全部保留，需要时还可恢复。")
            if messages.choose(self, "不能删除", text, ["归档", "取消"]) == 0:
                self._set_archived(plan.id, True)
            return
        items = sum(len(section.items) for section in self.editor.outline.model.sections)
        if messages.choose(self, "删除计划", f"删除计划“{plan.title}”及其{items}条要点？删除后不能恢复。",
                           ["删除", "取消"], default=1) == 0:
            plans.delete_plan(self.session.db, plan.id)
            self.editor.dirty = False
            self.shown_plan_id = None
            self.session.announce(Changed.PLANS)
            self.refresh()

    def _class_count(self, plan_id: int) -> int:
        return len(classes.list_classes(self.session.db, plan_id=plan_id, include_archived=True))

    def restore_plan(self) -> None:
        if self.editor.plan is not None:
            self._set_archived(self.editor.plan.id, False)

    def _set_archived(self, plan_id: int, archived: bool) -> None:
        plans.set_plan_archived(self.session.db, plan_id, archived)
        self.editor.dirty = False
        self.session.announce(Changed.PLANS)
        self.refresh()

    def open_class(self, class_id: int) -> None:
        from ui.classes import actions

        actions.open_class(self, self.session, class_id)

    def print_notice(self) -> None:
        plan = self.editor.plan
        if plan is not None and plan.id is not None:
            from ui.documents import print_actions

            print_actions.print_plan_notice(self, self.session, plan.id)

    def new_class_for_item(self, item_id: int) -> None:
        if self.editor.plan is not None:
            from ui.classes import actions

            actions.new_class(self, self.session, self.editor.plan.id, item_id)
