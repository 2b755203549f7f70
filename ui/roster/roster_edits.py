"""The roster window's edits, each one step on the window's undo stack: adding people (from the archive
or newly made), replacing a trainee, a trainee's details, status changes and removal.

An edit notes the seats it touches before and after (app.services.roster_undo); undo and redo put them
back through the service, which refuses, changing nothing, when someone has changed them since.
Several trainees at once are asked about first, naming them and how many.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoStack

from app.domain.errors import UserError
from app.services import roster as roster_service
from app.services import roster_undo
from app.services.roster_undo import Seats
from ui.common import messages
from ui.common.undo import Step
from ui.people.person_dialog import PersonDialog
from ui.roster.trainee_dialogs import PersonPicker, ReplaceDialog, TraineeDialog
from ui.shell.changes import Changed

NAMES_SHOWN = 5


def names_text(names: list[str]) -> str:
    """张三 / 张三、李四 / 张三、李四、王五、赵六、钱七等12人: a question that stays short for a long list."""
    if len(names) <= 2:
        return "、".join(names)
    shown = "、".join(names[:NAMES_SHOWN])
    return f"{shown}等{len(names)}人" if len(names) > NAMES_SHOWN else f"{shown}（共{len(names)}人）"


class RosterEdits:
    """Mixed into RosterWindow: needs session, period_id, period, model, table and selected_lines()."""

    undo_stack: QUndoStack

    def _changed(self) -> None:
        self.session.announce(Changed.ROSTER)

    def _seats(self, person_ids) -> Seats:
        return roster_undo.seats(self.session.db, self.period_id, person_ids)

    def _push(self, text: str, before: Seats) -> None:
        """Pushes the edit just made, if it changed any seat, as a step named `text` (撤销 移出名单：张三)."""
        after = self._seats(before)
        touched = [person_id for person_id in before if before[person_id] != after[person_id]]
        if not touched:
            return
        before, after = {p: before[p] for p in touched}, {p: after[p] for p in touched}
        word = text.split("：")[0]
        self.undo_stack.push(Step(text, lambda: self._put_back(after, before, f"撤销{word}"),
                                  lambda: self._put_back(before, after, f"重做{word}"), self))

    def _put_back(self, expected: Seats, target: Seats, action: str) -> None:
        try:
            roster_undo.restore(self.session.db, self.period_id, expected, target, action)
        finally:
            self._changed()  # shows the roster as it is, whether or not the step could be made

    def _one(self, action: str):
        lines = self.selected_lines()
        if len(lines) != 1:
            messages.info(self, action, "请先在名单中选择一位学员。")
            return None
        return lines[0]

    def add_people(self) -> None:
        picker = PersonPicker(self, self.session.db, roster_service.period_title(self.period),
                              year=int(self.period.start_date[:4]))
        if picker.exec():
            self._add(picker.person_ids())

    def new_person(self) -> None:
        dialog = PersonDialog(self, self.session.db)
        if dialog.exec() and dialog.saved:
            self.session.announce(Changed.PEOPLE)
            self._add([dialog.saved.id])

    def _add(self, person_ids: list[int]) -> None:
        before = self._seats(person_ids)
        outcome = roster_service.add_people(self.session.db, self.period_id, person_ids)
        added = [seat.name for seat in self._seats(person_ids).values() if seat is not None]
        self._push(f"加入名单：{names_text(added)}", before)
        self._report(outcome)

    def _report(self, outcome: roster_service.Additions) -> None:
        self._changed()
        lines = []
        if outcome.refused:
            lines.append("未加入：" + "；".join(outcome.refused.values()))
        if outcome.double_booked:
            names = {line.person_id: line.name for line in self.model.records()}
            lines.append("多头调训提醒：" + "；".join(f"{names.get(pid, '')}同时在{'、'.join(where)}"
                                                  for pid, where in outcome.double_booked.items()))
        if lines:
            messages.info(self, "加入名单", f"已加入{len(outcome.added)}人。\n\n" + "\n".join(lines))

    def replace(self) -> None:
        line = self._one("更换学员")
        if line is None:
            return
        if not line.active:
            messages.info(self, "更换学员", f"“{line.name}”的状态为“{line.status}”，不能再被替换。")
            return
        before = self._seats([line.person_id])
        dialog = ReplaceDialog(self, self.session.db, line)
        if dialog.exec():
            newcomer = self._seats([dialog.saved.person_id])[dialog.saved.person_id]
            self._push(f"更换学员：{line.name} → {newcomer.name}", {**before, newcomer.person_id: None})
            self._changed()
            if dialog.busy:
                messages.info(self, "多头调训提醒", f"替换的人同时在{'、'.join(dialog.busy)}名单中。")

    def edit_trainee(self) -> None:
        line = self._one("编辑学员信息")
        if line is None:
            return
        before = self._seats([line.person_id])
        if TraineeDialog(self, self.session.db, line).exec():
            self._push(f"修改学员信息：{line.name}", before)
            self._changed()

    def set_status(self, status: str) -> None:
        lines = self.selected_lines()
        if not lines:
            messages.info(self, "设置状态", "请先在名单中选择学员（按住 Ctrl 或 Shift 可多选）。")
            return
        names = names_text([line.name for line in lines])
        if len(lines) > 1 and messages.choose(self, "设置状态", f"把{names}的状态都设为“{status}”？",
                                              [f"设为“{status}”", "取消"], default=1) != 0:
            return
        before = self._seats(line.person_id for line in lines)
        refused = roster_service.set_statuses(self.session.db, [line.enrollment_id for line in lines], status)
        self._push(f"设置状态“{status}”：{names}", before)
        self._changed()
        if refused:
            by_id = {line.enrollment_id: line.name for line in lines}
            messages.error(self, "部分学员未改状态", "\n".join(f"{by_id[key]}：{why}" for key, why in refused.items()))

    def remove(self) -> None:
        lines = self.selected_lines()
        if not lines:
            messages.info(self, "移出名单", "请先在名单中选择学员。")
            return
        names = names_text([line.name for line in lines])
        question = (f"把{names}移出本期名单？\n（如是不再参训，建议把状态改为“退学”以保留记录；"
                    "移出后可用“撤销”（Ctrl+Z）放回）")
        if messages.choose(self, "移出名单", question, ["移出", "取消"], default=1) != 0:
            return
        before = self._seats(line.person_id for line in lines)
        try:
            roster_service.remove_many(self.session.db, [line.enrollment_id for line in lines])
        except UserError as problem:
            messages.error(self, "未移出", f"{problem}\n\n名单未作改动。")
            return
        self._push(f"移出名单：{names}", before)
        self._changed()
