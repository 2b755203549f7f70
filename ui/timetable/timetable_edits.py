"""The timetable tab's edits, each one step on the window's undo stack: adding and editing a session (the
dialog), deleting (asked first), moving by drag, copying by Ctrl+drag or 复制 / 粘贴, and a timetable copied
from another period. A step keeps the sessions it touched before and after; undo and redo put one side back
through app.services.teaching.timetable_undo, which refuses, changing nothing, when they changed since."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoStack

from app.domain import teaching
from app.domain.errors import UserError
from app.domain.teaching_records import Session
from app.services.teaching import timetable, timetable_undo
from app.services.teaching.timetable_undo import Sessions
from ui.common import messages
from ui.common.undo import Step
from ui.shell.changes import Changed
from ui.timetable import clipboard
from ui.timetable.session_dialog import SessionDialog


class TimetableEdits:
    """Mixed into TimetableTab: needs session, period_id, period, undo_stack, view, can_edit() and refresh()."""

    undo_stack: QUndoStack

    def _changed(self) -> None:
        self.session.announce(Changed.TIMETABLE)

    def push(self, text: str, before: Sessions, after: Sessions) -> None:
        if before == after:
            return
        word = text.split("：")[0]
        self.undo_stack.push(Step(text, lambda: self._put_back(after, before, f"撤销{word}"),
                                  lambda: self._put_back(before, after, f"重做{word}"), self))

    def _put_back(self, expected: Sessions, target: Sessions, action: str) -> None:
        try:
            timetable_undo.restore(self.session.db, self.period_id, expected, target, action)
        finally:
            self._changed()

    def _locked(self, action: str) -> bool:
        reason = self.locked_reason()
        if reason:
            messages.info(self, action, reason)
        return bool(reason)

    def add(self, day: str | None = None, half: str | None = None) -> None:
        if self._locked("添加课程"):
            return
        if day is None:
            index = self.view.currentIndex()
            day, half = self.view.model().slot(index) if index.isValid() else (self.period.start_date, "上午")
        self._open_dialog(Session(self.period_id, day, half), "添加课程")

    def edit(self, session_id: int | None = None) -> None:
        current = self.view.current_session() if session_id is None else None
        session_id = session_id if session_id is not None else current.id if current else None
        if session_id is None:
            messages.info(self, "编辑课程", "请先在课程表中点选一节课。")
            return
        stored = timetable_undo.snapshot(self.session.db, [session_id])[session_id]
        if stored is not None:
            self._open_dialog(stored, "修改课程")

    def _open_dialog(self, session: Session, word: str) -> None:
        before = timetable_undo.snapshot(self.session.db, [session.id]) if session.id else {}
        dialog = SessionDialog(self, self.session.db, self.period, session, writable=not self.locked_reason())
        if dialog.exec() and dialog.saved is not None:
            saved_id = dialog.saved.id
            before.setdefault(saved_id, None)
            self.push(f"{word}：{dialog.saved.topic}", before, timetable_undo.snapshot(self.session.db, before))
            self._changed()
            self.view.select_session(saved_id)
        dialog.deleteLater()

    def delete(self) -> None:
        current = self.view.current_session()
        if current is None or self._locked("删除课程"):
            return
        question = f"删除{current.day}{current.half}的“{current.topic}”？\n（删除后可用“撤销”（Ctrl+Z）恢复）"
        if messages.choose(self, "删除课程", question, ["删除", "取消"], default=1) != 0:
            return
        before = timetable_undo.snapshot(self.session.db, [current.id])
        try:
            timetable.delete_session(self.session.db, current.id)
        except UserError as problem:
            messages.error(self, "未删除", str(problem))
            return
        self.push(f"删除课程：{current.topic}", before, {current.id: None})
        self._changed()

    def copy(self) -> None:
        current = self.view.current_session()
        if current is not None:
            clipboard.copy(teaching.plain(current))

    def paste(self) -> None:
        session, index = clipboard.pasted(), self.view.currentIndex()
        if session is None or not index.isValid() or self._locked("粘贴课程"):
            return
        self.place(session, *self.view.model().slot(index), copy=True)

    def place(self, session: Session, day: str, half: str, copy: bool) -> None:
        """A session dropped or pasted on a half-day: moved there when it is this period's and not copied,
        else a copy of it goes there. Times are kept only within the same half of the day."""
        if self._locked("复制课程" if copy else "移动课程"):
            return
        moving = not copy and session.period_id == self.period_id and session.id is not None
        if moving and (session.day, session.half) == (day, half):
            return
        times = (session.start_time, session.end_time) if session.half == half else ("", "")
        target = replace(session, period_id=self.period_id, day=day, half=half, start_time=times[0],
                         end_time=times[1], id=session.id if moving else None, sort_order=session.sort_order)
        before = timetable_undo.snapshot(self.session.db, [session.id]) if moving else {}
        try:
            saved = timetable.save_session(self.session.db, target)
        except UserError as problem:
            messages.error(self, "未能移动" if moving else "未能复制", str(problem))
            return
        before.setdefault(saved.id, None)
        word = "移动课程" if moving else "复制课程"
        self.push(f"{word}：{saved.topic}", before, timetable_undo.snapshot(self.session.db, before))
        self._changed()
        self.view.select_session(saved.id)
