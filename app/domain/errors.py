"""Errors the services raise with messages meant for the user (in Chinese)."""
from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; the message says what, in Chinese."""


class ValidationError(UserError):
    """A record failed validation; `errors` maps each field to its message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


class NotFound(UserError):
    pass


class StaleRecord(UserError):
    """A save refused because someone else saved the record after the form loaded it (its version moved):
    names who and when, as the row says, so the clerk knows whom to ask; the form offers to reload."""

    def __init__(self, who: str, at: str):
        self.who, self.at = who, at
        super().__init__(f"这条记录已被 {who or '另一位用户'} 在 {shown_time(at)} 修改，请刷新后再改")


class RecordDeleted(NotFound):
    """A save refused because the record was deleted after the form loaded it."""

    def __init__(self, label: str, record_id: int | None):
        super().__init__(f"这条{label}记录（编号 {record_id}）已被删除，不能再保存；请关闭表单后刷新列表")


def shown_time(at: str) -> str:
    """An ISO time as the clerk reads it: 2026-12-07T14:03:05 → 2026-12-07 14:03."""
    return at.replace("T", " ")[:16] if at else "（时间不详）"
