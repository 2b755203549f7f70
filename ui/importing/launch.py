"""Opening the import wizard from a page or the roster window."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from ui.importing.wizard import ImportWizard
from ui.shell.session import Session


def open_import_wizard(parent: QWidget, session: Session, period_id: int | None = None,
                       today: date | None = None) -> ImportWizard:
    """Opens the wizard on the period it was started from (or, when none, on the next to begin)."""
    wizard = ImportWizard(parent, session, period_id, today)
    wizard.open()
    return wizard
