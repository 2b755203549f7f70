"""Pages that load their data when first shown, and again when another database is opened while
they are on screen: start-up pays only for the page the user sees."""
from __future__ import annotations


class LoadsWhenShown:
    """Mixed into a QWidget page with a `session` and a `reload()` that clears `_stale`."""

    _stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _database_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()
