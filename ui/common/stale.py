"""A save refused because another clerk saved the record after this form loaded it (StaleRecord), or
deleted it (RecordDeleted): the same question in every form that saves one record.

The form says the refusal as the service worded it ("这条记录已被 张三 在 2026-12-07 14:03 修改，请刷新后再改")
and offers 重新载入 (the record as it is now is put into the form; what the clerk typed is lost, so that
is asked once more) or 取消 (the form stays open as it is, the clerk's typing kept, to copy from or close).
"""
from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtWidgets import QWidget

from app.domain.errors import RecordDeleted, StaleRecord
from ui.common import messages

T = TypeVar("T")
TITLE = "记录已被他人修改"
RELOAD, KEEP = "重新载入", "取消"
LOSE_TYPING = "重新载入后，表单中尚未保存的修改将丢失，显示数据库中现在的内容。确定重新载入吗？"


def offer_reload(parent: QWidget | None, problem: StaleRecord, reload: Callable[[], object] | None) -> bool:
    """Says why the save was refused and offers to reload; True when the form was reloaded."""
    if reload is None:
        messages.error(parent, TITLE, str(problem))
        return False
    if messages.choose(parent, TITLE, str(problem), [RELOAD, KEEP], default=0) != 0:
        return False
    if messages.choose(parent, RELOAD, LOSE_TYPING, [RELOAD, KEEP], default=1) != 0:
        return False
    reload()
    return True


def refused(parent: QWidget | None, problem: Exception, reload: Callable[[], object] | None) -> bool:
    """Handles a save refused for a moved version or a deleted record; False for any other problem (the
    caller shows it as before)."""
    if isinstance(problem, StaleRecord):
        offer_reload(parent, problem, reload)
        return True
    if isinstance(problem, RecordDeleted):
        messages.error(parent, "未能保存", str(problem))
        return True
    return False


def save_checked(parent: QWidget | None, save: Callable[[], T], reload: Callable[[], object] | None) -> T | None:
    """Runs save(); a refusal for a moved version or a deleted record is said (with the offer to reload)
    and gives None. Anything else save() raises goes to the caller."""
    try:
        return save()
    except (StaleRecord, RecordDeleted) as problem:
        refused(parent, problem, reload)
        return None
