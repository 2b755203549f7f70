"""Deleting after asking: the question, then the work, and the reason in Chinese when it is refused."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget

from app.domain.errors import UserError
from ui.common import messages


def ask_then_delete(parent: QWidget, title: str, question: str, delete: Callable[[], None]) -> bool:
    """True when the user agreed and delete() went through."""
    if messages.choose(parent, title, question, ["删除", "取消"], default=1) != 0:
        return False
    try:
        delete()
    except UserError as problem:
        messages.error(parent, "不能删除", str(problem))
        return False
    return True
