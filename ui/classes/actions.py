"""What the pages do to a class: open its form (new, or on one of its periods), delete or archive it,
copy it to the next year. Each announces Changed.CLASSES to the other pages."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.domain.errors import UserError
from app.domain.models import TrainingClass
from app.services import classes, year_copy
from app.services.classes import ClassDraft
from ui.classes.class_dialog import ClassDialog
from ui.common import messages
from ui.shell.changes import Changed
from ui.shell.session import Session


def edit_draft(parent: QWidget | None, session: Session, draft: ClassDraft, period_id: int | None = None):
    dialog = ClassDialog(session.db, draft, parent, read_only=session.read_only)
    if period_id is not None:
        dialog.show_period(period_id)
    accepted = dialog.exec() == ClassDialog.DialogCode.Accepted
    dialog.deleteLater()  # its fields' callbacks, held by Qt, keep it alive otherwise
    if accepted:
        session.announce(Changed.CLASSES)
    if dialog.roster_period is not None:
        from ui.roster.period_actions import open_period  # the roster window opens this form: not at import

        open_period(parent, session, dialog.roster_period)
    return dialog.saved if accepted else None


def open_class(parent: QWidget | None, session: Session, class_id: int, period_id: int | None = None):
    """Opens the class form on a class (and on one of its periods); returns the saved class or None."""
    return edit_draft(parent, session, classes.load_draft(session.db, class_id), period_id)


def new_class(parent: QWidget | None, session: Session, plan_id: int | None = None, plan_item_id: int | None = None):
    return edit_draft(parent, session, classes.new_draft(session.db, plan_id, plan_item_id))


def delete_class(parent: QWidget | None, session: Session, class_id: int) -> bool:
    """Deletes after asking or, once anyone was enrolled (the service's rule), offers to archive instead.
    True when something changed."""
    found = classes.removal(session.db, class_id)
    if found.archive_instead:
        text = (f"班次“{found.name}”已有{found.enrolled}条学员记录，不能删除。\n\n"
                "可以归档：班次不再出现在列表和日历中，全部记录保留，需要时还可恢复。")
        if messages.choose(parent, "不能删除", text, ["归档", "取消"]) != 0:
            return False
        return set_archived(parent, session, class_id, True)
    text = f"删除班次“{found.name}”" + (f"及其{found.periods}个期次" if found.periods else "") + "？删除后不能恢复。"
    if messages.choose(parent, "删除班次", text, ["删除", "取消"], default=1) != 0:
        return False
    return _run(parent, session, lambda: classes.delete_class(session.db, class_id))


def set_archived(parent: QWidget | None, session: Session, class_id: int, archived: bool) -> bool:
    return _run(parent, session, lambda: classes.set_class_archived(session.db, class_id, archived))


def copy_to_next_year(parent: QWidget | None, session: Session, class_id: int) -> TrainingClass | None:
    """Asks first, naming the class, the year and how many periods; None when cancelled or refused."""
    try:
        found = year_copy.class_copy_preview(session.db, class_id)
    except UserError as error:
        messages.error(parent, "未能复制", str(error))
        return None
    where = f"放入“{found.plan.title}”" if found.plan else "下一年还没有对应的计划，复制的班次暂不属于任何计划"
    question = (f"把班次“{found.title}”复制到{found.year}年？\n\n将复制它的{found.periods}个期次，日期顺延到"
                f"{found.year}年的同一星期几，状态回到“筹备”；{where}。")
    if messages.choose(parent, "复制到下一年", question, ["复制", "取消"], default=1) != 0:
        return None
    copy, plan = year_copy.copy_class_to_next_year(session.db, class_id)
    session.announce(Changed.CLASSES)
    where = f"已放入“{plan.title}”" if plan else "下一年还没有对应的计划，复制的班次暂不属于任何计划"
    messages.info(parent, "已复制", f"已复制“{copy.name}”，各期日期顺延到下一年的同一星期几；{where}。")
    return copy


def _run(parent: QWidget | None, session: Session, work) -> bool:
    try:
        work()
    except UserError as error:
        messages.error(parent, "未能完成", str(error))
        return False
    session.announce(Changed.CLASSES)
    return True
