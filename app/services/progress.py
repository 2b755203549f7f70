"""How long work reports progress and learns it was cancelled, without knowing about Qt."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from app.domain.errors import UserError


class Cancelled(UserError):
    def __init__(self, message: str = "已取消，数据未作任何改动"):
        super().__init__(message)


@dataclass
class Progress:
    report: Callable[[int, int], None] = field(default=lambda done, total: None)
    is_cancelled: Callable[[], bool] = field(default=lambda: False)

    def step(self, done: int, total: int) -> None:
        """Reports done of total; raises Cancelled when the user asked to stop (roll back on it)."""
        if self.is_cancelled():
            raise Cancelled()
        self.report(done, total)


NO_PROGRESS = Progress()
