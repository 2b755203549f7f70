"""A period moved by dragging, as an undoable step (Ctrl+Z puts it back, Ctrl+Y moves it again)."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtGui import QUndoCommand


class MovePeriod(QUndoCommand):
    """Pushed after the move has been made and saved, so the first redo does nothing."""

    def __init__(self, label: str, period_id: int, old_start: date, new_start: date,
                 apply: Callable[[int, date], bool]):
        super().__init__(f"移动“{label}”")
        self.period_id, self.old_start, self.new_start, self.apply = period_id, old_start, new_start, apply
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self.apply(self.period_id, self.new_start):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.apply(self.period_id, self.old_start):
            self.setObsolete(True)
