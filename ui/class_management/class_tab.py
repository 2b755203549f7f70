"""The 班级管理 tab of a period's window (seed 000 item 22): the trainees with their 班委, group and 结业考核 —
设班委 and 分组 for the trainees selected, 考核 for one; the 班主任 and 跟班人员; the 学风督查 records; the
groups at a glance and the 学员守则 printed with the roster. Each change is one logged write; the window
hears it as a roster change."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.domain.errors import UserError
from app.domain.quality_records import DisciplineCheck, PeriodStaff
from app.services.class_management import committee, staff
from app.services.class_management.completion import failed, pass_score
from app.services.roster import period_of
from ui.class_management.models import CheckModel, ClassTraineeModel, StaffModel
from ui.common import messages
from ui.common.flow_layout import FlowLayout, group
from ui.common.keys import list_keys
from ui.common.tab_parts import list_table, tab_button, titled_part
from ui.common.widgets import note
from ui.common.write_access import enable_writes, writable
from ui.shell.changes import Changed

RELOAD_ON = Changed.ROSTER | Changed.PEOPLE | Changed.UNITS | Changed.PERIODS | Changed.SETTINGS
NO_ROLE = "取消班委"


class ClassTab(QWidget):
    def __init__(self, session, period_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.period_id = session, period_id
        self.model, self.staff_model, self.check_model = ClassTraineeModel(self), StaffModel(self), CheckModel(self)
        self.table = list_table(self, self.model, 7, self.edit_assessment)
        self.staff_table = list_table(self, self.staff_model, 3, self.edit_staff)
        self.check_table = list_table(self, self.check_model, 2, self.edit_check)
        for table in (self.staff_table, self.check_table):  # a row at least; the splitter gives them a third
            table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                                   + table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 2)
        self.summary = note()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(titled_part("学员班委、分组和结业考核", self._trainee_buttons(), self.table))
        bottom = QWidget()
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(titled_part("班主任和跟班人员", self._staff_buttons(), self.staff_table), 2)
        row.addWidget(titled_part("学风督查", self._check_buttons(), self.check_table), 3)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([2000, 1000])  # shares, whatever the window's height
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        session.changed.connect(self._data_changed)
        self.refresh()



    def _trainee_buttons(self) -> FlowLayout:
        self.role_button = QPushButton("设班委", toolTip="给选中的学员设置班长、副班长、组长等职务")
        menu = QMenu(self.role_button)
        for role in (*committee.COMMITTEE_ROLES, NO_ROLE):
            action = QAction(role, menu)
            action.triggered.connect(lambda checked=False, r=role: self.set_role("" if r == NO_ROLE else r))
            menu.addAction(action)
        self.role_button.setMenu(menu)
        self.role_menu = menu
        self.group_button = tab_button("分组…", self.set_group, "把选中的学员（可多选）分到一个小组")
        self.assess_button = tab_button("结业考核…", self.edit_assessment, "登记选中学员的考核成绩、党性分析和研究报告")
        self.rules_button = tab_button("学员守则…", self.edit_rules, "打印学员名册时附在名册之后；也可设置考核合格分数线")
        self.trainee_buttons = [self.role_button, self.group_button, self.assess_button, self.rules_button]
        list_keys(self.table, self.edit_assessment)
        row = FlowLayout(last_to_the_right=True)
        row.addWidget(group(self.role_button, self.group_button, self.assess_button))
        row.addWidget(group(self.rules_button))
        return row

    def _staff_buttons(self) -> FlowLayout:
        self.staff_buttons = [tab_button("添加…", self.add_staff), tab_button("编辑…", self.edit_staff),
                              tab_button("删除", self.delete_staff)]
        row = FlowLayout()
        row.addWidget(group(*self.staff_buttons))
        return row

    def _check_buttons(self) -> FlowLayout:
        self.check_buttons = [tab_button("登记…", self.add_check), tab_button("编辑…", self.edit_check),
                              tab_button("删除", self.delete_check)]
        row = FlowLayout()
        row.addWidget(group(*self.check_buttons))
        return row

    def refresh(self) -> None:
        db = self.session.db
        self.period = period_of(db, self.period_id)
        lines = committee.trainees(db, self.period_id)
        passing = pass_score(db)
        self.model.failed_ids = {e.id for e in lines if failed(e.assessment_score, e.assessment_result, passing)}
        self.model.set_rows(lines)
        members = staff.staff_of(db, self.period_id)
        self.staff_model.set_rows(members)
        self.check_model.set_rows(staff.checks_of(db, self.period_id))
        self.summary.setText(self._summary(db, lines, members))
        enable_writes(self.session, self.trainee_buttons + self.staff_buttons + self.check_buttons)

    def _summary(self, db, lines, members) -> str:
        teachers = "、".join(m.name for m in members if m.role == "班主任") or "未定"
        leader = "、".join(e.person_name for e in lines if e.committee_role == "班长") or "未定"
        found = committee.groups(db, self.period_id, lines)
        groups = "；".join(f"{g.name}{len(g.members)}人" + (f"（组长{g.leader}）" if g.leader else "") for g in found)
        assessed = [e for e in lines if e.assessment_result or e.assessment_score is not None]
        return (f"班主任：{teachers}　班长：{leader}　分组：{groups or '未分组'}\n"
                f"结业考核：已登记{len(assessed)}/{len(lines)}人，不合格{len(self.model.failed_ids)}人"
                f"（合格分数线{pass_score(db):g}分）")

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()

    def _changed(self) -> None:
        self.session.announce(Changed.ROSTER)

    def selected_lines(self) -> list:
        return [self.model.record(index.row()) for index in self.table.selectionModel().selectedRows()]

    def _selected(self, table, model):
        rows = table.selectionModel().selectedRows()
        return model.record(rows[0].row()) if rows else None

    def _write(self, title: str, work) -> bool:
        try:
            work()
        except UserError as problem:
            messages.error(self, title, str(problem))
            return False
        self._changed()
        return True

    def _open(self, dialog) -> bool:
        done = bool(dialog.exec())
        dialog.deleteLater()
        if done:
            self._changed()
        return done

    def set_role(self, role: str) -> bool:
        lines = self.selected_lines()
        if not lines:
            messages.info(self, "设班委", "请先在名单中选择学员。")
            return False
        return self._write("未能设置班委", lambda: committee.set_role(self.session.db, self.period_id,
                                                                [line.id for line in lines], role))

    def set_group(self) -> bool:
        from ui.class_management.trainee_dialogs import GroupDialog

        lines = self.selected_lines()
        if not lines:
            messages.info(self, "分组", "请先在名单中选择学员（可多选）。")
            return False
        return writable(self.session) and self._open(GroupDialog(self, self.session.db, self.period_id, lines))

    def edit_assessment(self) -> bool:
        from ui.class_management.trainee_dialogs import AssessmentDialog

        lines = self.selected_lines()
        if len(lines) != 1:
            messages.info(self, "结业考核", "请在名单中选择一名学员。")
            return False
        return writable(self.session) and self._open(AssessmentDialog(self, self.session.db, lines[0]))

    def edit_rules(self) -> bool:
        from ui.class_management.trainee_dialogs import edit_rules

        return edit_rules(self, self.session)

    def add_staff(self) -> bool:
        from ui.class_management.staff_dialogs import StaffDialog

        role = "跟班人员" if any(m.role == "班主任" for m in self.staff_model.records()) else "班主任"
        return self._open(StaffDialog(self, self.session.db, PeriodStaff(self.period_id, "", role)))

    def edit_staff(self) -> bool:
        from ui.class_management.staff_dialogs import StaffDialog

        member = self._selected(self.staff_table, self.staff_model)
        if member is None:
            messages.info(self, "编辑跟班人员", "请先选择一人。")
            return False
        return writable(self.session) and self._open(StaffDialog(self, self.session.db, replace(member)))

    def delete_staff(self) -> None:
        member = self._selected(self.staff_table, self.staff_model)
        if member is None:
            return
        if messages.choose(self, "删除", f"删除{member.role}“{member.name}”吗？", ["删除", "取消"], default=1) == 0:
            self._write("未能删除", lambda: staff.delete_staff(self.session.db, member.id))

    def add_check(self) -> bool:
        from ui.class_management.staff_dialogs import CheckDialog

        p = self.period
        return self._open(CheckDialog(self, self.session.db, DisciplineCheck(self.period_id, ""), p.start_date, p.end_date))

    def edit_check(self) -> bool:
        from ui.class_management.staff_dialogs import CheckDialog

        check = self._selected(self.check_table, self.check_model)
        if check is None:
            messages.info(self, "学风督查", "请先选择一条督查记录。")
            return False
        p = self.period
        return writable(self.session) and self._open(
            CheckDialog(self, self.session.db, replace(check), p.start_date, p.end_date))

    def delete_check(self) -> None:
        check = self._selected(self.check_table, self.check_model)
        if check is None:
            return
        if messages.choose(self, "删除", f"删除{check.day}的学风督查记录吗？", ["删除", "取消"], default=1) == 0:
            self._write("未能删除", lambda: staff.delete_check(self.session.db, check.id))
