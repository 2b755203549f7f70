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
