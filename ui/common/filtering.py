"""A proxy model whose filter depends on a setting of its own, re-applied when the setting changes."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel


class SettingFilter(QSortFilterProxyModel):
    """Subclasses read `self.setting` in filterAcceptsRow; change it through `apply`."""

    setting: Any = None

    def apply(self, setting: Any = None) -> None:
        self.beginFilterChange()
        if setting is not None:
            self.setting = setting
        self.endFilterChange()
